using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// No Microsoft page says that Win runs the Update steps of the opportunity, so the win's gate must hold on the
    /// opportunityclose every Win creates. These scenarios run on an organisation where Win runs no Update step of
    /// ours at all: what stops the win is the close guard alone.
    /// </summary>
    public class WinGateScenarios
    {
        private static CrmCollabOrg WithoutTheUpdateGuard() => new CrmCollabOrg((solution, options) =>
            solution.Steps.RemoveAll(s => s.PluginTypeName.EndsWith(".OpportunityGuard", StringComparison.Ordinal) && s.MessageName == "Update"));

        [Fact]
        public void An_uncleared_deal_cannot_be_won_even_where_win_runs_no_update_step_and_the_whole_win_rolls_back()
        {
            var org = WithoutTheUpdateGuard();
            var (_, _, _, deal) = org.CustomDealAwaitingReviews();
            var before = TableSnapshot.Take(org.System);

            string message = CrmCollabOrg.Refusal(() => org.Win(deal, drain: false));

            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(message));
            Assert.Contains("cannot be won", message);
            Assert.Contains("Logistics pending (Lena Logistics", message);
            before.AssertUnchanged(org.System); // still open, no opportunityclose, no win date
        }

        [Fact]
        public void A_cleared_deal_is_won_and_gets_its_first_win_date_from_the_close_guard()
        {
            var org = WithoutTheUpdateGuard();
            var (lena, fiona, _, deal) = org.CustomDealAwaitingReviews();
            org.Decide(lena, org.Review(deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            org.Decide(fiona, org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);

            org.Win(deal, drain: false);

            Entity won = org.System.Retrieve("opportunity", deal, new ColumnSet("statecode", "crmc_wonon"));
            Assert.Equal(1, won.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.InRange(won.GetAttributeValue<DateTime>("crmc_wonon"), CrmCollabOrg.Start, org.Engine.Clock.UtcNow);
        }
    }
}
