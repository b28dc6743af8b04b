using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// A deal handed to a colleague (Assign): Dataverse cascades the Assign to the tasks regarding it (Opportunity_Tasks
    /// ships with Assign: Cascade, and an administrator may change it to Active, UserOwned or none), which would give the
    /// colleague the handoffs ADV, logistics and SAV work on. Whatever the cascade did, after the Assign (in the same
    /// transaction): the deal's open handoffs follow their function's routing again (an unrouted one goes to the deal's new
    /// owner, as at the win, whatever the cascade did — also the way an administrator moves a leaver's unrouted handoffs;
    /// one passed by hand to its owner before stays with them while nobody is routed), and its completed and canceled handoffs go back to who held them before the Assign — they
    /// are the record of who did the work, and the KPIs count them by owner. Plain tasks go with the deal as configured.
    /// </summary>
    public static class DealAssignment
    {
        /// <summary>Who held each closed handoff before the Assign, passed from PreOperation to PostOperation.</summary>
        public const string ClosedOwnersVariable = "crmc_dealassign_closedowners";

        /// <summary>PreOperation: the owners of the deal's closed handoffs, before the platform's cascade moves them.</summary>
        public static void RememberClosedOwners(LocalPluginContext context)
        {
            if (!OwnerChanges(context)) return;
            var deal = new EntityReference(Opportunity.Table, context.ExecutionContext.PrimaryEntityId);
            var query = new QueryExpression(HandoffTask.Table) { ColumnSet = new ColumnSet(HandoffTask.OwnerId, HandoffTask.StateCode, HandoffTask.IsUnrouted) };
            query.Criteria.AddCondition(HandoffTask.OpportunityId, ConditionOperator.Equal, deal.Id);
            query.Criteria.AddCondition(HandoffTask.HandoffKey, ConditionOperator.NotNull);
            List<Entity> handoffs = context.SystemService.RetrieveMultiple(query).Entities
                .Where(t => t.Read<EntityReference>(HandoffTask.OwnerId) != null).ToList();
            Func<Entity, bool> open = t => t.Read<OptionSetValue>(HandoffTask.StateCode)?.Value == HandoffTask.StateOpen;
            context.ExecutionContext.SharedVariables[ClosedOwnersVariable] = Encode(handoffs.Where(t => !open(t)));
            // Open ones not flagged unrouted have an owner: routed, or passed by hand when nobody was routed (kept then).
            context.ExecutionContext.SharedVariables[OpenOwnersVariable] = Encode(handoffs.Where(t => open(t) && !t.Flag(HandoffTask.IsUnrouted)));
        }

        /// <summary>Who held each open handoff not flagged unrouted before the Assign (PreOperation to PostOperation).</summary>
        public const string OpenOwnersVariable = "crmc_dealassign_openowners";

        private static string Encode(IEnumerable<Entity> handoffs) =>
            string.Join(";", handoffs.Select(t => Encode(t.Id, t.Read<EntityReference>(HandoffTask.OwnerId))));

        /// <summary>PostOperation: open handoffs re-routed, closed ones given back to who held them.</summary>
        public static void Restore(LocalPluginContext context, Entity deal)
        {
            if (!OwnerChanges(context)) return;
            var target = new EntityReference(Opportunity.Table, context.ExecutionContext.PrimaryEntityId);
            int restored = RestoreClosed(context);
            Guid? account = deal == null ? null : HandoffCreation.AccountOf(deal);
            // One passed by hand to its owner before stays with them, whatever the cascade did (when nobody is routed).
            Dictionary<Guid, EntityReference> kept = Remembered(context, OpenOwnersVariable);
            // An unrouted handoff goes to the deal's new owner, as at the win, even where the cascade left it behind.
            var holder = new Lazy<Principal>(() => HandoffCreation.HolderOf(context.SystemService, NewOwner(context)));
            // A deal with no account routes to nobody: what was routed goes back to who held it, the rest to the unrouted queue, else the new owner.
            int rerouted = deal == null ? 0
                : HandoffReassignment.ForDeal(context.SystemService, target.Id, account, context.Now,
                    $"Reassigned {context.Now:yyyy-MM-dd} after the deal was handed to another owner", () => holder.Value,
                    task => kept.TryGetValue(task, out EntityReference owner) && CanOwn(context.SystemService, owner) ? owner : null);
            context.Trace("Deal handed on: {0} open handoff(s) re-routed, {1} closed handoff(s) given back.", rerouted, restored);
        }

        /// <summary>
        /// An Assign gives the deal to someone (the platform cascades it whoever it names); an Update of its owner (the Web
        /// API's and the form's way, cascaded the same) only when the owner it names differs from the one it had.
        /// </summary>
        public static bool OwnerChanges(LocalPluginContext context)
        {
            if (context.ExecutionContext.MessageName != "Update") return context.ExecutionContext.PrimaryEntityId != Guid.Empty;
            EntityReference sent = context.TargetEntity?.Read<EntityReference>(Opportunity.OwnerId);
            EntityReference before = context.PreImage(PreImage)?.Read<EntityReference>(Opportunity.OwnerId);
            return sent != null && (before == null || before.Id != sent.Id || before.LogicalName != sent.LogicalName);
        }

        /// <summary>Who the deal is handed to: the Assign's assignee, or the owner the Update saves.</summary>
        private static EntityReference NewOwner(LocalPluginContext context) =>
            context.ExecutionContext.MessageName == "Update"
                ? context.TargetEntity?.Read<EntityReference>(Opportunity.OwnerId)
                : context.InputParameter<EntityReference>("Assignee");

        /// <summary>The pre-image of the Update steps: the owner the deal had.</summary>
        public const string PreImage = "OwnerBefore";

        private static int RestoreClosed(LocalPluginContext context) =>
            GiveBack(context, Remembered(context, ClosedOwnersVariable), (before, now) => now != before);

        /// <summary>
        /// Gives each remembered handoff back to who held it when <paramref name="goesBack"/> says so (who held it, who
        /// holds it now), a user disabled since keeping nothing; read by 500 ids a query. Returns how many went back.
        /// </summary>
        internal static int GiveBack(LocalPluginContext context, Dictionary<Guid, EntityReference> remembered, Func<Guid, Guid?, bool> goesBack)
        {
            int restored = 0;
            foreach (Guid[] chunk in remembered.Keys.Select((id, i) => new { id, i }).GroupBy(p => p.i / 500).Select(g => g.Select(p => p.id).ToArray()))
            {
                var query = new QueryExpression(HandoffTask.Table) { ColumnSet = new ColumnSet(HandoffTask.OwnerId) };
                query.Criteria.AddCondition(HandoffTask.Id, ConditionOperator.In, chunk.Cast<object>().ToArray());
                foreach (Entity task in context.SystemService.RetrieveMultiple(query).Entities)
                {
                    EntityReference owner = remembered[task.Id];
                    if (!goesBack(owner.Id, task.Read<EntityReference>(HandoffTask.OwnerId)?.Id)) continue;
                    if (!CanOwn(context.SystemService, owner)) continue; // a user disabled since keeps nothing: it stays as moved
                    context.SystemService.Update(new Entity(HandoffTask.Table, task.Id) { [HandoffTask.OwnerId] = owner });
                    restored++;
                }
            }
            return restored;
        }

        internal static Dictionary<Guid, EntityReference> Remembered(LocalPluginContext context, string variable) =>
            context.ExecutionContext.SharedVariables.TryGetValue(variable, out object value) && value is string text && text.Length > 0
                ? text.Split(';').Select(Decode).Where(p => p != null).ToDictionary(p => p.Item1, p => p.Item2)
                : new Dictionary<Guid, EntityReference>();

        internal static bool CanOwn(IOrganizationService service, EntityReference owner) =>
            owner.LogicalName != SystemUser.Table
            || service.Retrieve(SystemUser.Table, owner.Id, new ColumnSet(SystemUser.IsDisabled)).Read<bool?>(SystemUser.IsDisabled) != true;

        internal static string Encode(Guid task, EntityReference owner) => $"{task:N}|{owner.LogicalName}|{owner.Id:N}";

        private static Tuple<Guid, EntityReference> Decode(string item)
        {
            string[] parts = item.Split('|');
            if (parts.Length != 3 || !Guid.TryParse(parts[0], out Guid task) || !Guid.TryParse(parts[2], out Guid owner)) return null;
            return Tuple.Create(task, new EntityReference(parts[1], owner));
        }
    }
}
