using System;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Tests.Invariants;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The feasibility gate's rules, each tried through every channel an integration has (<see cref="FuzzChannel"/>: the plain
    /// message, its Multiple form, inside ExecuteMultiple, inside ExecuteTransaction, Upsert and UpsertMultiple): a custom deal
    /// at Develop whose Logistics (Lena) and Finance (Fiona) reviews are pending is not moved, created or flowed past Propose;
    /// a review is not born decided nor stamped by a client; only its reviewer decides it, and a decision is not taken back,
    /// moved or deactivated; a discount change re-opens Finance and leaves Logistics approved; a change sent with the win does
    /// not win on the approval it re-opens. Each refusal leaves the deal, its reviews and its flows as they were.
    /// </summary>
    public class GatePathMatrixScenarios
    {
        private static readonly string[] Touched = { "opportunity", "crmc_feasibilityreview", "opportunitysalesprocess" };

        public static TheoryData<int> Channels => new TheoryData<int> { 0, 1, 2, 3, 4, 5 };

        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _account, _deal;

        public GatePathMatrixScenarios()
        {
            (_lena, _fiona, _account, _deal) = _org.CustomDealAwaitingReviews();
        }

        private Entity Finance => _org.Review(_deal, BusinessFunction.Finance);

        private void UpdateAs(Guid who, Entity change, int channel) => FuzzChannel.Update(_org.As(who), change, channel);

        private Entity ReviewChange(params (string column, object value)[] values)
        {
            var change = new Entity("crmc_feasibilityreview", Finance.Id);
            foreach (var (column, value) in values) change[column] = value;
            return change;
        }

        private static Entity Flow(Guid deal, Guid stage) => new Entity("opportunitysalesprocess")
        {
            ["name"] = "Sales flow", ["opportunityid"] = new EntityReference("opportunity", deal),
            ["processid"] = new EntityReference("workflow", WellKnownProcesses.OpportunitySalesProcessId),
            ["activestageid"] = new EntityReference("processstage", stage),
        };

        [Theory]
        [MemberData(nameof(Channels))]
        public void The_deal_is_not_moved_past_the_gate_through_any_channel(int channel)
        {
            _org.Refused(RefusalCodes.GateNotCleared, () => UpdateAs(_org.Rep,
                new Entity("opportunity", _deal) { ["salesstage"] = new OptionSetValue(SalesStage.Propose) }, channel), Touched);
            _org.Refused(RefusalCodes.GateNotCleared, () => UpdateAs(_org.Rep,
                new Entity("opportunity", _deal) { ["stepname"] = "3-Propose" }, channel), Touched);
        }

        [Theory]
        [MemberData(nameof(Channels))]
        public void A_deal_is_not_created_past_the_gate_through_any_channel(int channel)
        {
            var late = new Entity("opportunity")
            {
                ["name"] = "Second line retrofit", ["customerid"] = new EntityReference("account", _account),
                ["estimatedvalue"] = new Money(80000m), ["crmc_discountpercent"] = 10m, ["crmc_iscustomsolution"] = true,
                ["salesstage"] = new OptionSetValue(SalesStage.Propose), ["customerneed"] = "Retrofit line 5", ["decisionmaker"] = true,
                ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(60), ["budgetamount"] = new Money(80000m),
            };
            _org.Refused(RefusalCodes.GateReviewMissing, () => FuzzChannel.Create(_org.As(_org.Rep), late, channel, Guid.NewGuid()), Touched);
        }

        [Theory]
        [MemberData(nameof(Channels))]
        public void The_deals_flow_is_not_moved_started_nor_retargeted_past_the_gate_through_any_channel(int channel)
        {
            Guid flow = _org.SalesFlowAt(_deal, WellKnownProcesses.OpportunityDevelopStageId);
            Guid cleared = _org.CustomDeal(_account);
            _org.MoveTo(cleared, SalesStage.Develop);
            _org.ApproveBothReviews(_lena, _fiona, cleared);
            Guid clearedFlow = _org.SalesFlowAt(cleared, WellKnownProcesses.OpportunityProposeStageId);

            _org.Refused(RefusalCodes.GateNotCleared, () => UpdateAs(_org.Rep, new Entity("opportunitysalesprocess", flow)
            {
                ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityProposeStageId),
            }, channel), Touched);
            _org.Refused(RefusalCodes.GateNotCleared, () => FuzzChannel.Create(_org.As(_org.Rep),
                Flow(_deal, WellKnownProcesses.OpportunityCloseStageId), channel, Guid.NewGuid()), Touched);
            // The cleared deal's flow, standing at Propose, handed to the deal still waiting for its reviews.
            _org.Refused(RefusalCodes.GateNotCleared, () => UpdateAs(_org.Rep, new Entity("opportunitysalesprocess", clearedFlow)
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal),
            }, channel), Touched);
        }

        [Theory]
        [MemberData(nameof(Channels))]
        public void A_review_is_not_created_decided_nor_stamped_through_any_channel(int channel)
        {
            Entity Made(string name) => new Entity("crmc_feasibilityreview")
            {
                ["crmc_name"] = name, ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance), ["ownerid"] = new EntityReference("systemuser", _fiona),
            };
            Entity approved = Made("Finance, approved at import");
            approved["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved);
            Entity stamped = Made("Finance, stamped at import");
            stamped["crmc_decidedby"] = new EntityReference("systemuser", _fiona);

            _org.Refused(RefusalCodes.ReviewCreatedDecided, () => FuzzChannel.Create(_org.As(_org.Admin), approved, channel, Guid.NewGuid()), Touched);
            _org.Refused(RefusalCodes.ReviewServerColumn, () => FuzzChannel.Create(_org.As(_org.Admin), stamped, channel, Guid.NewGuid()), Touched);
        }

        [Theory]
        [MemberData(nameof(Channels))]
        public void Only_its_reviewer_decides_a_review_through_any_channel(int channel)
        {
            var approve = ("crmc_decision", (object)new OptionSetValue((int)ReviewDecision.Approved));
            _org.Refused(RefusalCodes.ReviewDeciderNotAllowed, () => UpdateAs(_org.Rep, ReviewChange(approve), channel), Touched);
            _org.Refused(RefusalCodes.ReviewDeciderNotAllowed, () => UpdateAs(_lena, ReviewChange(approve), channel), Touched);
            _org.Refused(RefusalCodes.ReviewServerColumn, () => UpdateAs(_fiona,
                ReviewChange(approve, ("crmc_decidedby", new EntityReference("systemuser", _lena))), channel), Touched);

            UpdateAs(_fiona, ReviewChange(approve), channel);

            Assert.Equal(_fiona, Finance.GetAttributeValue<EntityReference>("crmc_decidedby").Id);
        }

        [Theory]
        [MemberData(nameof(Channels))]
        public void A_decision_is_neither_taken_back_edited_by_the_salesperson_moved_nor_deactivated_through_any_channel(int channel)
        {
            _org.Decide(_fiona, Finance, ReviewDecision.Approved);
            Guid other = _org.CustomDeal(_account);

            _org.Refused(RefusalCodes.ReviewDecisionFinal, () => UpdateAs(_fiona,
                ReviewChange(("crmc_decision", new OptionSetValue((int)ReviewDecision.Pending))), channel), Touched);
            _org.Refused(RefusalCodes.ReviewDeciderNotAllowed, () => UpdateAs(_org.Rep, ReviewChange(("crmc_conditions", "None")), channel), Touched);
            _org.Refused(RefusalCodes.ReviewServerColumn, () => UpdateAs(_fiona,
                ReviewChange(("crmc_opportunityid", new EntityReference("opportunity", other))), channel), Touched);
            _org.Refused(RefusalCodes.ReviewDecidedOwnerKept, () => UpdateAs(_fiona,
                ReviewChange(("ownerid", new EntityReference("systemuser", _org.Rep))), channel), Touched);
            _org.Refused(RefusalCodes.ReviewNotDeactivated, () => UpdateAs(_fiona,
                ReviewChange(("statecode", new OptionSetValue(1)), ("statuscode", new OptionSetValue(2))), channel), Touched);
        }

        [Theory]
        [MemberData(nameof(Channels))]
        public void A_discount_change_through_any_channel_reopens_finance_only_and_holds_the_move(int channel)
        {
            _org.ApproveBothReviews(_lena, _fiona, _deal);

            UpdateAs(_org.Rep, new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 25m }, channel);

            Assert.Equal(new[] { ReviewDecision.Pending, ReviewDecision.Invalidated }, Decisions(BusinessFunction.Finance));
            Assert.Equal(new[] { ReviewDecision.Approved }, Decisions(BusinessFunction.Logistics));
            _org.Refused(RefusalCodes.GateNotCleared, () => _org.MoveTo(_deal, SalesStage.Propose), Touched);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_discount_change_sent_with_the_win_does_not_win_on_the_approval_it_reopens(bool continueOnError)
        {
            _org.ApproveBothReviews(_lena, _fiona, _deal);
            _org.MoveTo(_deal, SalesStage.Propose);
            var change = new UpdateRequest { Target = new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 25m } };

            _org.Refused(RefusalCodes.GateNotCleared, () => _org.As(_org.Rep).Execute(new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection { change, CrmCollabOrg.WinRequest(_deal) },
            }), Touched);

            var batch = (ExecuteMultipleResponse)_org.As(_org.Rep).Execute(new ExecuteMultipleRequest
            {
                Settings = new ExecuteMultipleSettings { ContinueOnError = continueOnError, ReturnResponses = true },
                Requests = new OrganizationRequestCollection { change, CrmCollabOrg.WinRequest(_deal) },
            });
            ExecuteMultipleResponseItem refused = Assert.Single(batch.Responses, r => r.Fault != null);
            Assert.Equal(1, refused.RequestIndex);
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(refused.Fault.Message));
            Assert.Equal(0, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(new[] { ReviewDecision.Pending, ReviewDecision.Invalidated }, Decisions(BusinessFunction.Finance));
        }

        /// <summary>The decisions of the deal's reviews of a function, in the option set's order.</summary>
        private ReviewDecision[] Decisions(BusinessFunction function) => _org.Reviews(_deal).Entities
            .Where(r => r.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)function)
            .Select(r => (ReviewDecision)r.GetAttributeValue<OptionSetValue>("crmc_decision").Value).OrderBy(d => d).ToArray();
    }
}
