using System;
using CrmCollab.Plugins.Domain.Feasibility;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>Whether a save moves a deal to another account, and whether one whose former account is not known may.</summary>
    public class AccountChangeRuleTests
    {
        private static readonly Guid Contoso = Guid.NewGuid(), Fabrikam = Guid.NewGuid();

        [Fact]
        public void A_deal_moves_only_to_another_account_never_to_none()
        {
            Assert.True(AccountChangeRule.Moves(Contoso, Fabrikam));
            Assert.True(AccountChangeRule.Moves(null, Fabrikam));
            Assert.False(AccountChangeRule.Moves(Contoso, Contoso));
            Assert.False(AccountChangeRule.Moves(Contoso, null));
        }

        [Theory]
        [InlineData(true, false, true, true)]    // a new customer
        [InlineData(true, false, false, true)]   // a contact as customer: the customer may bring another Account field
        [InlineData(false, true, false, true)]   // the Account field of a deal sold to a contact: the account it is routed by
        [InlineData(false, true, true, false)]   // the Account field of a deal sold to an account: not what it is routed by
        [InlineData(false, false, true, false)]  // neither column
        public void A_save_whose_former_account_is_unknown_may_move_the_deal_when_it_sends_the_column_the_account_is_read_from(
            bool sendsCustomer, bool sendsAccountField, bool customerIsAccount, bool mayMove)
        {
            Assert.Equal(mayMove, AccountChangeRule.MayMove(sendsCustomer, sendsAccountField, customerIsAccount));
        }

        [Theory]
        [InlineData(true, false, true)]    // recorded by the save's own step: moved, whatever it sends
        [InlineData(false, true, false)]   // recorded: not moved, though it sends the customer
        [InlineData(null, true, true)]     // nothing recorded: a save sending the customer is taken as moving the deal
        [InlineData(null, false, false)]
        public void A_related_row_leans_on_what_the_deals_own_step_recorded_and_else_on_what_the_save_sends(bool? recorded, bool sendsCustomer, bool moved)
        {
            Assert.Equal(moved, AccountChangeRule.MovedBySave(recorded, sendsCustomer, sendsAccountField: false, customerIsAccount: true));
        }
    }
}
