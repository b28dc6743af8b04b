using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// Merging a duplicate customer into the one that stays: the duplicate's deals and other children move to the
    /// master, the duplicate is deactivated and points at its master, and steps on Merge see the request first.
    /// </summary>
    public class MergeTests
    {
        private static MergeRequest Merge(Guid master, Guid duplicate, Entity content = null, bool parentingChecks = false) => new MergeRequest
        {
            Target = new EntityReference("account", master), SubordinateId = duplicate,
            UpdateContent = content ?? new Entity("account"), PerformParentingChecks = parentingChecks,
        };

        [Fact]
        public void The_duplicates_deals_and_widgets_move_to_the_master_and_the_duplicate_is_deactivated()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            Guid master = svc.Create(new Entity("account") { ["name"] = "Contoso" });
            Guid duplicate = svc.Create(new Entity("account") { ["name"] = "Contoso Ltd", ["telephone1"] = "555" });
            Guid deal = svc.Create(new Entity("opportunity") { ["name"] = "Deal", ["customerid"] = new EntityReference("account", duplicate) });
            Guid widget = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "w", ["crmc_accountid"] = new EntityReference("account", duplicate) });
            Guid other = svc.Create(new Entity("opportunity") { ["name"] = "Elsewhere", ["customerid"] = new EntityReference("account", master) });

            Assert.IsType<MergeResponse>(svc.Execute(Merge(master, duplicate, new Entity("account") { ["telephone1"] = "555" })));

            Assert.Equal(master, svc.Retrieve("opportunity", deal, new ColumnSet("customerid")).GetAttributeValue<EntityReference>("customerid").Id);
            Assert.Equal(master, svc.Retrieve("crmc_widget", widget, new ColumnSet("crmc_accountid")).GetAttributeValue<EntityReference>("crmc_accountid").Id);
            Assert.Equal(master, svc.Retrieve("opportunity", other, new ColumnSet("customerid")).GetAttributeValue<EntityReference>("customerid").Id);
            var merged = svc.Retrieve("account", duplicate, new ColumnSet("statecode", "statuscode", "merged", "masterid"));
            Assert.Equal(1, merged.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(2, merged.GetAttributeValue<OptionSetValue>("statuscode").Value);
            Assert.True(merged.GetAttributeValue<bool>("merged"));
            Assert.Equal(master, merged.GetAttributeValue<EntityReference>("masterid").Id);
            Assert.Equal("555", svc.Retrieve("account", master, new ColumnSet("telephone1")).GetAttributeValue<string>("telephone1"));
        }

        [Fact]
        public void A_step_on_Merge_that_refuses_leaves_both_customers_and_their_deals_as_they_were()
        {
            var org = new TestOrg();
            org.Step("Merge", "account", StepStage.PreOperation, run =>
            {
                Assert.Equal("account", run.Context.PrimaryEntityName);
                Assert.IsType<EntityReference>(run.Context.InputParameters["Target"]);
                Assert.IsType<Guid>(run.Context.InputParameters["SubordinateId"]);
                throw new InvalidPluginExecutionException("Not these two.");
            });
            var engine = org.Boot();
            var svc = engine.SystemService;
            Guid master = svc.Create(new Entity("account") { ["name"] = "Contoso" });
            Guid duplicate = svc.Create(new Entity("account") { ["name"] = "Contoso Ltd" });
            Guid deal = svc.Create(new Entity("opportunity") { ["name"] = "Deal", ["customerid"] = new EntityReference("account", duplicate) });

            Fails(() => svc.Execute(Merge(master, duplicate, new Entity("account") { ["telephone1"] = "1" })), ErrorCodes.IsvAborted);
            // Inside a batch too: the batch's item fails and nothing of it stays.
            var batch = new ExecuteMultipleRequest
            {
                Requests = new OrganizationRequestCollection { Merge(master, duplicate) },
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            };
            var response = (ExecuteMultipleResponse)svc.Execute(batch);
            Assert.NotNull(response.Responses[0].Fault);

            Assert.Equal(duplicate, svc.Retrieve("opportunity", deal, new ColumnSet("customerid")).GetAttributeValue<EntityReference>("customerid").Id);
            Assert.Equal(0, svc.Retrieve("account", duplicate, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Null(svc.Retrieve("account", master, new ColumnSet("telephone1")).GetAttributeValue<string>("telephone1"));
        }

        [Fact]
        public void A_merge_names_two_different_existing_customers_of_a_table_that_merges()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            Guid master = svc.Create(new Entity("account") { ["name"] = "Contoso" });
            Fails(() => svc.Execute(Merge(master, master)), ErrorCodes.InvalidArgument);
            Fails(() => svc.Execute(Merge(master, Guid.NewGuid())), ErrorCodes.ObjectDoesNotExist);
            Guid duplicate = svc.Create(new Entity("account") { ["name"] = "Contoso Ltd" });
            var wrongContent = Fails(() => svc.Execute(Merge(master, duplicate, new Entity("contact") { ["lastname"] = "x" })), ErrorCodes.InvalidArgument);
            Assert.Contains("must be account columns", wrongContent.Message);
            Assert.Equal(0, svc.Retrieve("account", duplicate, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value);
            Guid widget = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "w" });
            Fails(() => svc.Execute(new MergeRequest
            {
                Target = new EntityReference("crmc_widget", widget), SubordinateId = widget, UpdateContent = new Entity("crmc_widget"),
            }), ErrorCodes.InvalidArgument);
        }

        [Fact]
        public void The_parenting_check_refuses_two_customers_with_different_parents()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            Guid north = svc.Create(new Entity("account") { ["name"] = "North group" });
            Guid south = svc.Create(new Entity("account") { ["name"] = "South group" });
            Guid master = svc.Create(new Entity("account") { ["name"] = "Contoso", ["parentaccountid"] = new EntityReference("account", north) });
            Guid duplicate = svc.Create(new Entity("account") { ["name"] = "Contoso", ["parentaccountid"] = new EntityReference("account", south) });
            Fails(() => svc.Execute(Merge(master, duplicate, parentingChecks: true)), ErrorCodes.InvalidArgument);
            svc.Execute(Merge(master, duplicate)); // without the check, the master keeps its own parent
            Assert.Equal(north, svc.Retrieve("account", master, new ColumnSet("parentaccountid")).GetAttributeValue<EntityReference>("parentaccountid").Id);
        }
    }
}
