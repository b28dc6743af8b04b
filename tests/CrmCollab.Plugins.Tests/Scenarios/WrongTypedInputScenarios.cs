using System;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>A value of the wrong kind (text for a lookup, a plain number for an amount) is a sentence, never a type name.</summary>
    public class WrongTypedInputScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private static void AssertReadable(string message, string expected)
        {
            Assert.Contains(expected, message);
            Assert.Equal(Plugins.Domain.RefusalCodes.ValueWrongKind, Plugins.Domain.Refusal.CodeOf(message));
            Assert.DoesNotContain("Exception", message);
            Assert.DoesNotContain("System.", message);
            Assert.DoesNotContain("Microsoft.", message);
        }

        [Fact]
        public void Wrong_kinds_of_values_on_the_guarded_paths_read_as_sentences_and_change_nothing()
        {
            var (_, _, account, deal) = _org.CustomDealAwaitingReviews();
            var before = TableSnapshot.Take(_org.System);

            AssertReadable(CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Update(new Entity("opportunity", deal)
            {
                ["salesstage"] = new OptionSetValue(SalesStage.Propose), ["customerid"] = "Contoso",
            })), "must be a lookup");
            AssertReadable(CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Update(new Entity("opportunity", deal)
            {
                ["salesstage"] = new OptionSetValue(SalesStage.Propose), ["estimatedvalue"] = 90000m,
            })), "'Est. Revenue' must be an amount");
            AssertReadable(CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Update(new Entity("opportunity", deal)
            {
                ["salesstage"] = 2,
            })), "must be a choice");
            AssertReadable(CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Create(new Entity("opportunity")
            {
                ["name"] = "Typo", ["customerid"] = new EntityReference("account", account), ["crmc_iscustomsolution"] = "yes",
                ["salesstage"] = new OptionSetValue(SalesStage.Propose), ["estimatedvalue"] = new Money(90000m),
                ["customerneed"] = "Retrofit", ["decisionmaker"] = true, ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(60),
                ["budgetamount"] = new Money(90000m), ["description"] = "Line 4",
            })), "must be yes or no");

            before.AssertUnchanged(_org.System);
        }
    }
}
