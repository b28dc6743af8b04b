using System;
using System.IO;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Deals lost before CrmCollab withdrew a lost deal's pending reviews still have them: Lena's logistics review of
    /// the lost deal waits for a decision nobody needs. She is told so plainly when she tries to decide it, and she (or
    /// a CrmCollab administrator, once, with the README's query) withdraws it; CrmCollab records why. The deal keeps
    /// the feasibility status it was lost with.
    /// </summary>
    public class LostBeforeWithdrawalScenarios
    {
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
            solution.Steps.RemoveAll(s => s.PluginTypeName.EndsWith(".LostDealWithdrawal", StringComparison.Ordinal)));
        private readonly Guid _lena, _fiona, _deal;

        public LostBeforeWithdrawalScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.Lose(_deal); // as the version before the withdrawal did: the logistics review stays pending
            Assert.Equal((int)ReviewDecision.Pending, Decision(Logistics));
        }

        private Guid Logistics => _org.Review(_deal, BusinessFunction.Logistics).Id;

        private int Decision(Guid review) => _org.Row("crmc_feasibilityreview", review, "crmc_decision").GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        private void Set(Guid user, Guid review, ReviewDecision decision, string conditions = null) =>
            _org.Decide(user, new Entity("crmc_feasibilityreview", review), decision, conditions);

        [Theory]
        [InlineData(ReviewDecision.Approved)]
        [InlineData(ReviewDecision.ApprovedWithConditions)]
        [InlineData(ReviewDecision.Rejected)]
        public void Deciding_a_pending_review_of_a_lost_deal_is_refused_and_says_to_withdraw_it(ReviewDecision decision)
        {
            Guid logistics = Logistics;

            string message = _org.Refused(RefusalCodes.ReviewDealLost,
                () => _org.Decide(_lena, new Entity("crmc_feasibilityreview", logistics), decision, "Night delivery only", "Too late for us"), Touched);

            Assert.StartsWith("This deal was lost, so its feasibility review no longer needs a decision.", message);
            Assert.Contains("Withdrawn", message);
            CrmCollabOrg.ShowsNoIdOrTypeName(message);
        }

        [Fact]
        public void The_reviewer_withdraws_it_and_crmcollab_records_why_keeping_the_status_the_deal_was_lost_with()
        {
            Guid logistics = Logistics;
            Entity dealBefore = _org.DealState(_deal);

            Set(_lena, logistics, ReviewDecision.Withdrawn);

            Entity review = _org.Row("crmc_feasibilityreview", logistics, "crmc_decision", "crmc_withdrawalreason", "crmc_decidedon", "crmc_decidedby");
            Assert.Equal((int)ReviewDecision.Withdrawn, review.GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.StartsWith("Withdrawn: the deal was lost on " + CrmCollabOrg.Start.ToString("yyyy-MM-dd"), review.GetAttributeValue<string>("crmc_withdrawalreason"));
            Assert.False(review.Contains("crmc_decidedon"));
            Entity dealAfter = _org.DealState(_deal);
            Assert.Equal(dealBefore.GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value, dealAfter.GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
            Assert.Equal(dealBefore.GetAttributeValue<string>("crmc_feasibilitysummary"), dealAfter.GetAttributeValue<string>("crmc_feasibilitysummary"));
        }

        [Fact]
        public void Only_the_reviewer_or_an_administrator_withdraws_it_and_only_while_it_is_pending_on_a_lost_deal()
        {
            Guid logistics = Logistics, finance = _org.Review(_deal, BusinessFunction.Finance).Id;

            _org.Refused(RefusalCodes.ReviewDeciderNotAllowed, () => Set(_org.Rep, logistics, ReviewDecision.Withdrawn), Touched);
            _org.Refused(RefusalCodes.ReviewDealLost, () => Set(_fiona, finance, ReviewDecision.Withdrawn), Touched); // decided: kept as lost
            Guid open = _org.CustomDeal(_org.Account("Fabrikam"));
            _org.MoveTo(open, SalesStage.Develop);
            _org.Refused(RefusalCodes.ReviewDecisionIncomplete, () => Set(_org.Admin, _org.Review(open, BusinessFunction.Finance).Id, ReviewDecision.Withdrawn), Touched);

            Set(_org.Admin, logistics, ReviewDecision.Withdrawn);
            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(logistics));
        }

        [Theory]
        [InlineData("one by one")]
        [InlineData("in ExecuteMultiple")]
        [InlineData("in UpdateMultiple")]
        public void The_readme_clean_up_finds_exactly_the_pending_reviews_of_lost_deals_and_withdraws_them(string channel)
        {
            Guid logistics = Logistics;
            Guid open = _org.CustomDeal(_org.Account("Fabrikam"));
            _org.MoveTo(open, SalesStage.Develop);

            var found = _org.System.RetrieveMultiple(new FetchExpression(ReadmeQuery())).Entities;

            Assert.Equal(new[] { logistics }, found.Select(r => r.Id));
            Entity[] withdrawals = found.Select(r => new Entity("crmc_feasibilityreview", r.Id)
                { ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Withdrawn) }).ToArray();
            IOrganizationService admin = _org.As(_org.Admin);
            if (channel == "in ExecuteMultiple")
                CrmCollabOrg.InExecuteMultiple(admin, new Microsoft.Xrm.Sdk.Messages.UpdateRequest { Target = withdrawals.Single() });
            else if (channel == "in UpdateMultiple") CrmCollabOrg.InUpdateMultiple(admin, withdrawals);
            else foreach (Entity withdrawal in withdrawals) admin.Update(withdrawal);
            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(logistics));
            Assert.Empty(_org.System.RetrieveMultiple(new FetchExpression(ReadmeQuery())).Entities);
            Assert.All(_org.Reviews(open).Entities, r => Assert.Equal((int)ReviewDecision.Pending, r.GetAttributeValue<OptionSetValue>("crmc_decision").Value));
        }

        [Fact]
        public void Reopened_the_deal_needs_its_review_again_and_the_reviewer_decides_it()
        {
            Guid logistics = Logistics;
            _org.As(_org.Rep).Execute(new Microsoft.Crm.Sdk.Messages.SetStateRequest
            {
                EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(1),
            });

            Set(_lena, logistics, ReviewDecision.Approved);

            Assert.Equal((int)ReviewDecision.Approved, Decision(logistics));
            _org.MoveTo(_deal, SalesStage.Propose);
        }

        /// <summary>The FetchXML the README's "Lost before this version" paragraph gives administrators.</summary>
        private static string ReadmeQuery()
        {
            string readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(CrmCollabOrg.SolutionFolder), "README.md"));
            int section = readme.IndexOf("**Deals lost before this version.**", StringComparison.Ordinal);
            Assert.True(section >= 0, "the README has no paragraph on deals lost before this version");
            int start = readme.IndexOf("```xml", section, StringComparison.Ordinal) + "```xml".Length;
            return readme.Substring(start, readme.IndexOf("```", start, StringComparison.Ordinal) - start);
        }
    }
}
