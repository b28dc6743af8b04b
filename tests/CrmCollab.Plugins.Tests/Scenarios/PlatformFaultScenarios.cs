using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// When Dataverse refuses a request a CrmCollab step makes on the server, the person saving reads one coded sentence
    /// that names no record id or internal name and tells them what to do; the administrator finds the platform's own
    /// reason in the trace. A CrmCollab refusal of the nested write keeps its own words and code.
    /// </summary>
    public class PlatformFaultScenarios
    {
        private static Entity NewAccount() => new Entity("account") { ["name"] = "Tailspin Toys" };

        [Fact]
        public void A_request_the_platform_refuses_reads_as_one_coded_sentence_naming_no_id_and_the_trace_keeps_the_reason()
        {
            var org = CrmCollabOrg.WithTestStep<ReadsARecordThatIsGone>("Create", "account", StepStage.PreOperation);
            org.Engine.ClearTraces();

            string message = org.RefusedNamingNoId(RefusalCodes.PlatformFault, () => org.As(org.Rep).Create(NewAccount()), "account");

            Assert.Equal(PlatformFault.Refusal(unchecked((int)0x80040217)).Message, message);
            Assert.Contains("(error 0x80040217)", message);
            Assert.Contains("ask your CrmCollab administrator", message);
            Assert.Contains(org.Engine.Traces, t => t.Text.Contains("ReadsARecordThatIsGone failed on a service call")
                && t.Text.Contains(ReadsARecordThatIsGone.Gone.ToString()));
        }

        [Fact]
        public void A_crmcollab_refusal_of_the_write_a_step_makes_reaches_the_person_with_its_own_code()
        {
            var org = CrmCollabOrg.WithTestStep<CreatesADecidedReview>("Create", "account", StepStage.PreOperation);

            string message = org.RefusedNamingNoId(RefusalCodes.ReviewCreatedDecided, () => org.As(org.Rep).Create(NewAccount()), "account", "crmc_feasibilityreview");

            Assert.Equal(ReviewEditRules.CheckCreate((int)ReviewDecision.Approved).Message, message);
        }

        [Fact]
        public void Only_a_fault_that_is_no_steps_refusal_is_reworded()
        {
            Assert.True(PlatformFault.IsStepRefusal(PlatformFault.StepRefusalCode, "Another team's rule: this account is on hold."));
            Assert.True(PlatformFault.IsStepRefusal(0, LockedTermsText));
            Assert.False(PlatformFault.IsStepRefusal(unchecked((int)0x80040217), "opportunity With Id = " + ReadsARecordThatIsGone.Gone + " Does Not Exist"));
            Assert.False(PlatformFault.IsStepRefusal(unchecked((int)0x80040220), "Principal user is missing prvReadOpportunity privilege"));
        }

        private static readonly string LockedTermsText = new Refusal(RefusalCodes.TermsLocked, "The agreed terms are locked.").Message;

        [Fact]
        public void The_sentence_without_an_error_code_still_says_what_to_do()
        {
            Refusal refusal = PlatformFault.Refusal(0);

            Assert.Equal(RefusalCodes.PlatformFault, Refusal.CodeOf(refusal.Message));
            Assert.DoesNotContain("error 0x", refusal.Message);
            CrmCollabOrg.ReadsAsASentence(refusal.Message);
            CrmCollabOrg.ShowsNoIdOrTypeName(refusal.Message);
        }
    }

    /// <summary>Test-only CrmCollab step whose read the platform refuses: the record it reads was deleted meanwhile.</summary>
    public sealed class ReadsARecordThatIsGone : PluginBase
    {
        public static readonly Guid Gone = new Guid("0f3b6a52-7a1e-4a43-9d55-2f4b0e8c9a17");

        public ReadsARecordThatIsGone(string unsecure, string secure) : base(unsecure, secure)
        {
            Register(PipelineStage.PreOperation, "Create", "account", c => c.SystemService.Retrieve("opportunity", Gone, new ColumnSet("name")));
        }
    }

    /// <summary>Test-only CrmCollab step whose write a CrmCollab guard refuses: a review created already approved.</summary>
    public sealed class CreatesADecidedReview : PluginBase
    {
        public CreatesADecidedReview(string unsecure, string secure) : base(unsecure, secure)
        {
            Register(PipelineStage.PreOperation, "Create", "account", c => c.SystemService.Create(new Entity("crmc_feasibilityreview")
            {
                ["crmc_name"] = "Finance review",
                ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved),
            }));
        }
    }
}
