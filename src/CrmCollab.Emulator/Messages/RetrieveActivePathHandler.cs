using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// RetrieveActivePath: the stages on the active path of a business process flow instance (a row of any BPF table,
    /// out-of-box or an admin's own), as <c>processstage</c> entities in ProcessStages, in path order.
    /// <para>
    /// Model of the path, stated because the platform keeps it where the engine does not: Dataverse orders stages by the
    /// process definition (the workflow's designer data); <c>processstage</c> has no ordering column (its documented
    /// columns are stagename, stagecategory, primaryentitytypecode, processid, parentprocessstageid, clientdata and
    /// connector columns). The engine therefore orders a process's stages by the order they were created (createdon,
    /// every row getting a distinct instant; the seeded out-of-box stages are created in path order) and has no
    /// branching: the active path is every stage of the process.
    /// </para>
    /// <para>
    /// The instance's process is its <c>processid</c>, else the workflow whose uniquename is the instance's table (how
    /// BPF tables are named). Each stage carries processstageid, stagename, stagecategory, processid,
    /// primaryentitytypecode and clientdata where set: the columns Microsoft's Web API sample returns; the .NET samples
    /// read processstageid and stagename. Reading the path needs read access to the instance. An id that is no BPF
    /// instance gets the platform's not-found code (the exact text of that fault is not documented).
    /// </para>
    /// RetrieveActivePath is not an event (no step can be registered on it), so it runs no pipeline.
    /// </summary>
    internal sealed class RetrieveActivePathHandler : IMessageHandler
    {
        private static readonly string[] StageColumns =
            { "processstageid", "stagename", "stagecategory", "processid", "primaryentitytypecode", "clientdata" };

        public string MessageName => "RetrieveActivePath";

        public OrganizationResponse Handle(MessageContext context)
        {
            var instanceId = context.Get<Guid>("ProcessInstanceId");
            if (instanceId == Guid.Empty) throw Faults.Invalid("Required field 'ProcessInstanceId' is missing");
            var (table, instance) = FindInstance(context, instanceId);
            context.Demand(context.Frame.UserId, table.LogicalName, AccessRight.Read, instance);

            var stages = new EntityCollection { EntityName = "processstage" };
            var processId = ProcessOf(context, table, instance);
            if (processId != null)
            {
                var stageTable = context.Table("processstage");
                var columns = new ColumnSet(StageColumns.Where(c => stageTable.Column(c) != null).ToArray());
                foreach (var stage in PathOrder(context, processId.Value))
                    stages.Entities.Add(context.Store.Read(stageTable, stage, columns));
            }
            return new OrganizationResponse { ResponseName = MessageName, Results = { ["ProcessStages"] = stages } };
        }

        private static (TableDefinition Table, Entity Row) FindInstance(MessageContext context, Guid id)
        {
            foreach (var table in BusinessProcessFlowTables.In(context.Engine.Catalog))
                if (context.Store.Rows.TryGet(table.LogicalName, id, out var row)) return (table, row);
            throw Faults.Create(ErrorCodes.ObjectDoesNotExist,
                $"No business process flow instance with Id = {id} exists. It may have been deleted, or the id is not a process instance's.");
        }

        private static Guid? ProcessOf(MessageContext context, TableDefinition table, Entity instance)
        {
            if (instance.GetAttributeValue<EntityReference>(BusinessProcessFlowTables.ProcessId) is EntityReference process) return process.Id;
            foreach (var workflow in context.Store.Rows.Scan("workflow"))
                if (string.Equals(workflow.GetAttributeValue<string>("uniquename"), table.LogicalName, StringComparison.OrdinalIgnoreCase))
                    return workflow.Id;
            return null;
        }

        /// <summary>The process's stages in creation order (createdon; the id, in SQL order, only breaks an exact tie).</summary>
        private static IEnumerable<Entity> PathOrder(MessageContext context, Guid processId) =>
            context.Store.Rows.Scan("processstage")
                .Where(s => s.GetAttributeValue<EntityReference>("processid")?.Id == processId)
                .OrderBy(s => s.GetAttributeValue<DateTime?>("createdon") ?? DateTime.MinValue)
                .ThenBy(s => s.Id, Comparer<Guid>.Create(ValueComparer.CompareSqlGuid))
                .ToList();
    }
}
