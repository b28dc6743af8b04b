using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;
using static CrmCollab.Emulator.Tests.Engine.TestOrg;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// An ExecuteMultiple sent by a plug-in inside the database transaction (Microsoft Learn, "Execute multiple requests
    /// using the SDK for .NET"): a synchronous plug-in's exception comes back in the item's Fault, and "any failures in the
    /// synchronous step must roll back all data operations [...] Each operation performed within ExecuteMultiple must be
    /// rolled back". The server ends the transaction on the failure, as for any failed call a plug-in catches ("There is
    /// no active transaction. This error is usually caused by custom plug-ins that ignore errors from service calls and
    /// continue processing", quoted in "Use bulk operation messages").
    /// </summary>
    public class BatchInPluginTests
    {
        [Fact]
        public void A_plugin_that_batches_widgets_and_ignores_a_refused_one_cannot_keep_the_half_made_widget()
        {
            var org = new TestOrg();
            ExecuteMultipleResponse seen = null;
            org.Step("Create", "account", StepStage.PostOperation, run =>
            {
                var batch = new ExecuteMultipleRequest
                {
                    Requests = new OrganizationRequestCollection
                    {
                        new CreateRequest { Target = new Entity("crmc_widget") { ["crmc_name"] = "fine" } },
                        new CreateRequest { Target = new Entity("crmc_widget") { ["crmc_name"] = "refused" } },
                        new CreateRequest { Target = new Entity("crmc_widget") { ["crmc_name"] = "after" } },
                    },
                    Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
                };
                seen = (ExecuteMultipleResponse)run.Service.Execute(batch); // the faults are read, and ignored
            });
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run =>
            {
                if ((string)run.Target["crmc_name"] == "refused") throw new InvalidPluginExecutionException("Widgets named so are refused.");
            });
            var engine = org.Boot();

            var fault = Fails(() => engine.SystemService.Create(new Entity("account") { ["name"] = "a" }));

            Assert.Equal(ErrorCodes.IsvTransactionCount, fault.Detail.ErrorCode);
            Assert.Equal("Widgets named so are refused.", seen.Responses.Single(r => r.RequestIndex == 1).Fault.Message);
            // The items after the failure find no transaction to run in.
            Assert.Equal(ErrorCodes.NoActiveTransaction, seen.Responses.Single(r => r.RequestIndex == 2).Fault.ErrorCode);
            Assert.Equal(0, Count(engine, "crmc_widget"));
            Assert.Equal(0, Count(engine, "account"));
        }

        [Fact]
        public void A_client_batch_keeps_each_items_own_transaction()
        {
            var org = new TestOrg();
            org.Step("Create", "crmc_widget", StepStage.PostOperation, run =>
            {
                if ((string)run.Target["crmc_name"] == "refused") throw new InvalidPluginExecutionException("no");
            });
            var engine = org.Boot();
            var response = (ExecuteMultipleResponse)engine.SystemService.Execute(new ExecuteMultipleRequest
            {
                Requests = new OrganizationRequestCollection
                {
                    new CreateRequest { Target = new Entity("crmc_widget") { ["crmc_name"] = "refused" } },
                    new CreateRequest { Target = new Entity("crmc_widget") { ["crmc_name"] = "fine" } },
                },
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            });
            Assert.True(response.IsFaulted);
            Assert.Null(response.Responses.Single(r => r.RequestIndex == 1).Fault);
            Assert.Equal(1, Count(engine, "crmc_widget"));
        }
    }
}
