using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>A group account deleted while the accounts below it have open or lost deals: their parent goes with it.</summary>
    public class AccountSegmentRulesTests
    {
        private static readonly Func<int> Unasked = () => throw new InvalidOperationException("not asked");
        private static readonly Func<bool> NoRoleRead = () => throw new InvalidOperationException("no role read");

        [Fact]
        public void Open_deals_below_hold_the_delete_for_an_administrator_and_lost_ones_are_read_only_without_them()
        {
            Refusal open = AccountSegmentRules.CheckParentDeleted(() => false, () => 2, Unasked);
            Assert.Equal(RefusalCodes.AccountSegmentAdminOnly, open.Code);
            Assert.StartsWith("The accounts below this one have 2 open deals", open.Text);
            Assert.StartsWith("The accounts below this one have a lost deal, which its salesperson may reopen",
                AccountSegmentRules.CheckParentDeleted(() => false, () => 0, () => 1).Text);
            Assert.Null(AccountSegmentRules.CheckParentDeleted(() => true, () => 1, Unasked));
            Assert.Null(AccountSegmentRules.CheckParentDeleted(NoRoleRead, () => 0, () => 0));
        }
    }
}
