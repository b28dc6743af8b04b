using System;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An approval is given on terms. A data fix or an import sent with custom logic bypassed (a documented platform
    /// option, for whoever holds the bypass privilege) changes them without CrmCollab's material-change step, so the
    /// approval is never re-opened. The salesperson's own later move or win goes through the gate, which compares each
    /// decision with the terms it was made on.
    /// </summary>
    public class OutdatedApprovalScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _deal;

        public OutdatedApprovalScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
        }

        /// <summary>The import: the discount Finance approved at 10 % becomes 35 %, custom plug-ins bypassed.</summary>
        private void ImportBypassingCustomLogic() =>
            _org.System.Execute(new UpdateRequest
            {
                Target = new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 35m },
                ["BypassCustomPluginExecution"] = true,
            });

        private string Refused(Action attempt)
        {
            var before = TableSnapshot.Take(_org.System);
            string message = CrmCollabOrg.Refusal(attempt);
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(message));
            Assert.Contains("Finance pending", message);
            Assert.DoesNotContain("Logistics", message); // Logistics watched the delivery and the products: its approval stands
            Assert.Contains("changed without CrmCollab's checks", message);
            before.AssertUnchanged(_org.System);
            return message;
        }

        [Fact]
        public void A_deal_whose_approved_discount_an_import_changed_cannot_be_moved_on_nor_won_on_that_approval()
        {
            ImportBypassingCustomLogic();
            Assert.Equal((int)ReviewDecision.Approved, _org.Review(_deal, BusinessFunction.Finance).GetAttributeValue<OptionSetValue>("crmc_decision").Value);

            Refused(() => _org.MoveTo(_deal, SalesStage.Propose));
            Refused(() => _org.As(_org.Rep).Create(new Entity("opportunitysalesprocess")
            {
                ["name"] = "Sales flow",
                ["opportunityid"] = new EntityReference("opportunity", _deal),
                ["processid"] = new EntityReference("workflow", WellKnownProcesses.OpportunitySalesProcessId),
                ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityProposeStageId),
            }));
            Refused(() => _org.Win(_deal, drain: false));
        }

        [Fact]
        public void Once_finance_decides_again_on_the_imported_discount_the_deal_is_won()
        {
            ImportBypassingCustomLogic();

            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.ApprovedWithConditions, conditions: "35 % accepted for this order only");
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);

            Assert.Equal(1, _org.System.Retrieve("opportunity", _deal, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void Terms_put_back_to_what_finance_approved_let_the_deal_move_on()
        {
            ImportBypassingCustomLogic();

            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 10m });
            _org.MoveTo(_deal, SalesStage.Propose);

            Assert.Equal((int)ReviewDecision.Approved, _org.Review(_deal, BusinessFunction.Finance).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Equal(SalesStage.Propose, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void A_deal_reopened_after_finance_approved_a_discount_amendment_is_won_again_once_finance_decides_on_the_amended_discount()
        {
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);
            _org.Decide(_org.Amendment(_deal, discount: 7m), _fiona, AmendmentState.Approved);
            Guid boss = _org.Setup.CreateUser("Bea Boss", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.As(_org.Rep).Execute(new AssignRequest { Target = new EntityReference("opportunity", _deal), Assignee = new EntityReference("systemuser", boss) });
            _org.As(boss).Execute(new SetStateRequest { EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1) });

            // The reopen re-opened the Finance review that approved the old discount (a re-win is a new promise); Logistics' stands.
            string refusal = CrmCollabOrg.Refusal(() => _org.Win(_deal, asUser: boss, drain: false));
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(refusal));
            Assert.Contains("Finance pending", refusal);
            Assert.DoesNotContain("Logistics pending", refusal);

            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.Win(_deal, asUser: boss, drain: false);

            Assert.Equal(1, _org.System.Retrieve("opportunity", _deal, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value);
        }
    }
}
