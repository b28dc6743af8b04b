using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Emulator.Tests.Pipeline
{
    /// <summary>
    /// The optional parameter <c>tag</c> (Microsoft Learn, "Use optional parameters", section "Add a shared variable to the
    /// plugin execution context"): any client may send it, and a plug-in reads it in IExecutionContext.SharedVariables["tag"].
    /// A plug-in therefore cannot take a shared variable named tag as proof of who sent the request.
    /// </summary>
    public class TagParameterTests
    {
        [Fact]
        public void A_tag_any_client_sends_with_its_save_is_seen_by_every_step_as_a_shared_variable()
        {
            var org = new TestOrg();
            var seen = new List<string>();
            foreach (var stage in new[] { StepStage.PreValidation, StepStage.PreOperation, StepStage.PostOperation })
                org.Step("Create", "crmc_widget", stage, run =>
                    seen.Add(run.Context.SharedVariables.TryGetValue("tag", out object tag) ? (string)tag : "none"));
            var engine = org.Boot();
            var user = TestOrg.AddUser(engine, "ann");

            var request = new CreateRequest { Target = new Entity("crmc_widget") { ["crmc_name"] = "w" } };
            request.Parameters["tag"] = "import-2025";
            engine.CreateService(user).Execute(request);
            engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "untagged" });

            Assert.Equal(new[] { "import-2025", "import-2025", "import-2025", "none", "none", "none" }, seen);
        }
    }
}
