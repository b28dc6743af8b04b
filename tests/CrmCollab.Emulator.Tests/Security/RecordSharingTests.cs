using System;
using System.Linq;
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
    /// Sharing a record (GrantAccess, ModifyAccess, RevokeAccess). Microsoft's "Sharing and assigning" page: sharing
    /// gives users whose roles hold a table's rights only at Basic depth access to one record; a user's rights on it are
    /// the union of what is shared with them and with their teams; sharing never gives a right the user's roles lack
    /// for the table. GrantAccessRequest: the caller needs privileges on the table (prvShare&lt;Table&gt;) and access
    /// rights on the record.
    /// </summary>
    public class RecordSharingTests
    {
        private readonly DataverseEngine _engine;
        private readonly OrganizationSetup _setup;
        private readonly Guid _ann, _bob, _carl;

        public RecordSharingTests()
        {
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            org.Solution.Roles.Add(WidgetRole("Widget keeper", share: true));
            org.Solution.Roles.Add(WidgetRole("Widget clerk", share: false));
            _engine = org.Boot();
            _setup = new OrganizationSetup(_engine.SystemService);
            _ann = _setup.CreateUser("Ann Keeper", _engine.RootBusinessUnitId, "Widget keeper");
            _bob = _setup.CreateUser("Bob Clerk", _engine.RootBusinessUnitId, "Widget clerk");
            _carl = _setup.CreateUser("Carl Keeper", _engine.RootBusinessUnitId, "Widget keeper");
        }

        /// <summary>Every right on the widgets one owns (Basic); the keeper may also share them. Nobody may delete.</summary>
        private static RoleDefinition WidgetRole(string name, bool share)
        {
            var role = new RoleDefinition { Id = Guid.NewGuid(), Name = name };
            foreach (var right in new[] { AccessRight.Create, AccessRight.Read, AccessRight.Write, AccessRight.Append, AccessRight.AppendTo })
                role.Privileges[("crmc_widget", right)] = PrivilegeDepth.Basic;
            if (share) role.Privileges[("crmc_widget", AccessRight.Share)] = PrivilegeDepth.Basic;
            return role;
        }

        private Guid WidgetOf(Guid owner, string name = "Widget") =>
            _engine.CreateService(owner).Create(new Entity("crmc_widget") { ["crmc_name"] = name });

        private static EntityReference Widget(Guid id) => new EntityReference("crmc_widget", id);

        private static EntityReference User(Guid id) => new EntityReference("systemuser", id);

        private void Grant(Guid by, Guid widget, EntityReference to, AccessRights rights) =>
            _engine.CreateService(by).Execute(new GrantAccessRequest
            {
                Target = Widget(widget),
                PrincipalAccess = new PrincipalAccess { Principal = to, AccessMask = rights },
            });

        private void Rename(Guid by, Guid widget, string name) =>
            _engine.CreateService(by).Update(new Entity("crmc_widget", widget) { ["crmc_name"] = name });

        private string NameOf(Guid by, Guid widget) =>
            _engine.CreateService(by).Retrieve("crmc_widget", widget, new ColumnSet("crmc_name")).GetAttributeValue<string>("crmc_name");

        [Fact]
        public void A_widget_shared_with_write_lets_a_colleague_edit_it_until_the_owner_revokes_the_share()
        {
            Guid widget = WidgetOf(_ann);
            Fails(() => NameOf(_bob, widget), SecurityFaults.AccessCheckFailed);

            Grant(_ann, widget, User(_bob), AccessRights.ReadAccess | AccessRights.WriteAccess);
            Rename(_bob, widget, "Edited by Bob");
            Assert.Equal("Edited by Bob", NameOf(_bob, widget));

            _engine.CreateService(_ann).Execute(new RevokeAccessRequest { Target = Widget(widget), Revokee = User(_bob) });
            Fails(() => NameOf(_bob, widget), SecurityFaults.AccessCheckFailed);
            Fails(() => Rename(_bob, widget, "Again"), SecurityFaults.AccessCheckFailed);
        }

        [Fact]
        public void Read_shared_alone_does_not_let_the_colleague_write_and_modify_access_replaces_the_rights()
        {
            Guid widget = WidgetOf(_ann);
            Grant(_ann, widget, User(_bob), AccessRights.ReadAccess);
            Assert.Equal("Widget", NameOf(_bob, widget));
            Fails(() => Rename(_bob, widget, "Edited"), SecurityFaults.AccessCheckFailed);

            _engine.CreateService(_ann).Execute(new ModifyAccessRequest
            {
                Target = Widget(widget),
                PrincipalAccess = new PrincipalAccess { Principal = User(_bob), AccessMask = AccessRights.WriteAccess },
            });

            Rename(_bob, widget, "Edited");
            Fails(() => NameOf(_bob, widget), SecurityFaults.AccessCheckFailed); // Read was replaced, not kept
        }

        [Fact]
        public void A_widget_shared_with_a_team_reaches_its_members_and_no_one_else()
        {
            Guid widget = WidgetOf(_ann);
            Guid team = _setup.CreateTeam("Widget reviewers", _engine.RootBusinessUnitId, TeamType.Access);
            _setup.AddMembers(team, _bob);

            Grant(_ann, widget, new EntityReference("team", team), AccessRights.ReadAccess);

            Assert.Equal("Widget", NameOf(_bob, widget));
            Fails(() => NameOf(_carl, widget), SecurityFaults.AccessCheckFailed);
        }

        [Fact]
        public void Sharing_takes_the_share_privilege_and_the_share_right_on_that_very_widget()
        {
            Guid widget = WidgetOf(_ann), bobs = WidgetOf(_bob);

            // Bob's roles hold no prvSharecrmc_Widget: not even his own widget.
            var fault = Fails(() => Grant(_bob, bobs, User(_carl), AccessRights.ReadAccess), SecurityFaults.PrivilegeDenied);
            Assert.Contains("prvSharecrmc_Widget", fault.Message);
            // Carl may share his own widgets (Basic), not Ann's.
            Fails(() => Grant(_carl, widget, User(_bob), AccessRights.ReadAccess), SecurityFaults.AccessCheckFailed);

            Fails(() => NameOf(_carl, bobs), SecurityFaults.AccessCheckFailed);
            Fails(() => NameOf(_bob, widget), SecurityFaults.AccessCheckFailed);
            Assert.Equal(0, RecordShares.CountOf(_engine.Store.Rows, widget) + RecordShares.CountOf(_engine.Store.Rows, bobs));
        }

        [Fact]
        public void A_share_gives_no_right_the_colleague_roles_lack_for_widgets()
        {
            Guid widget = WidgetOf(_ann);

            Grant(_ann, widget, User(_bob), AccessRights.ReadAccess | AccessRights.DeleteAccess | AccessRights.ShareAccess);

            Fails(() => _engine.CreateService(_bob).Delete("crmc_widget", widget), SecurityFaults.PrivilegeDenied);
            Fails(() => Grant(_bob, widget, User(_carl), AccessRights.ReadAccess), SecurityFaults.PrivilegeDenied);
            Assert.Equal("Widget", NameOf(_bob, widget));
        }

        [Fact]
        public void Share_shared_with_a_keeper_lets_them_share_the_widget_on()
        {
            Guid widget = WidgetOf(_ann);
            Grant(_ann, widget, User(_carl), AccessRights.ReadAccess | AccessRights.ShareAccess);

            Grant(_carl, widget, User(_bob), AccessRights.ReadAccess);

            Assert.Equal("Widget", NameOf(_bob, widget));
        }

        [Fact]
        public void A_query_lists_the_widgets_shared_with_the_user_besides_their_own()
        {
            Guid shared = WidgetOf(_ann, "Shared"), kept = WidgetOf(_ann, "Kept"), own = WidgetOf(_bob, "Own");
            Grant(_ann, shared, User(_bob), AccessRights.ReadAccess);

            var seen = _engine.CreateService(_bob).RetrieveMultiple(new QueryExpression("crmc_widget") { ColumnSet = new ColumnSet("crmc_name") })
                .Entities.Select(e => e.Id).ToList();

            Assert.Contains(shared, seen);
            Assert.Contains(own, seen);
            Assert.DoesNotContain(kept, seen);
        }

        [Fact]
        public void Deleting_a_widget_removes_its_shares_and_a_rolled_back_grant_leaves_none()
        {
            Guid widget = WidgetOf(_ann);
            Grant(_ann, widget, User(_bob), AccessRights.ReadAccess);
            Assert.Equal(1, RecordShares.CountOf(_engine.Store.Rows, widget));

            _engine.SystemService.Delete("crmc_widget", widget);
            Assert.Equal(0, RecordShares.CountOf(_engine.Store.Rows, widget));

            Guid other = WidgetOf(_ann);
            var batch = new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection
                {
                    new GrantAccessRequest
                    {
                        Target = Widget(other),
                        PrincipalAccess = new PrincipalAccess { Principal = User(_bob), AccessMask = AccessRights.ReadAccess },
                    },
                    new UpdateRequest { Target = new Entity("crmc_widget", other) { ["crmc_quantity"] = 5000 } }, // out of range
                },
            };
            Fails(() => _engine.CreateService(_ann).Execute(batch));
            Fails(() => NameOf(_bob, other), SecurityFaults.AccessCheckFailed);
        }
    }
}
