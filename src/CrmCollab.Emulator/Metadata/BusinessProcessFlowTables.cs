using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Emulator.Metadata
{
    /// <summary>
    /// Business process flow instance tables. Every process flow has its own organization-owned table whose rows are
    /// the flow's instances (primary id <c>businessprocessflowinstanceid</c>, <c>activestageid</c> → processstage,
    /// <c>processid</c> → workflow, <c>traversedpath</c>): <c>opportunitysalesprocess</c> and
    /// <c>leadtoopportunitysalesprocess</c> out of the box, and one generated table per flow an admin activates, named
    /// after the flow's unique name (e.g. <c>new_mycustombpf</c>) with a <c>bpf_name</c> primary name and one
    /// <c>bpf_&lt;table&gt;id</c> lookup per table the flow runs on (Microsoft Learn, "Work with business process flows
    /// using code" and the LeadToOpportunitySalesProcess table reference).
    /// </summary>
    public static class BusinessProcessFlowTables
    {
        public const string InstanceId = "businessprocessflowinstanceid";
        public const string ActiveStageId = "activestageid";
        public const string ProcessId = "processid";
        public const string TraversedPath = "traversedpath";
        public const string CustomPrimaryName = "bpf_name";

        /// <summary>
        /// A BPF table: flagged so in its metadata (IsBPFEntity), or shaped like one, so a table read from solution
        /// XML without the flag is still recognised: the BPF primary id, an active stage, a process and a traversed path.
        /// </summary>
        public static bool IsBusinessProcessFlow(TableDefinition table) =>
            table != null && (table.IsBusinessProcessFlow
                || table.PrimaryIdAttribute == InstanceId && Points(table, ActiveStageId, "processstage")
                   && Points(table, ProcessId, "workflow") && table.Column(TraversedPath) != null);

        /// <summary>Every BPF table of the catalog.</summary>
        public static IEnumerable<TableDefinition> In(MetadataCatalog catalog) =>
            (catalog ?? throw new ArgumentNullException(nameof(catalog))).Tables.Values.Where(IsBusinessProcessFlow);

        /// <summary>
        /// Adds the table the platform generates when an admin activates a process flow of their own, e.g.
        /// <c>AddCustom(catalog, "new_bpf_xyz", "opportunity")</c>: <c>bpf_name</c>, <c>bpf_opportunityid</c> →
        /// opportunity, the stage and process columns, Active/Inactive with Active, Finished and Aborted reasons.
        /// The process itself (a workflow whose uniquename is the table name, and its stages) is data: create it after
        /// boot, e.g. with <see cref="Engine.BusinessProcessFlows.CreateProcess"/>.
        /// </summary>
        public static TableDefinition AddCustom(MetadataCatalog catalog, string logicalName, params string[] entities)
        {
            if (catalog == null) throw new ArgumentNullException(nameof(catalog));
            if (string.IsNullOrEmpty(logicalName)) throw new ArgumentException("A BPF table needs a logical name.", nameof(logicalName));
            if (entities == null || entities.Length == 0)
                throw new ArgumentException("A business process flow runs on at least one table.", nameof(entities));
            var builder = Instance(catalog, logicalName, logicalName, CustomPrimaryName, null);
            foreach (var entity in entities)
                builder.Lookup("bpf_" + entity + "id", entity)
                    // As the out-of-box lk_leadtoopportunitysalesprocess_leadid: deleting the record deletes its instances.
                    .Rel("bpf_" + entity + "_" + logicalName, cascadeDelete: "Cascade");
            builder.Int("bpf_duration", 0, int.MaxValue).ReadOnly().SystemColumns();
            builder.Table.IsCustom = true;
            BuiltInTables.ResolveRelationships(catalog);
            return builder.Table;
        }

        /// <summary>The columns every instance table has; the caller adds its record lookups, duration and system columns.</summary>
        internal static TableBuilder Instance(MetadataCatalog catalog, string logicalName, string schemaName,
            string primaryName, string displayName)
        {
            var builder = TableBuilder.Create(catalog, logicalName, schemaName, 0, OwnershipType.OrganizationOwned, InstanceId,
                primaryName, displayName: displayName);
            builder.Table.IsBusinessProcessFlow = true;
            return builder
                .String(primaryName, 200, RequiredLevel.ApplicationRequired)
                .Lookup(ActiveStageId, "processstage").Rel("lk_" + logicalName + "_activestageid")
                .Date("activestagestartedon")
                .Lookup(ProcessId, "workflow").Rel("lk_" + logicalName + "_processid")
                .String(TraversedPath, 1250)
                .Date("completedon")
                .States((0, "Active", 1), (1, "Inactive", 2))
                .Statuses((1, "Active", 0), (2, "Finished", 1), (3, "Aborted", 1));
        }

        private static bool Points(TableDefinition table, string column, string target) =>
            table.Column(column) is ColumnDefinition c && c.Type == ColumnType.Lookup && c.Targets.Contains(target);
    }
}
