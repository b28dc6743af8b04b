using System;
using System.ServiceModel;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// A step registered on a message does not make the message exist. Microsoft Learn "Use bulk operation messages",
    /// DeleteMultiple availability: DeleteMultiple is supported only for elastic tables; on a standard table the
    /// caller gets "DeleteMultiple has not yet been implemented." Custom messages of the solution's own publisher
    /// (custom API unique names carry the publisher's customization prefix) keep running their steps.
    /// </summary>
    public class UnimplementedMessageTests
    {
        [Fact]
        public void A_clean_up_tool_deleting_accounts_with_DeleteMultiple_is_told_it_is_not_implemented_and_deletes_nothing()
        {
            var org = new TestOrg();
            var ran = 0;
            org.Step("DeleteMultiple", "account", StepStage.PreOperation, run => ran++);
            var engine = org.Boot();
            var id = engine.SystemService.Create(new Entity("account") { ["name"] = "Contoso" });

            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => engine.SystemService.Execute(
                new OrganizationRequest("DeleteMultiple")
                {
                    ["Targets"] = new EntityReferenceCollection { new EntityReference("account", id) },
                }));

            Assert.Equal("DeleteMultiple has not yet been implemented.", fault.Detail.Message);
            Assert.Equal(0, ran);
            Assert.Equal(1, TestOrg.Count(engine, "account"));
        }

        [Fact]
        public void A_step_on_a_dataverse_message_the_engine_lacks_does_not_make_it_succeed_empty()
        {
            var org = new TestOrg();
            var ran = 0;
            org.Step("QualifyLead", "lead", StepStage.PostOperation, run => ran++);
            var engine = org.Boot();

            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => engine.SystemService.Execute(
                new OrganizationRequest("QualifyLead") { ["LeadId"] = new EntityReference("lead", Guid.NewGuid()) }));

            Assert.Equal(ErrorCodes.SdkMessageNotImplemented, fault.Detail.ErrorCode);
            Assert.Equal(0, ran);
        }

        [Fact]
        public void The_solutions_own_custom_message_still_runs_its_steps()
        {
            var org = new TestOrg();
            org.Step("crmc_Ping", null, StepStage.PostOperation, run => run.Context.OutputParameters["Reply"] = "pong");
            var engine = org.Boot();

            Assert.Equal("pong", engine.SystemService.Execute(new OrganizationRequest("crmc_Ping")).Results["Reply"]);
        }
    }
}
