using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// While a deal is won its terms change only through an approved amendment, which Finance approves; its reviews stay
    /// as they were. Reopened, the deal's decided reviews count again at the gate: one that approved terms the amendment
    /// changed is asked again, so the deal is not won a second time on Logistics' approval of a delivery date it never saw.
    /// </summary>
    public class AmendedThenReopenedScenarios
    {
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity", "opportunityclose" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _deal, _manager;

        public AmendedThenReopenedScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _manager = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal);
        }

        private static int Decision(Entity review) => review.GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        /// <summary>The salesperson hands the won deal to their manager, a CrmCollab Administrator, who reopens it.</summary>
        private void Reopen(string channel)
        {
            var deal = new EntityReference("opportunity", _deal);
            _org.As(_org.Rep).Execute(new AssignRequest { Target = deal, Assignee = new EntityReference("systemuser", _manager) });
            if (channel == "Update") _org.As(_manager).Update(new Entity("opportunity", _deal) { ["statecode"] = new OptionSetValue(0) });
            else _org.As(_manager).Execute(new SetStateRequest { EntityMoniker = deal, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
        }

        private void AmendDelivery()
        {
            Guid amendment = _org.As(_org.Rep).Create(new Entity("crmc_amendment")
            {
                ["crmc_name"] = "Later delivery", ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
                ["crmc_reason"] = "The customer's plant is not ready", ["crmc_newrequesteddelivery"] = CrmCollabOrg.Start.AddDays(20),
                ["crmc_state"] = new OptionSetValue((int)AmendmentState.Submitted),
            });
            _org.Decide(amendment, _fiona, AmendmentState.Approved);
        }

        [Theory]
        [InlineData("SetState")]
        [InlineData("Update")]
        public void A_delivery_date_amended_while_won_is_asked_of_logistics_again_when_the_deal_is_reopened(string channel)
        {
            AmendDelivery();

            Reopen(channel);

            Entity logistics = _org.Review(_deal, BusinessFunction.Logistics);
            Assert.Equal((int)ReviewDecision.Pending, Decision(logistics));
            Assert.Equal(_lena, logistics.GetAttributeValue<EntityReference>("ownerid").Id);
            // Finance approved the amendment, and the terms it reviewed (discount, amount) did not change: its approval stands.
            Assert.Equal((int)ReviewDecision.Approved, Decision(_org.Review(_deal, BusinessFunction.Finance)));
            string refusal = _org.Refused(RefusalCodes.GateNotCleared, () => _org.Win(_deal, _manager, drain: false), Touched);
            Assert.Contains("Logistics pending (Lena Logistics", refusal);

            _org.Decide(_lena, logistics, ReviewDecision.Approved);
            _org.Win(_deal, _manager);
        }

        [Fact]
        public void A_deal_reopened_with_the_terms_it_was_won_on_keeps_its_approvals()
        {
            Reopen("SetState");

            Assert.Equal((int)ReviewDecision.Approved, Decision(_org.Review(_deal, BusinessFunction.Logistics)));
            Assert.Equal((int)ReviewDecision.Approved, Decision(_org.Review(_deal, BusinessFunction.Finance)));
            Assert.Equal(2, _org.Reviews(_deal).Entities.Count);
            _org.Win(_deal, _manager);
        }
    }
}
