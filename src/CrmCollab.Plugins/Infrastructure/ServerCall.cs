using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Infrastructure
{
    /// <summary>
    /// Recognises a write made by server-side code (CrmCollab's plug-ins; never a workflow activity, whose calls all run
    /// as the workflow's user) from what the
    /// platform itself puts in the execution context, never from a value a client could send:
    /// <list type="bullet">
    /// <item>a call made from a step that runs after an operation of a given table (its ParentContext, built by the
    /// platform), e.g. the handoff step that runs after the deal's Win;</item>
    /// <item>a call made through the SYSTEM service (IOrganizationServiceFactory.CreateOrganizationService(null)),
    /// which only code running inside the platform can obtain: its context's UserId is the SYSTEM user.</item>
    /// </list>
    /// A caller holding Act on Behalf of Another User could impersonate SYSTEM; that privilege is an administrator's.
    /// <para>
    /// A parent context alone never makes a write CrmCollab's: a Create carrying related rows (Microsoft's "Create related
    /// table rows in one operation", deep insert) has the platform write a client's rows inside another row's Create, and
    /// no page says at which stage of it. So a server-owned value is accepted only from the SYSTEM service; the parent
    /// context only narrows which server write it is (<see cref="FollowsOperationOn"/>, <see cref="AssignsWithDeal"/>...).
    /// </para>
    /// </summary>
    public static class ServerCall
    {
        /// <summary>The call comes from a step running after (stage 40) an operation on <paramref name="table"/>.</summary>
        public static bool FollowsOperationOn(IPluginExecutionContext context, string table) =>
            ComesFromStep(context, PipelineStage.PostOperation, null, table);

        /// <summary>The call comes from a step at <paramref name="stage"/> of <paramref name="message"/> (any when null) on <paramref name="table"/>.</summary>
        public static bool ComesFromStep(IPluginExecutionContext context, PipelineStage stage, string message, string table)
        {
            IPluginExecutionContext parent = context.ParentContext;
            return parent != null && parent.Stage == (int)stage
                && (message == null || string.Equals(parent.MessageName, message, StringComparison.OrdinalIgnoreCase))
                && string.Equals(parent.PrimaryEntityName, table, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// The delete runs inside the Delete of the deal <paramref name="dealId"/> (its cascade to the deal's reviews,
        /// amendments and handoffs): the parent context is the platform's, never a client's.
        /// </summary>
        public static bool DeletesWithDeal(IPluginExecutionContext context, Guid? dealId)
        {
            IPluginExecutionContext parent = context.ParentContext;
            return dealId.HasValue && parent != null && string.Equals(parent.MessageName, "Delete", StringComparison.OrdinalIgnoreCase)
                && string.Equals(parent.PrimaryEntityName, Data.Opportunity.Table, StringComparison.OrdinalIgnoreCase)
                && parent.PrimaryEntityId == dealId.Value;
        }

        /// <summary>
        /// The save of the deal <paramref name="dealId"/> the operation runs inside, as a row sent with that Update as a related
        /// row: that Update's context (its Target is the client's row, as sent), or null when no parent context is an Update of that deal.
        /// </summary>
        public static IPluginExecutionContext DealSaveAround(IPluginExecutionContext context, Guid dealId)
        {
            foreach (KeyValuePair<IPluginExecutionContext, Entity> save in DealSaves(context))
                if (save.Key.PrimaryEntityId == dealId) return save.Key;
            return null;
        }

        /// <summary>Up the ParentContext chain, each Update of a deal with its Target (the row as sent).</summary>
        public static IEnumerable<KeyValuePair<IPluginExecutionContext, Entity>> DealSaves(IPluginExecutionContext context)
        {
            for (IPluginExecutionContext parent = context.ParentContext; parent != null; parent = parent.ParentContext)
                if (string.Equals(parent.MessageName, "Update", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(parent.PrimaryEntityName, Data.Opportunity.Table, StringComparison.OrdinalIgnoreCase)
                    && parent.InputParameters != null && parent.InputParameters.Contains("Target") && parent.InputParameters["Target"] is Entity target)
                    yield return new KeyValuePair<IPluginExecutionContext, Entity>(parent, target);
        }

        /// <summary>
        /// The operation runs inside the owner change of the deal <paramref name="dealId"/> — its Assign, or the Update of its
        /// owner (the Web API and the form give a row to someone that way) — as the platform's cascade of it to the rows
        /// regarding the deal, or the Update of the owner inside such a cascaded Assign: some context up the ParentContext
        /// chain, which the platform builds and no client can send, is that Assign or Update of the deal, and the row's own
        /// change is an Assign (the cascade's) or runs inside one. A row sent with the deal's Update as a related row
        /// (Microsoft's "Update related table rows in one operation") also has that Update as parent, but it is the client's
        /// own Update of the row, not a cascade: it meets the rules a separate Update meets.
        /// </summary>
        public static bool AssignsWithDeal(IPluginExecutionContext context, Guid? dealId)
        {
            if (!dealId.HasValue) return false;
            bool assigned = IsAssign(context);
            for (IPluginExecutionContext parent = context.ParentContext; parent != null; parent = parent.ParentContext)
            {
                if (assigned && (IsAssign(parent) || string.Equals(parent.MessageName, "Update", StringComparison.OrdinalIgnoreCase))
                    && string.Equals(parent.PrimaryEntityName, Data.Opportunity.Table, StringComparison.OrdinalIgnoreCase)
                    && parent.PrimaryEntityId == dealId.Value)
                    return true;
                assigned |= IsAssign(parent);
            }
            return false;
        }

        /// <summary>
        /// The operation runs right inside a Merge of <paramref name="table"/> that merges <paramref name="from"/> (its
        /// SubordinateId) into <paramref name="to"/> (its Target): the merge moving the merged-away record's children to the
        /// record that stays. No page says whether a merge moves them through Updates that run their steps; where it does,
        /// the parent context is the platform's Merge, which no client can send.
        /// </summary>
        public static bool MergeMoves(IPluginExecutionContext context, string table, Guid? from, Guid? to)
        {
            IPluginExecutionContext parent = context.ParentContext;
            return from.HasValue && to.HasValue && parent != null && string.Equals(parent.MessageName, "Merge", StringComparison.OrdinalIgnoreCase)
                && string.Equals(parent.PrimaryEntityName, table, StringComparison.OrdinalIgnoreCase)
                && parent.InputParameters.TryGetValue("SubordinateId", out object away) && away is Guid mergedAway && mergedAway == from.Value
                && parent.InputParameters.TryGetValue("Target", out object kept) && kept is EntityReference master && master.Id == to.Value;
        }

        private static bool IsAssign(IPluginExecutionContext context) =>
            string.Equals(context.MessageName, "Assign", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The operation runs as SYSTEM: its UserId is the SYSTEM user's, which the SYSTEM service's WhoAmI answers. That
        /// id is the organisation's for good, so it is asked once per organisation and kept by organisation id (a value of
        /// the platform, not of a request: the step stays stateless; a sandbox worker may serve several organisations).
        /// </summary>
        public static bool IsSystem(LocalPluginContext context) =>
            SystemUserId(context) is Guid system && system == context.ExecutionContext.UserId;

        /// <summary>The SYSTEM user's id (null when WhoAmI does not answer one), asked once per organisation.</summary>
        public static Guid? SystemUserId(LocalPluginContext context)
        {
            IPluginExecutionContext execution = context.ExecutionContext;
            if (SystemUsers.TryGetValue(execution.OrganizationId, out Guid system)) return system;
            OrganizationResponse whoAmI = context.SystemService.Execute(new OrganizationRequest("WhoAmI"));
            if (!whoAmI.Results.TryGetValue("UserId", out object answer) || !(answer is Guid id)) return null;
            if (execution.OrganizationId != Guid.Empty) SystemUsers[execution.OrganizationId] = id;
            return id;
        }

        private static readonly ConcurrentDictionary<Guid, Guid> SystemUsers = new ConcurrentDictionary<Guid, Guid>();
    }
}
