using System;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Two runs handing off one win at once — the win's asynchronous job and an administrator's Create Post-Sale Handoff step,
    /// or the job retried while its first attempt still runs: both read that the delivery is missing, one creates it, the
    /// other's Create meets the handoff key (crmc_handoffkey_key) and Dataverse refuses it as a duplicate. The work exists,
    /// so the second run counts it as present: no note telling the administrator it "could not be created", no failed job.
    /// The engine runs one request at a time, so the first run's Create is played by a test step inside the second's.
    /// </summary>
    public class HandoffCreationRaceScenarios
    {
        /// <summary>Creates the handoff the Create it runs in is about to insert, as the other run would (stateless: it skips its own copy).</summary>
        public sealed class OtherRunCreatesTheHandoffFirst : IPlugin
        {
            public const string Marker = "Created by the other run";

            public void Execute(IServiceProvider serviceProvider)
            {
                var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
                var target = (Entity)context.InputParameters["Target"];
                if (!target.Contains("crmc_handoffkey") || target.GetAttributeValue<string>("description") == Marker) return;
                var copy = new Entity("task");
                foreach (var column in target.Attributes) copy[column.Key] = column.Value;
                copy["description"] = Marker;
                ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))).CreateOrganizationService(null).Create(copy);
            }
        }

        [Fact]
        public void A_delivery_the_other_run_created_first_is_counted_as_present_not_as_a_failure()
        {
            var org = CrmCollabOrg.WithTestStep<OtherRunCreatesTheHandoffFirst>("Create", "task", StepStage.PreValidation);

            (_, _, _, Guid deal) = org.WonContosoDelivery(); // the win's job meets the other run's delivery

            Entity delivery = Assert.Single(org.HandoffTasks(deal).Entities);
            Assert.Equal(OtherRunCreatesTheHandoffFirst.Marker, org.Row("task", delivery.Id, "description").GetAttributeValue<string>("description"));
            Assert.Empty(org.Engine.AsyncFailures);
            var notes = org.System.RetrieveMultiple(new QueryExpression("annotation") { ColumnSet = new ColumnSet("subject") }).Entities;
            Assert.DoesNotContain(notes, n => (n.GetAttributeValue<string>("subject") ?? "").Contains("could not be created"));
        }
    }
}
