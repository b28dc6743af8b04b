using System;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Tests.Invariants;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The conditions of an approval (or the reason of a rejection) are part of the decision: whoever rewrites them decides
    /// anew, and the review says who and when, as for any decision — the record the salesperson, the amendment approvals and
    /// the KPIs read is never someone else's words under the first decider's name.
    /// </summary>
    public class RewrittenDecisionScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _fiona, _deal;

        public RewrittenDecisionScenarios()
        {
            (_, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.ApprovedWithConditions, conditions: "30% upfront");
        }

        private Entity Finance => _org.Row("crmc_feasibilityreview", _org.Review(_deal, BusinessFunction.Finance).Id,
            "crmc_conditions", "crmc_decision", "crmc_decidedby", "crmc_decidedon", "crmc_termsfingerprint");

        [Theory]
        [InlineData(0)] // Update
        [InlineData(1)] // UpdateMultiple
        [InlineData(2)] // ExecuteMultiple
        [InlineData(3)] // ExecuteTransaction
        [InlineData(4)] // Upsert
        [InlineData(5)] // UpsertMultiple
        public void An_administrator_who_rewrites_finances_conditions_is_recorded_as_deciding_them_not_fiona(int channel)
        {
            DateTime approved = Finance.GetAttributeValue<DateTime>("crmc_decidedon");
            _org.Engine.Clock.Advance(TimeSpan.FromDays(2));

            FuzzChannel.Update(_org.As(_org.Admin), new Entity("crmc_feasibilityreview", Finance.Id) { ["crmc_conditions"] = "No upfront payment" }, channel);

            Entity rewritten = Finance;
            Assert.Equal("No upfront payment", rewritten.GetAttributeValue<string>("crmc_conditions"));
            Assert.Equal(_org.Admin, rewritten.GetAttributeValue<EntityReference>("crmc_decidedby").Id);
            Assert.InRange(rewritten.GetAttributeValue<DateTime>("crmc_decidedon"), approved.AddDays(2), approved.AddDays(2).AddMinutes(1));
            Assert.Equal((int)ReviewDecision.ApprovedWithConditions, rewritten.GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }

        [Fact]
        public void Fiona_rewriting_her_own_conditions_is_dated_when_she_rewrote_them()
        {
            DateTime approved = Finance.GetAttributeValue<DateTime>("crmc_decidedon");
            _org.Engine.Clock.Advance(TimeSpan.FromHours(5));

            _org.As(_fiona).Update(new Entity("crmc_feasibilityreview", Finance.Id) { ["crmc_conditions"] = "40% upfront" });

            Entity rewritten = Finance;
            Assert.Equal(_fiona, rewritten.GetAttributeValue<EntityReference>("crmc_decidedby").Id);
            Assert.InRange(rewritten.GetAttributeValue<DateTime>("crmc_decidedon"), approved.AddHours(5), approved.AddHours(5).AddMinutes(1));
        }

        [Fact]
        public void The_same_conditions_sent_again_change_nothing_of_the_record()
        {
            Entity before = Finance;
            _org.Engine.Clock.Advance(TimeSpan.FromHours(5));

            _org.As(_org.Admin).Update(new Entity("crmc_feasibilityreview", Finance.Id) { ["crmc_conditions"] = "30% upfront" });

            Assert.Equal(_fiona, Finance.GetAttributeValue<EntityReference>("crmc_decidedby").Id);
            Assert.Equal(before.GetAttributeValue<DateTime>("crmc_decidedon"), Finance.GetAttributeValue<DateTime>("crmc_decidedon"));
        }
    }
}
