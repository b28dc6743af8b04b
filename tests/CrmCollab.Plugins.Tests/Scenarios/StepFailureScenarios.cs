using System;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A CrmCollab step that cannot do its work — registered on an event its plug-in does not handle, or failing on a
    /// defect — stops the save with one coded sentence the person can act on; the plug-in's name, the event and the
    /// error's type and stack are in the trace, for the administrator, never in the message.
    /// </summary>
    public class StepFailureScenarios
    {
        private static Entity NewAccount() => new Entity("account") { ["name"] = "Tailspin Toys" };

        [Fact]
        public void A_step_registered_on_an_event_its_plugin_does_not_handle_is_refused_with_a_code_and_names_the_plugin_only_in_the_trace()
        {
            // An administrator registered the review-queue plug-in on account creation by mistake.
            var org = CrmCollabOrg.WithTestStep<ReviewQueueExit>("Create", "account", StepStage.PreOperation);
            org.Engine.ClearTraces();

            string message = org.RefusedNamingNoId(RefusalCodes.StepNotHandled, () => org.As(org.Rep).Create(NewAccount()), "account");

            Assert.Equal(StepFailure.NotHandled().Message, message);
            Assert.DoesNotContain("ReviewQueueExit", message);
            Assert.DoesNotContain("stage", message);
            Assert.Contains("import the CrmCollab solution again", message);
            Assert.Contains(org.Engine.Traces, t => t.Text.Contains("ReviewQueueExit is registered on Create of account at stage 20, but handles no such event"));
        }

        [Fact]
        public void A_step_failing_on_a_defect_is_refused_with_a_code_and_the_trace_keeps_the_error()
        {
            var org = CrmCollabOrg.WithTestStep<FailsOnADefect>("Create", "account", StepStage.PreOperation);
            org.Engine.ClearTraces();

            string message = org.RefusedNamingNoId(RefusalCodes.StepFailed, () => org.As(org.Rep).Create(NewAccount()), "account");

            Assert.Equal(StepFailure.Unexpected().Message, message);
            Assert.DoesNotContain(FailsOnADefect.Detail, message);
            Assert.Contains("nothing was saved", message);
            Assert.Contains(org.Engine.Traces, t => t.Text.Contains("FailsOnADefect failed unexpectedly")
                && t.Text.Contains(typeof(InvalidOperationException).FullName) && t.Text.Contains(FailsOnADefect.Detail));
        }

        [Fact]
        public void A_rules_refusal_and_a_platform_fault_keep_their_own_codes()
        {
            var refusing = CrmCollabOrg.WithTestStep<CreatesADecidedReview>("Create", "account", StepStage.PreOperation);
            refusing.Refused(RefusalCodes.ReviewCreatedDecided, () => refusing.As(refusing.Rep).Create(NewAccount()), "account");
            var faulting = CrmCollabOrg.WithTestStep<ReadsARecordThatIsGone>("Create", "account", StepStage.PreOperation);
            faulting.Refused(RefusalCodes.PlatformFault, () => faulting.As(faulting.Rep).Create(NewAccount()), "account");
        }
    }

    /// <summary>Test-only CrmCollab step with a defect: it expects a value no account has.</summary>
    public sealed class FailsOnADefect : PluginBase
    {
        public const string Detail = "Sequence contains no matching element";

        public FailsOnADefect(string unsecure, string secure) : base(unsecure, secure)
        {
            Register(PipelineStage.PreOperation, "Create", "account", c =>
            {
                if (!c.TargetEntity.Attributes.Keys.Any(k => k == "crmc_nosuchcolumn")) throw new InvalidOperationException(Detail);
            });
        }
    }
}
