using System;
using CrmCollab.Plugins.Domain;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An administrator locks the won revenue and the close date after the win (crmc_LockedTermsColumns names
    /// actualvalue and actualclosedate, both offered as lockable). The Win itself records them: the deal's first win, its
    /// re-win after an administrator's reopen, and the loss of a deal won once still go through; afterwards a client's
    /// change of them is refused as before.
    /// </summary>
    public class LockedCloseColumnsScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _manager, _deal;

        public LockedCloseColumnsScenarios()
        {
            _manager = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.SetVariable("crmc_LockedTermsColumns", "actualvalue,actualclosedate");
            _deal = _org.Deal(_org.Account("Contoso"));
        }

        private int State => _org.Row("opportunity", _deal, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value;

        [Fact]
        public void A_deal_is_won_when_its_won_revenue_and_close_date_are_locked_after_the_win()
        {
            _org.Win(_deal);

            Assert.Equal(1, State);
            Assert.Equal(80000m, _org.Row("opportunity", _deal, "actualvalue").GetAttributeValue<Money>("actualvalue").Value);
            // Once won, the rep's change of the locked won revenue is refused.
            _org.Refused(RefusalCodes.TermsLocked,
                () => _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["actualvalue"] = new Money(1m) }), "opportunity");
        }

        [Fact]
        public void A_deal_reopened_by_an_administrator_is_won_again_and_lost_with_the_close_columns_locked()
        {
            _org.Win(_deal);
            _org.HandToAndReopen(_deal, _manager);

            _org.Win(_deal, _manager);
            Assert.Equal(1, State);

            _org.As(_manager).Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1),
            });
            _org.Lose(_deal, _manager);
            Assert.Equal(2, State);
        }
    }
}
