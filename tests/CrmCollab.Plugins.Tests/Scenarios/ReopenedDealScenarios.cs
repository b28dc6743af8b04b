using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A lost deal can be reopened. Its withdrawn reviews stay history (nobody decides them); the reopen asks again for
    /// the reviews the deal needs at its stage, and the gate holds the deal until they are approved.
    /// Lena (logistics) had not decided when the deal was lost; Fiona (finance) had approved.
    /// </summary>
    public class ReopenedDealScenarios
    {
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity" };
        private readonly CrmCollabOrg _org;
        private readonly Guid _lena, _fiona, _deal;

        public ReopenedDealScenarios() : this(new CrmCollabOrg()) { }

        private ReopenedDealScenarios(CrmCollabOrg org)
        {
            _org = org;
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
        }

        private Entity[] ReviewsOf(BusinessFunction function) =>
            _org.Reviews(_deal).Entities.Where(r => r.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)function).ToArray();

        private static int Decision(Entity review) => review.GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        private int State => _org.DealState(_deal).GetAttributeValue<OptionSetValue>("statecode").Value;

        private void Reopen(string channel = "SetState")
        {
            IOrganizationService rep = _org.As(_org.Rep);
            var deal = new EntityReference("opportunity", _deal);
            var setState = new SetStateRequest { EntityMoniker = deal, State = new OptionSetValue(0), Status = new OptionSetValue(-1) };
            switch (channel)
            {
                case "SetStateDynamicEntity":
                    rep.Execute(new OrganizationRequest("SetStateDynamicEntity")
                    {
                        ["EntityMoniker"] = deal, ["State"] = new OptionSetValue(0), ["Status"] = new OptionSetValue(-1),
                    });
                    break;
                case "Update":
                    rep.Update(new Entity("opportunity", _deal) { ["statecode"] = new OptionSetValue(0) });
                    break;
                case "ExecuteTransaction":
                    CrmCollabOrg.InExecuteTransaction(rep, setState);
                    break;
                default:
                    rep.Execute(setState);
                    break;
            }
        }

        [Theory]
        [InlineData("SetState")]
        [InlineData("SetStateDynamicEntity")]
        [InlineData("Update")]
        [InlineData("ExecuteTransaction")]
        public void A_reopened_deal_asks_again_for_the_review_it_lost_and_cannot_pass_the_gate_before_it_is_approved(string channel)
        {
            Guid withdrawn = _org.Review(_deal, BusinessFunction.Logistics).Id;
            _org.Lose(_deal);

            Reopen(channel);

            Assert.Equal(0, State);
            Entity[] logistics = ReviewsOf(BusinessFunction.Logistics);
            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(logistics.Single(r => r.Id == withdrawn)));
            Entity asked = Assert.Single(logistics, r => Decision(r) == (int)ReviewDecision.Pending); // once, however many steps saw the reopen
            Assert.Equal(_lena, asked.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal((int)ReviewDecision.Approved, Decision(Assert.Single(ReviewsOf(BusinessFunction.Finance)))); // the approval still counts
            Assert.Equal((int)FeasibilityStatus.Pending, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);

            string refusal = _org.Refused(RefusalCodes.GateNotCleared, () => _org.MoveTo(_deal, SalesStage.Propose), Touched);
            Assert.Contains("Logistics pending (Lena Logistics", refusal);
            _org.Refused(RefusalCodes.GateNotCleared, () => _org.Win(_deal, drain: false), Touched);

            _org.Decide(_lena, asked, ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal);
            Assert.Equal(1, State);
        }

        [Fact]
        public void A_deal_lost_past_the_gate_and_reopened_cannot_be_won_until_the_review_asked_again_is_approved()
        {
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
            // The customer negotiates: the discount re-opens the finance review, then the deal is lost.
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 18m });
            Assert.Equal((int)ReviewDecision.Pending, Decision(_org.Review(_deal, BusinessFunction.Finance)));
            _org.Lose(_deal);
            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(_org.Review(_deal, BusinessFunction.Finance)));

            Reopen();

            Entity asked = _org.Review(_deal, BusinessFunction.Finance);
            Assert.Equal((int)ReviewDecision.Pending, Decision(asked));
            string refusal = _org.Refused(RefusalCodes.GateNotCleared, () => _org.Win(_deal, drain: false), Touched);
            Assert.Contains("cannot be won", refusal);
            Assert.Contains("Finance pending (Fiona Finance", refusal);
            _org.Decide(_fiona, asked, ReviewDecision.Approved);
            _org.Win(_deal);
            Assert.Equal(1, State);
        }

        /// <summary>
        /// No Microsoft page says a SetState runs the Update steps of the table: where the form's reopen runs none of
        /// ours, the SetState step alone asks again.
        /// </summary>
        [Fact]
        public void Where_the_reopen_runs_no_update_step_the_set_state_step_alone_asks_again()
        {
            var org = new ReopenedDealScenarios(new CrmCollabOrg((solution, options) =>
            {
                foreach (var step in solution.Steps.Where(s => s.PluginTypeName.EndsWith(".FeasibilityRequest", StringComparison.Ordinal)
                             && s.MessageName == "Update" && s.PrimaryEntity == "opportunity"))
                    step.FilteringAttributes.Remove("statecode");
            }));
            org._org.Lose(org._deal);

            org.Reopen();

            Entity asked = Assert.Single(org.ReviewsOf(BusinessFunction.Logistics), r => Decision(r) == (int)ReviewDecision.Pending);
            Assert.Equal(org._lena, asked.GetAttributeValue<EntityReference>("ownerid").Id);
            org._org.Refused(RefusalCodes.GateNotCleared, () => org._org.Win(org._deal, drain: false), Touched);
        }

        [Fact]
        public void Moving_the_reopened_deal_asks_for_nothing_twice()
        {
            _org.Lose(_deal);
            Reopen();

            _org.MoveTo(_deal, SalesStage.Qualify);
            _org.MoveTo(_deal, SalesStage.Develop);

            Assert.Single(ReviewsOf(BusinessFunction.Logistics), r => Decision(r) == (int)ReviewDecision.Pending);
            Assert.Single(ReviewsOf(BusinessFunction.Logistics), r => Decision(r) == (int)ReviewDecision.Withdrawn);
            Assert.Single(ReviewsOf(BusinessFunction.Finance));
        }

        [Fact]
        public void Nobody_decides_a_review_withdrawn_when_the_deal_was_lost_not_even_after_the_reopen()
        {
            Guid withdrawn = _org.Review(_deal, BusinessFunction.Logistics).Id;
            _org.Lose(_deal);
            var approve = new Entity("crmc_feasibilityreview", withdrawn) { ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved) };
            var reject = new Entity("crmc_feasibilityreview", withdrawn)
            {
                ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Rejected), ["crmc_rejectionreason"] = "No carrier for that region",
            };
            var backToPending = new Entity("crmc_feasibilityreview", withdrawn) { ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Pending) };

            string refusal = _org.Refused(RefusalCodes.ReviewDecisionIncomplete, () => _org.As(_lena).Update(approve), Touched);
            _org.Refused(RefusalCodes.ReviewDecisionIncomplete, () => CrmCollabOrg.InExecuteMultiple(_org.As(_lena), new UpdateRequest { Target = reject }), Touched);
            _org.Refused(RefusalCodes.ReviewDecisionIncomplete, () => _org.As(_lena).Update(backToPending), Touched);
            _org.Refused(RefusalCodes.ReviewDecisionIncomplete, () => _org.As(_org.Admin).Update(approve), Touched);
            Assert.Equal("This review was withdrawn because the deal no longer needs it, and cannot be decided. " +
                "If the deal needs it again, CrmCollab asks for a new one when the deal is saved or reopened: decide that one. [CRMC-REVIEW-DECISION-INCOMPLETE]", refusal);

            Reopen();
            _org.Refused(RefusalCodes.ReviewDecisionIncomplete, () => _org.As(_lena).Update(approve), Touched);
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved); // the review asked again
            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(_org.Row("crmc_feasibilityreview", withdrawn, "crmc_decision")));
        }
    }
}
