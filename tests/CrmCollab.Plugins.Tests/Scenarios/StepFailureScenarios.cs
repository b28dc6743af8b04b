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
        public void A_step_imported_without_its_image_refuses_with_a_code_instead_of_guessing()
        {
            // An administrator re-registered the review request without the deal's post-image.
            var org = new CrmCollabOrg((solution, options) =>
            {
                foreach (var step in solution.Steps.Where(s => s.PluginTypeName.EndsWith(".FeasibilityRequest", StringComparison.Ordinal)))
                    step.Images.Clear();
            });
            Guid account = org.Account("Contoso");

            string message = org.RefusedNamingNoId(RefusalCodes.StepMisconfigured, () => org.As(org.Rep).Create(new Entity("opportunity")
            {
                ["name"] = "Line 4 retrofit", ["customerid"] = new EntityReference("account", account), ["estimatedvalue"] = new Money(80000m),
            }), "opportunity");

            Assert.Equal(StepFailure.Misconfigured("the image of the deal it is registered with").Message, message);
            Assert.Contains("import the CrmCollab solution again", message);
        }

        [Fact]
        public void No_plugin_builds_a_refusal_from_an_uncoded_sentence()
        {
            // Every sentence a person reads from a CrmCollab step carries a code: built with Refusal, StepFailure or PlatformFault.
            string root = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(CrmCollabOrg.SolutionFolder), "src", "CrmCollab.Plugins");
            var uncoded = System.IO.Directory.GetFiles(root, "*.cs", System.IO.SearchOption.AllDirectories)
                .Where(f => !f.Contains(System.IO.Path.DirectorySeparatorChar + "obj" + System.IO.Path.DirectorySeparatorChar))
                .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(System.IO.File.ReadAllText(f), @"new InvalidPluginExecutionException\(\s*\$?@?""")
                    .Cast<System.Text.RegularExpressions.Match>().Select(m => $"{System.IO.Path.GetFileName(f)} at {m.Index}"))
                .ToList();
            Assert.Empty(uncoded);
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
