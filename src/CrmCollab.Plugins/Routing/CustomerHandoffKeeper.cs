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
    /// A customer given to another owner (Assign; an Update of its owner: the form, the Web API) cascades to its deals
    /// (opportunity_customer_accounts and _contacts: Cascade) and on to their tasks (Opportunity_Tasks), closed ones too.
    /// Whether that cascade runs the deals' steps is not documented, so the handoffs of the customer's deals are remembered
    /// before (PreOperation) and put back after (PostOperation), in the same transaction (<see cref="CustomerCascadeHandoffs"/>):
    /// open ones with their function's people, closed ones with who did them. Where the deals' own steps ran
    /// (<see cref="DealAssignment"/>), everything is in place already and nothing is written.
    /// </summary>
    public sealed class CustomerHandoffKeeper : PluginBase
    {
        public const string PreImage = "OwnerBefore";
        private const string KeptVariable = "crmc_customerassign_handoffs";

        public CustomerHandoffKeeper(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            foreach (string customer in new[] { Account.Table, Contact.Table })
            {
                Register(PipelineStage.PreOperation, "Assign", customer, Remember);
                Register(PipelineStage.PostOperation, "Assign", customer, Restore);
                Register(PipelineStage.PreOperation, "Update", customer, Remember).Filter(CommonColumn.OwnerId).PreImage(PreImage, CommonColumn.OwnerId);
                Register(PipelineStage.PostOperation, "Update", customer, Restore).Filter(CommonColumn.OwnerId).PreImage(PreImage, CommonColumn.OwnerId);
            }
        }

        /// <summary>Who holds each handoff of the customer's deals before the cascade (one query, every page).</summary>
        private static void Remember(LocalPluginContext context)
        {
            if (NewOwner(context) == null) return;
            var query = new QueryExpression(HandoffTask.Table)
            {
                ColumnSet = new ColumnSet(HandoffTask.OwnerId, HandoffTask.StateCode, HandoffTask.IsUnrouted),
            };
            query.Criteria.AddCondition(HandoffTask.HandoffKey, ConditionOperator.NotNull);
            var deal = new LinkEntity(HandoffTask.Table, Opportunity.Table, HandoffTask.OpportunityId, Opportunity.Id, JoinOperator.Inner)
            {
                EntityAlias = "deal",
            };
            query.LinkEntities.Add(deal);
            deal.Columns = new ColumnSet(Opportunity.OwnerId);
            // The customer's deals, and for an account its contacts' deals too (the cascade reaches them through the contacts).
            CustomerDeals.Restrict(query, deal, new EntityReference(context.ExecutionContext.PrimaryEntityName, context.ExecutionContext.PrimaryEntityId));
            var kept = new List<string>();
            foreach (Entity task in Pages.All(context.SystemService, query))
            {
                EntityReference owner = task.Read<EntityReference>(HandoffTask.OwnerId);
                if (owner == null) continue;
                Guid? dealOwner = (task.GetAttributeValue<AliasedValue>("deal." + Opportunity.OwnerId)?.Value as EntityReference)?.Id;
                bool open = task.Read<OptionSetValue>(HandoffTask.StateCode)?.Value == HandoffTask.StateOpen;
                if (CustomerCascadeHandoffs.IsKept(open, task.Flag(HandoffTask.IsUnrouted), owner.Id, dealOwner))
                    kept.Add(DealAssignment.Encode(task.Id, owner));
            }
            context.ExecutionContext.SharedVariables[KeptVariable] = string.Join(";", kept);
        }

        /// <summary>The handoffs the cascade gave to the customer's new owner go back to who held them (a user disabled since keeps nothing).</summary>
        private static void Restore(LocalPluginContext context)
        {
            EntityReference newOwner = NewOwner(context);
            Dictionary<Guid, EntityReference> kept = DealAssignment.Remembered(context, KeptVariable);
            if (newOwner == null || kept.Count == 0) return;
            int restored = DealAssignment.GiveBack(context, kept, (before, now) => CustomerCascadeHandoffs.GoesBack(before, now, newOwner.Id));
            context.Trace("Customer given to another owner: {0} handoff(s) of its deals given back.", restored);
        }

        /// <summary>Whom the customer is given to: the Assign's assignee, or the owner an Update saves when it differs from the one it had.</summary>
        private static EntityReference NewOwner(LocalPluginContext context)
        {
            if (context.ExecutionContext.MessageName != "Update") return context.InputParameter<EntityReference>("Assignee");
            // The platform refuses an owner sent empty or as a bare id (InvalidOwnerID): read as no change here.
            EntityReference sent = context.TargetEntity != null && context.TargetEntity.Contains(CommonColumn.OwnerId)
                ? context.TargetEntity[CommonColumn.OwnerId] as EntityReference : null;
            EntityReference before = context.PreImage(PreImage)?.Read<EntityReference>(CommonColumn.OwnerId);
            return sent != null && (before == null || before.Id != sent.Id) ? sent : null;
        }
    }
}
