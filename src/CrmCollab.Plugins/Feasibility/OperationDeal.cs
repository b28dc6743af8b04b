using System;
using CrmCollab.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// The deal an operation concerns, from the context the platform builds for it (a nested call's ParentContext):
    /// the deal itself for an operation on opportunity (PrimaryEntityId); a product line's deal (the Target's
    /// opportunityid, else the line as it stands); a process-flow instance's deal (the Target's lookup, else the
    /// instance as it stands). Only what Microsoft documents on a context is read — its table, id, message, stage and
    /// InputParameters — never its images. When the row is gone (after a Delete) or the operation is on any other table,
    /// there is no deal: the caller then trusts nothing.
    /// </summary>
    public static class OperationDeal
    {
        private const string ProductLineId = "opportunityproductid", FlowInstanceId = "businessprocessflowinstanceid";

        public static Guid? Of(IPluginExecutionContext operation, IOrganizationService service)
        {
            if (operation == null) return null;
            Entity target = operation.InputParameters.TryGetValue("Target", out object value) ? value as Entity : null;
            Guid id = operation.PrimaryEntityId != Guid.Empty ? operation.PrimaryEntityId : target?.Id ?? Guid.Empty;
            string table = operation.PrimaryEntityName;
            if (Is(table, Opportunity.Table)) return id == Guid.Empty ? (Guid?)null : id;
            // After a Delete the row is gone, and nothing documented on the context names its deal.
            bool rowGone = Is(operation.MessageName, "Delete") && operation.Stage == (int)Infrastructure.PipelineStage.PostOperation;
            if (Is(table, OpportunityProduct.Table))
                return target?.RefId(OpportunityProduct.OpportunityId)
                    ?? (rowGone ? null : Read(service, table, ProductLineId, id, OpportunityProduct.OpportunityId));
            if (!IsProcessFlow(table, target)) return null;
            return ProcessFlow.DealOf(target) ?? (rowGone ? null : Read(service, table, FlowInstanceId, id, LookupOf(table)));
        }

        /// <summary>
        /// The operation concerns this deal: it is the operation's deal (<see cref="Of"/>), or, before a product line's
        /// Update that moves it (PreOperation, Target naming another deal), the deal the stored line still belongs to.
        /// </summary>
        public static bool Concerns(IPluginExecutionContext operation, IOrganizationService service, Guid? dealId)
        {
            if (operation == null || dealId == null) return false;
            if (Of(operation, service) == dealId) return true;
            if (!Is(operation.PrimaryEntityName, OpportunityProduct.Table) || !Is(operation.MessageName, "Update")
                || operation.Stage != (int)Infrastructure.PipelineStage.PreOperation) return false;
            Entity target = operation.InputParameters.TryGetValue("Target", out object value) ? value as Entity : null;
            if (target == null || !target.Contains(OpportunityProduct.OpportunityId)) return false;
            Guid id = operation.PrimaryEntityId != Guid.Empty ? operation.PrimaryEntityId : target.Id;
            return Read(service, operation.PrimaryEntityName, ProductLineId, id, OpportunityProduct.OpportunityId) == dealId;
        }

        /// <summary>
        /// The operation is a merge of accounts (PreOperation) whose merged-away account (SubordinateId) is the account
        /// the deal is routed by (its customer, or its Account when the customer is a contact): the merge moves the deal.
        /// One read of the deal.
        /// </summary>
        public static bool MergesAwayAccountOf(IPluginExecutionContext operation, IOrganizationService service, Guid? dealId)
        {
            if (operation == null || dealId == null || !Is(operation.MessageName, "Merge") || !Is(operation.PrimaryEntityName, Account.Table)
                || !(operation.InputParameters.TryGetValue("SubordinateId", out object raw) && raw is Guid mergedAway))
                return false;
            Entity deal = service.Retrieve(Opportunity.Table, dealId.Value, new ColumnSet(Opportunity.CustomerId, Opportunity.ParentAccountId));
            return Routing.HandoffCreation.AccountOf(deal) == mergedAway;
        }

        /// <summary>
        /// A business process flow instance of the opportunity: an out-of-box flow's table, or a row moved to a stage or
        /// linked to its deal through the lookup an administrator's flow has (bpf_opportunityid).
        /// </summary>
        private static bool IsProcessFlow(string table, Entity target) =>
            Array.Exists(ProcessFlow.OutOfBoxTables, t => Is(t, table))
            || target != null && (target.Contains(ProcessFlow.ActiveStageId) || target.Contains(ProcessFlow.CustomOpportunityId));

        private static string LookupOf(string flowTable) =>
            Array.Exists(ProcessFlow.OutOfBoxTables, t => Is(t, flowTable)) ? ProcessFlow.OpportunityId : ProcessFlow.CustomOpportunityId;

        /// <summary>A query by key, not a Retrieve: a row that is not there is no deal, never a failed call.</summary>
        private static Guid? Read(IOrganizationService service, string table, string key, Guid id, string dealLookup)
        {
            if (id == Guid.Empty) return null;
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(dealLookup), TopCount = 1 };
            query.Criteria.AddCondition(key, ConditionOperator.Equal, id);
            EntityCollection rows = service.RetrieveMultiple(query);
            return rows.Entities.Count == 0 ? null : rows.Entities[0].RefId(dealLookup);
        }

        private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
