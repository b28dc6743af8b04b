using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>
    /// Handing a row to a colleague by saving its owner. Microsoft's "Security roles and privileges" page ties the
    /// Assign access right to "Update of the ownerid column, or the legacy Assign message": Write on the row is not
    /// enough, whichever message carries the Update (Update, Upsert, UpdateMultiple, a batch). The owner the row
    /// already has, sent again, gives it to nobody and needs no Assign.
    /// </summary>
    public class OwnerUpdateTests
    {
        private readonly DataverseEngine _engine;
        private readonly Guid _ann, _bob, _carl;

        public OwnerUpdateTests()
        {
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            org.Solution.Roles.Add(WidgetRole("Widget editor", assign: false));
            org.Solution.Roles.Add(WidgetRole("Widget dispatcher", assign: true));
            _engine = org.Boot();
            var setup = new OrganizationSetup(_engine.SystemService);
            _ann = setup.CreateUser("Ann Dispatcher", _engine.RootBusinessUnitId, "Widget dispatcher");
            _bob = setup.CreateUser("Bob Editor", _engine.RootBusinessUnitId, "Widget editor");
            _carl = setup.CreateUser("Carl Colleague", _engine.RootBusinessUnitId, "Widget editor");
        }

        /// <summary>Writes every widget of the business unit; the dispatcher also assigns the widgets they own.</summary>
        private static RoleDefinition WidgetRole(string name, bool assign)
        {
            var role = new RoleDefinition { Id = Guid.NewGuid(), Name = name };
            role.Privileges[("crmc_widget", AccessRight.Create)] = PrivilegeDepth.Basic;
            role.Privileges[("crmc_widget", AccessRight.Read)] = PrivilegeDepth.Global;
            role.Privileges[("crmc_widget", AccessRight.Write)] = PrivilegeDepth.Local;
            if (assign) role.Privileges[("crmc_widget", AccessRight.Assign)] = PrivilegeDepth.Basic;
            return role;
        }

        private Guid WidgetOf(Guid owner) => _engine.CreateService(owner).Create(new Entity("crmc_widget") { ["crmc_name"] = "Widget" });

        private static Entity Handing(Guid widget, Guid to) =>
            new Entity("crmc_widget", widget) { ["ownerid"] = new EntityReference("systemuser", to) };

        private Guid OwnerOf(Guid widget) =>
            _engine.SystemService.Retrieve("crmc_widget", widget, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id;

        [Fact]
        public void Write_alone_does_not_hand_a_row_to_a_colleague()
        {
            Guid widget = WidgetOf(_bob);

            var fault = Fails(() => _engine.CreateService(_bob).Update(Handing(widget, _carl)), SecurityFaults.PrivilegeDenied);

            Assert.Contains("prvAssigncrmc_Widget", fault.Message);
            Assert.Equal(_bob, OwnerOf(widget));
        }

        [Fact]
        public void The_owner_the_row_already_has_sent_again_needs_no_assign()
        {
            Guid widget = WidgetOf(_bob);
            var save = Handing(widget, _bob);
            save["crmc_name"] = "Renamed";

            _engine.CreateService(_bob).Update(save);

            Entity row = _engine.SystemService.Retrieve("crmc_widget", widget, new ColumnSet("crmc_name", "ownerid"));
            Assert.Equal("Renamed", row["crmc_name"]);
            Assert.Equal(_bob, row.GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Fact]
        public void Assign_follows_its_depth_a_colleague_row_the_user_may_write_is_not_theirs_to_give()
        {
            Guid own = WidgetOf(_ann), bobs = WidgetOf(_bob);
            var ann = _engine.CreateService(_ann);

            ann.Update(Handing(own, _carl));
            ann.Update(new Entity("crmc_widget", bobs) { ["crmc_name"] = "Edited by Ann" }); // Write reaches the unit
            Fails(() => ann.Update(Handing(bobs, _carl)), SecurityFaults.AccessCheckFailed);

            Assert.Equal(_carl, OwnerOf(own));
            Assert.Equal(_bob, OwnerOf(bobs));
        }

        [Fact]
        public void Upsert_UpdateMultiple_and_a_batch_ask_for_assign_as_the_update_does()
        {
            Guid widget = WidgetOf(_bob);
            var bob = _engine.CreateService(_bob);

            Fails(() => bob.Execute(new UpsertRequest { Target = Handing(widget, _carl) }), SecurityFaults.PrivilegeDenied);
            var many = new EntityCollection { EntityName = "crmc_widget" };
            many.Entities.Add(Handing(widget, _carl));
            Fails(() => bob.Execute(new UpdateMultipleRequest { Targets = many }), SecurityFaults.PrivilegeDenied);
            var batch = new ExecuteMultipleRequest
            {
                Requests = new OrganizationRequestCollection { new UpdateRequest { Target = Handing(widget, _carl) } },
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            };
            var answer = (ExecuteMultipleResponse)bob.Execute(batch);

            Assert.Equal(SecurityFaults.PrivilegeDenied, Assert.Single(answer.Responses).Fault.ErrorCode);
            Assert.Equal(_bob, OwnerOf(widget));
        }

        [Fact]
        public void The_legacy_Assign_message_asks_the_same_right()
        {
            Guid widget = WidgetOf(_bob);
            var assign = new AssignRequest { Target = new EntityReference("crmc_widget", widget), Assignee = new EntityReference("systemuser", _carl) };

            Fails(() => _engine.CreateService(_bob).Execute(assign), SecurityFaults.PrivilegeDenied);
            _engine.CreateService(_ann).Execute(new AssignRequest { Target = new EntityReference("crmc_widget", WidgetOf(_ann)), Assignee = assign.Assignee });

            Assert.Equal(_bob, OwnerOf(widget));
        }

        [Fact]
        public void SYSTEM_and_a_plugin_acting_as_SYSTEM_hand_rows_over_without_any_role()
        {
            Guid widget = WidgetOf(_bob);
            _engine.SystemService.Update(Handing(widget, _carl));
            Assert.Equal(_carl, OwnerOf(widget));

            // A routing step: when an editor files a widget under a code, CrmCollab-style code hands it on as SYSTEM.
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            org.Solution.Roles.Add(WidgetRole("Widget editor", assign: false));
            Guid next = Guid.Empty;
            org.Step("Update", "crmc_widget", StepStage.PostOperation, run =>
            {
                if (!run.Target.Contains("crmc_code")) return;
                var factory = (IOrganizationServiceFactory)run.Provider.GetService(typeof(IOrganizationServiceFactory));
                factory.CreateOrganizationService(null).Update(new Entity("crmc_widget", run.Target.Id) { ["ownerid"] = new EntityReference("systemuser", next) });
            });
            DataverseEngine engine = org.Boot();
            var setup = new OrganizationSetup(engine.SystemService);
            Guid editor = setup.CreateUser("Eve Editor", engine.RootBusinessUnitId, "Widget editor");
            next = setup.CreateUser("Ned Next", engine.RootBusinessUnitId, "Widget editor");
            Guid routed = engine.CreateService(editor).Create(new Entity("crmc_widget") { ["crmc_name"] = "Routed" });

            engine.CreateService(editor).Update(new Entity("crmc_widget", routed) { ["crmc_code"] = "R-1" });

            Assert.Equal(next, engine.SystemService.Retrieve("crmc_widget", routed, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id);
        }
    }
}
