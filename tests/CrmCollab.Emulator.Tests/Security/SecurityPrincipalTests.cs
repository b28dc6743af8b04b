using System;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>Teams, disabled users, administrators, fault messages and the cache.</summary>
    public class SecurityPrincipalTests
    {
        private readonly SecurityScenario _org = new SecurityScenario();

        [Fact]
        public void Owner_team_members_get_the_team_roles_judged_at_the_team()
        {
            var kim = _org.Setup.CreateUser("Kim Member", _org.SalesId);
            var eve = _org.Setup.CreateUser("Eve East", _org.EastId, "Salesperson");
            var team = _org.Setup.CreateTeam("East Sales", _org.EastId, TeamType.Owner, "Team Sales");
            var eves = _org.AccountOf(eve);
            Fails(() => _org.Guard.Demand(kim, "account", AccessRight.Read, eves), SecurityFaults.PrivilegeDenied);

            _org.Setup.AddMembers(team, kim);

            Assert.True(_org.Guard.CanRead(kim, "account", eves));                 // Local at the team's unit
            Assert.True(_org.Guard.CanRead(kim, "account", _org.Account("team", team)));
            Assert.True(_org.Guard.CanRead(kim, "account", _org.AccountOf(kim)));   // Basic passed to the member
            var bob = _org.Setup.CreateUser("Bob Basic", _org.SalesId, "Salesperson");
            Assert.False(_org.Guard.CanRead(kim, "account", _org.AccountOf(bob)));  // not the member's own unit
            Assert.Contains(team, _org.Guard.TeamsOf(kim));
        }

        [Fact]
        public void Basic_user_reaches_records_owned_by_a_team_they_belong_to()
        {
            var bob = _org.Setup.CreateUser("Bob Basic", _org.SalesId, "Salesperson");
            var team = _org.Setup.CreateTeam("Key Accounts", _org.SalesId, TeamType.Owner);
            var teamAccount = _org.Account("team", team);
            Assert.False(_org.Guard.CanRead(bob, "account", teamAccount));

            _org.Setup.AddMembers(team, bob);

            Assert.True(_org.Guard.CanRead(bob, "account", teamAccount));
        }

        [Fact]
        public void Access_team_membership_gives_no_role_privileges()
        {
            var kim = _org.Setup.CreateUser("Kim Member", _org.SalesId);
            var team = _org.Setup.CreateTeam("Deal Room", _org.SalesId, TeamType.Access);
            // The platform refuses roles on access teams; bad data must still grant nothing.
            _org.Setup.AssignTeamRole(team, "Auditor");
            _org.Setup.AddMembers(team, kim);

            Fails(() => _org.Guard.Demand(kim, "account", AccessRight.Read, _org.AccountOf(_org.Guard.SystemUserId)),
                SecurityFaults.PrivilegeDenied);
            Assert.Contains(team, _org.Guard.TeamsOf(kim));
            Assert.Throws<ArgumentException>(() => _org.Setup.CreateTeam("Other Room", _org.SalesId, TeamType.Access, "Auditor"));
        }

        [Fact]
        public void Disabled_user_is_refused_and_cannot_own()
        {
            var bob = _org.Setup.CreateUser("Bob Basic", _org.SalesId, "Salesperson");
            _org.Guard.DemandActiveUser(bob);
            _org.Guard.DemandCanOwn(new EntityReference("systemuser", bob));

            _org.Setup.DisableUser(bob);

            var fault = Fails(() => _org.Guard.DemandActiveUser(bob), SecurityFaults.UserNotEnabled);
            Assert.Contains(bob.ToString(), fault.Message);
            Assert.Contains("Bob Basic", fault.Message);
            Fails(() => _org.Guard.DemandCanOwn(new EntityReference("systemuser", bob)), SecurityFaults.UserNotEnabled);
            Fails(() => _org.Guard.DemandActiveUser(Guid.NewGuid()), SecurityFaults.ObjectDoesNotExist);
        }

        [Fact]
        public void Owners_must_be_enabled_users_or_owner_teams_holding_read()
        {
            var owners = _org.Setup.CreateTeam("Owners", _org.SalesId, TeamType.Owner, "Team Sales");
            var room = _org.Setup.CreateTeam("Room", _org.SalesId, TeamType.Access);
            var nobody = _org.Setup.CreateUser("No Roles", _org.SalesId);

            _org.Guard.DemandCanOwn(new EntityReference("team", owners), "account");
            Fails(() => _org.Guard.DemandCanOwn(new EntityReference("team", room)), SecurityFaults.CannotAssignToAccessTeam);
            Fails(() => _org.Guard.DemandCanOwn(new EntityReference("account", Guid.NewGuid())), SecurityFaults.InvalidArgument);
            var fault = Fails(() => _org.Guard.DemandCanOwn(new EntityReference("systemuser", nobody), "account"),
                SecurityFaults.PrincipalPrivilegeDenied);
            Assert.Contains("prvReadAccount", fault.Message);
        }

        [Fact]
        public void System_administrator_and_SYSTEM_pass_everything()
        {
            var admin = _org.Setup.CreateUser("Ada Admin", _org.EastId, "System Administrator");
            var viaTeam = _org.Setup.CreateUser("Tom Team Admin", _org.EastId);
            var admins = _org.Setup.CreateTeam("Admins", _org.EastId, TeamType.Owner, "System Administrator");
            _org.Setup.AddMembers(admins, viaTeam);
            var root = _org.AccountOf(_org.Guard.SystemUserId);

            foreach (var user in new[] { admin, viaTeam, _org.Guard.SystemUserId })
            {
                Assert.True(_org.Guard.IsSystem(user));
                _org.Guard.Demand(user, "account", AccessRight.Delete, root);
                _org.Guard.Demand(user, "contact", AccessRight.Create, new Entity("contact"));
                Assert.True(_org.Guard.HasPrivilege(user, "prvBypassCustomPlugins"));
            }
            _org.Guard.DemandActiveUser(_org.Guard.SystemUserId);
            Assert.Equal(_org.RootId, _org.Guard.BusinessUnitOf(new EntityReference("systemuser", _org.Guard.SystemUserId)));
        }

        [Fact]
        public void Denied_message_names_user_privilege_and_table()
        {
            var nobody = _org.Setup.CreateUser("Nora Nobody", _org.SalesId, "Currency Viewer");

            var fault = Fails(() => _org.Guard.Demand(nobody, "account", AccessRight.Read, _org.AccountOf(nobody)),
                SecurityFaults.PrivilegeDenied);

            Assert.StartsWith($"Principal user (Id={nobody}, type=8, roleCount=1,", fault.Message);
            Assert.Contains("Nora Nobody", fault.Message);
            Assert.Contains("is missing prvReadAccount privilege (Id=", fault.Message);
            Assert.Contains("on OTC=1 for entity 'account'", fault.Message);
            Assert.Equal(SecurityScenario.Start, fault.Timestamp);
            Assert.Equal(unchecked((int)0x80040220), fault.ErrorCode);
        }

        [Fact]
        public void Cache_follows_role_changes_and_checks_do_not_rescan()
        {
            var bob = _org.Setup.CreateUser("Bob Basic", _org.SalesId, "Salesperson");
            var amy = _org.Setup.CreateUser("Amy Peer", _org.SalesId, "Salesperson");
            var peers = _org.AccountOf(amy);
            Assert.False(_org.Guard.CanRead(bob, "account", peers));

            var scans = _org.Rows.Scans;
            for (var i = 0; i < 1000; i++) _org.Guard.CanRead(bob, "account", peers);
            Assert.Equal(scans, _org.Rows.Scans);

            _org.Setup.AssignRole(bob, "Sales Manager"); // the service invalidates after the intersect write
            Assert.True(_org.Guard.CanRead(bob, "account", peers));

            // A write behind the guard's back is not seen until Invalidate, which the core must call.
            var link = _org.Rows.Scan("systemuserroles").First(r => (Guid)r["systemuserid"] == bob
                && (Guid)r["roleid"] == _org.RoleNamed("Sales Manager").Id);
            link["roleid"] = _org.RoleNamed("Salesperson").Id;
            Assert.True(_org.Guard.CanRead(bob, "account", peers));
            _org.Guard.Invalidate();
            Assert.False(_org.Guard.CanRead(bob, "account", peers));
            Assert.False(_org.Guard.InvalidateIfAffected("account"));
            Assert.True(_org.Guard.InvalidateIfAffected("teamroles"));
        }

        [Fact]
        public void Business_units_of_owners_and_moves_between_units()
        {
            var eve = _org.Setup.CreateUser("Eve East", _org.EastId, "Sales Manager");
            var team = _org.Setup.CreateTeam("East", _org.EastId, TeamType.Owner);
            Assert.Equal(_org.EastId, _org.Guard.BusinessUnitOf(new EntityReference("systemuser", eve)));
            Assert.Equal(_org.EastId, _org.Guard.BusinessUnitOf(new EntityReference("team", team)));
            var eastAccount = _org.AccountOf(eve);

            _org.Service.Update(new Entity("systemuser", eve) { ["businessunitid"] = new EntityReference("businessunit", _org.SalesId) });

            Assert.Equal(_org.SalesId, _org.Guard.BusinessUnitOf(new EntityReference("systemuser", eve)));
            Assert.True(_org.Guard.CanRead(eve, "account", eastAccount)); // still her own record
            Assert.Equal(PrivilegeDepth.Local, _org.Guard.DepthOf(eve, "account", AccessRight.Read));
        }
    }
}
