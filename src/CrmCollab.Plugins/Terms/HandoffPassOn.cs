using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// A handoff passed on to a new owner (<see cref="HandoffGuard"/>'s Assign steps and its Update of ownerid): whether the
    /// new owner may take it (<see cref="HandoffHandOver"/>), and an unrouted handoff given an owner by hand leaving the
    /// unrouted list (<see cref="HandRouting"/>).
    /// </summary>
    internal static class HandoffPassOn
    {
        /// <summary>
        /// A new owner for a handoff (<see cref="HandoffHandOver"/>: an open one within its function, a closed one not at all);
        /// null for a plain task, when the owner stays, or when the platform cascades the Assign of the handoff's own deal (its
        /// ParentContext): refusing it would fail the deal's Assign with a message about a task the user never touched; the step
        /// after the deal's Assign (<see cref="CrmCollab.Plugins.Routing.DealAssignment"/>) puts the handoffs back with their function's people.
        /// </summary>
        public static Refusal Refusal(LocalPluginContext context, Entity before, EntityReference newOwner)
        {
            EntityReference owner = before?.Read<EntityReference>(HandoffTask.OwnerId);
            if (before == null || newOwner == null || !HandoffGuard.IdentityColumns.Any(before.IsFilled) || (owner != null && owner.Id == newOwner.Id)
                || before.Choice(HandoffTask.Function) == null
                || ServerCall.AssignsWithDeal(context.ExecutionContext, before.RefId(HandoffTask.OpportunityId))) return null;
            var function = (BusinessFunction)before.Choice(HandoffTask.Function).Value;
            var state = (HandoffState)(before.Choice(HandoffTask.StateCode) ?? HandoffTask.StateOpen);
            return HandoffHandOver.Check(function, state, ServerCall.IsSystem(context),
                () => FunctionReviewers.Includes(context.SystemService, newOwner, function, context.Now, owner),
                () => Principals.IsAdministrator(context.SystemService, context.ExecutionContext.InitiatingUserId));
        }

        /// <summary>After an Assign: an unrouted handoff passed on by hand is no longer unrouted (when no Update step did it on the way).</summary>
        public static void AfterAssign(LocalPluginContext context)
        {
            Entity after = context.PostImage(HandoffGuard.PostImage);
            if (after == null || !PassedByHand(context, after)) return;
            var change = new Entity(HandoffTask.Table, after.Id);
            HandRouting.Apply(context.SystemService, change, after.Read<string>(HandoffTask.RoutingPath), context.Now);
            context.SystemService.Update(change);
        }

        /// <summary>
        /// The task waited unrouted and a person gives it an owner: not the platform's cascade of its deal's owner change,
        /// after which <see cref="CrmCollab.Plugins.Routing.DealAssignment"/> routes the deal's handoffs again.
        /// </summary>
        public static bool PassedByHand(LocalPluginContext context, Entity task) =>
            task.Read<bool?>(HandoffTask.IsUnrouted) == true
            && !ServerCall.AssignsWithDeal(context.ExecutionContext, task.RefId(HandoffTask.OpportunityId));
    }
}
