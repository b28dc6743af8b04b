using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>
    /// Contoso: root business unit Contoso → Sales → Sales East, plus Service under the root; roles at each
    /// depth and the platform's System Administrator role; the structure is built through OrganizationSetup by SYSTEM, as
    /// the simulation does.
    /// </summary>
    internal sealed class SecurityScenario
    {
        public static readonly DateTime Start = new DateTime(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);

        public SecurityScenario()
        {
            Rows = new SecurityRows();
            Clock = new EngineClock(Start);
            Roles = new[]
            {
                Role("Salesperson", PrivilegeDepth.Basic, "account", AccessRight.Create, AccessRight.Read, AccessRight.Write,
                    AccessRight.Delete, AccessRight.Append, AccessRight.AppendTo, AccessRight.Assign),
                Role("Sales Manager", PrivilegeDepth.Local, "account", AccessRight.Create, AccessRight.Read, AccessRight.Write),
                Role("Regional Director", PrivilegeDepth.Deep, "account", AccessRight.Create, AccessRight.Read, AccessRight.Write),
                Role("Auditor", PrivilegeDepth.Global, "account", AccessRight.Read),
                Role("Currency Viewer", PrivilegeDepth.Basic, "transactioncurrency", AccessRight.Read),
                Role("Team Sales", PrivilegeDepth.Local, "account", AccessRight.Read, AccessRight.Write),
            };
            Roles[3].Privileges[("transactioncurrency", AccessRight.Read)] = PrivilegeDepth.Global;
            Roles[3].Misc.Add("prvExportToExcel");
            Guard = new SecurityGuard(Rows, Roles, Clock);

            RootId = Guid.NewGuid();
            Rows.Put(new Entity("businessunit", RootId) { ["businessunitid"] = RootId, ["name"] = "Contoso" });
            // The platform's System Administrator role, as every organisation has it (OrganizationSeed): made from the template.
            Rows.Put(new Entity("role", WellKnownIds.SystemAdministratorRoleId)
            {
                ["roleid"] = WellKnownIds.SystemAdministratorRoleId,
                ["name"] = "System Administrator",
                ["businessunitid"] = new EntityReference("businessunit", RootId),
                ["parentrootroleid"] = new EntityReference("role", WellKnownIds.SystemAdministratorRoleId),
                ["roletemplateid"] = new EntityReference("roletemplate", WellKnownIds.SystemAdministratorRoleTemplateId),
            });
            Service = new RecordingOrganizationService(Rows, Guard.SystemUserId, () => Guard);
            Setup = new OrganizationSetup(Service);
            foreach (var role in Roles) Setup.CreateRole(role.Name, RootId, role.Id);

            SalesId = Setup.CreateBusinessUnit("Sales");
            EastId = Setup.CreateBusinessUnit("Sales East", SalesId);
            ServiceUnitId = Setup.CreateBusinessUnit("Service");
        }

        public SecurityRows Rows { get; }
        public EngineClock Clock { get; }
        public RoleDefinition[] Roles { get; }
        public SecurityGuard Guard { get; }
        public RecordingOrganizationService Service { get; }
        public OrganizationSetup Setup { get; }
        public Guid RootId { get; }
        public Guid SalesId { get; }
        public Guid EastId { get; }
        public Guid ServiceUnitId { get; }

        /// <summary>An account owned by the user or team, created by SYSTEM through the service.</summary>
        public Entity Account(string ownerTable, Guid ownerId)
        {
            var id = Service.Create(new Entity("account") { ["name"] = "Account", ["ownerid"] = new EntityReference(ownerTable, ownerId) });
            Rows.TryGet("account", id, out var row);
            return row;
        }

        public Entity AccountOf(Guid userId) => Account("systemuser", userId);

        public RoleDefinition RoleNamed(string name) => Array.Find(Roles, r => r.Name == name);

        private static RoleDefinition Role(string name, PrivilegeDepth depth, string table, params AccessRight[] rights)
        {
            var role = new RoleDefinition { Id = Guid.NewGuid(), Name = name };
            foreach (var right in rights) role.Privileges[(table, right)] = depth;
            return role;
        }
    }
}
