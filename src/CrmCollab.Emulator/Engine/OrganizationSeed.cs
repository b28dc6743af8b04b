using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Engine
{
    /// <summary>
    /// The rows every organisation starts with: root business unit, SYSTEM user and its settings, default team, the
    /// System Administrator role, the solution's roles.
    /// </summary>
    internal static class OrganizationSeed
    {
        public static void Plant(DataverseEngine engine)
        {
            var system = new EntityReference("systemuser", WellKnownIds.SystemUserId);
            var root = new EntityReference("businessunit", WellKnownIds.RootBusinessUnitId);
            Put(engine, "organization", WellKnownIds.OrganizationId, system, ("name", engine.Options.OrganizationName));
            Put(engine, "businessunit", WellKnownIds.RootBusinessUnitId, system, ("name", engine.Options.OrganizationName));
            Put(engine, "systemuser", WellKnownIds.SystemUserId, system,
                ("fullname", "SYSTEM"), ("lastname", "SYSTEM"), ("domainname", "SYSTEM"), ("businessunitid", root),
                ("isdisabled", false), ("accessmode", new OptionSetValue(4)));
            Put(engine, "usersettings", WellKnownIds.SystemUserId, system); // every user's settings row (UserSettingsRows)
            Put(engine, "team", WellKnownIds.RootTeamId, system,
                ("name", engine.Options.OrganizationName), ("businessunitid", root), ("administratorid", system),
                ("isdefault", true), ("teamtype", new OptionSetValue(0)));
            // Every environment's System Administrator role, known by its template, not its name (SecuritySnapshot).
            Put(engine, "role", WellKnownIds.SystemAdministratorRoleId, system, ("name", "System Administrator"), ("businessunitid", root),
                ("parentrootroleid", new EntityReference("role", WellKnownIds.SystemAdministratorRoleId)),
                ("roletemplateid", new EntityReference("roletemplate", WellKnownIds.SystemAdministratorRoleTemplateId)),
                (TeamRoleInheritance.Column, new OptionSetValue(TeamRoleInheritance.DirectUserAndTeamValue)));
            foreach (var role in engine.Solution.Roles.Where(r => r.Id != System.Guid.Empty))
                Put(engine, "role", role.Id, system, ("name", role.Name), ("businessunitid", root),
                    ("parentrootroleid", new EntityReference("role", role.Id)), // a root role is its own chain's root (RoleCopies)
                    (TeamRoleInheritance.Column, new OptionSetValue(TeamRoleInheritance.DirectUserAndTeamValue))); // the default of a new role (role.md); solution role XML names none
            foreach (var variable in engine.Solution.EnvironmentVariables)
                PlantVariable(engine, variable, system, root);
            foreach (var process in WellKnownProcesses.All)
                PlantProcess(engine, process, system, root);
        }

        /// <summary>
        /// An out-of-box business process flow as every organisation has it: its activated workflow definition and
        /// its stages, planted in path order (the engine's model of stage order is the order stages were created).
        /// </summary>
        private static void PlantProcess(DataverseEngine engine, ProcessSeed process, EntityReference system, EntityReference root)
        {
            if (engine.Catalog.Table(process.UniqueName) == null) return; // a catalog without the flow's instance table
            Put(engine, "workflow", process.Id, system,
                ("name", process.Name), ("uniquename", process.UniqueName),
                ("category", new OptionSetValue(WellKnownProcesses.BusinessProcessFlowCategory)), ("type", new OptionSetValue(1)),
                ("primaryentity", process.PrimaryEntity), ("statecode", new OptionSetValue(1)), ("statuscode", new OptionSetValue(2)),
                ("ownerid", system), ("owninguser", system), ("owningbusinessunit", root));
            var workflow = new EntityReference("workflow", process.Id);
            foreach (var stage in process.Stages)
                Put(engine, "processstage", stage.Id, system,
                    ("stagename", stage.Name), ("processid", workflow), ("stagecategory", new OptionSetValue(stage.Category)),
                    ("primaryentitytypecode", stage.Entity));
        }

        /// <summary>What a solution import leaves behind for a variable: its definition and, if shipped, its value.</summary>
        private static void PlantVariable(DataverseEngine engine, EnvironmentVariableDefinition variable, EntityReference system, EntityReference root)
        {
            var definitionId = StableId("envvar:" + variable.SchemaName);
            var type = BuiltInTables.EnvironmentVariableTypes
                .FirstOrDefault(t => string.Equals(t.Label, variable.Type, System.StringComparison.OrdinalIgnoreCase));
            Put(engine, "environmentvariabledefinition", definitionId, system,
                ("schemaname", variable.SchemaName), ("displayname", variable.DisplayName ?? variable.SchemaName),
                ("description", variable.Description), ("defaultvalue", variable.DefaultValue),
                ("type", new OptionSetValue(type.Value == 0 ? 100000000 : type.Value)),
                ("ownerid", system), ("owningbusinessunit", root), ("statecode", new OptionSetValue(0)), ("statuscode", new OptionSetValue(1)));
            if (variable.Value != null)
                Put(engine, "environmentvariablevalue", StableId("envvalue:" + variable.SchemaName), system,
                    ("schemaname", variable.SchemaName), ("value", variable.Value),
                    ("environmentvariabledefinitionid", new EntityReference("environmentvariabledefinition", definitionId)),
                    ("ownerid", system), ("owningbusinessunit", root), ("statecode", new OptionSetValue(0)), ("statuscode", new OptionSetValue(1)));
        }

        /// <summary>The same id in every run for the same name, so tests and reports are reproducible.</summary>
        private static System.Guid StableId(string name)
        {
            using (var md5 = System.Security.Cryptography.MD5.Create())
                return new System.Guid(md5.ComputeHash(System.Text.Encoding.UTF8.GetBytes(name)));
        }

        // Seed rows bypass validation: they are the ground the validation stands on.
        private static void Put(DataverseEngine engine, string table, System.Guid id, EntityReference by,
            params (string Column, object Value)[] values)
        {
            var definition = engine.Catalog.Table(table);
            if (definition == null) return;
            var row = new Entity(table, id) { [definition.PrimaryIdAttribute] = id };
            foreach (var (column, value) in values)
                if (definition.Column(column) != null) row[column] = value;
            var now = engine.Clock.Tick(); // a distinct instant per row, as for every Create: createdon orders rows
            Set(definition, row, "createdon", now);
            Set(definition, row, "modifiedon", now);
            Set(definition, row, "createdby", by);
            Set(definition, row, "modifiedby", by);
            Set(definition, row, "organizationid", new EntityReference("organization", WellKnownIds.OrganizationId));
            // Its version as every written row has it: the column and Entity.RowVersion (what IfRowVersionMatches compares).
            long version = engine.Store.Rows.NextVersion();
            Set(definition, row, "versionnumber", version);
            row.RowVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            engine.Store.Rows.Put(row, null);
        }

        private static void Set(TableDefinition table, Entity row, string column, object value)
        {
            if (table.Column(column) != null) row[column] = value;
        }
    }
}
