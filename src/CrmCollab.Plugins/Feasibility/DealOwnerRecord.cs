using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// Records who has owned each deal (<see cref="DealOwnerHistory"/>, crmc_ownerhistory), so that nobody who has owned
    /// it decides its reviews (<see cref="ReviewDecisionRules.CheckDecider"/>) nor has their approval counted by the gate
    /// (<see cref="OwnDealApprovals"/>). Synchronous, in the owner change's transaction:
    /// <list type="bullet">
    /// <item>after the deal's Create in someone else's name (a salesperson holding the Assign privilege may create a deal
    /// owned by a colleague): who created it and its owner;</item>
    /// <item>after the deal's Assign, and after an Update of its owner (the form, the Web API's PATCH; alone, in
    /// UpdateMultiple, Upsert, ExecuteMultiple or ExecuteTransaction, which run the Update steps): the owner it had (its
    /// pre-image) and the one it got;</item>
    /// <item>when the deal is lost (<see cref="OnDealLost"/>, from <see cref="Guards.CloseGuard"/>): its owner;</item>
    /// <item>before an Assign, or an Update of the owner, of the account or contact that is a deal's customer: the
    /// platform cascades that change to its deals by the relationship's CascadeConfiguration.Assign
    /// (opportunity_customer_accounts and opportunity_customer_contacts ship with Cascade), and no page says a cascaded
    /// Assign runs the deal's steps, so the owners its open deals have before it are recorded here, from the customer's own
    /// operation (certain to fire), paged and written only where the history changes; its closed deals are not (see
    /// <see cref="OnCustomerOwnerChanging"/>). Whoever the cascade then gives them to owns them now, and is recorded at
    /// their next change of owner.</item>
    /// </list>
    /// A merge moves deals to another customer without changing their owner: nothing to record. The writes go through the
    /// SYSTEM service, the only writer the opportunity guard lets set the column.
    /// </summary>
    public sealed class DealOwnerRecord : PluginBase
    {
        public const string PreImage = "OwnerBefore", Created = "Created";

        /// <summary>The customer's open deals read per page (the platform's largest page is 5,000).</summary>
        private const int PageSize = 5000;

        public DealOwnerRecord(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PostOperation, "Create", Opportunity.Table, OnDealCreated)
                .PostImage(Created, Opportunity.OwnerId);
            Register(PipelineStage.PostOperation, "Assign", Opportunity.Table, OnDealOwnerChanged)
                .PreImage(PreImage, Opportunity.OwnerId, Opportunity.OwnerHistory);
            Register(PipelineStage.PostOperation, "Update", Opportunity.Table, OnDealOwnerChanged)
                .Filter(Opportunity.OwnerId).PreImage(PreImage, Opportunity.OwnerId, Opportunity.OwnerHistory);
            foreach (string customer in new[] { Account.Table, Contact.Table })
            {
                Register(PipelineStage.PreOperation, "Assign", customer, OnCustomerOwnerChanging);
                Register(PipelineStage.PreOperation, "Update", customer, OnCustomerOwnerChanging)
                    .Filter(CommonColumn.OwnerId).PreImage(PreImage, CommonColumn.OwnerId);
            }
        }

        /// <summary>A deal created in someone else's name (the Create sends another owner): its creator is handing it on at
        /// birth, so both are recorded. A deal created for oneself has no history until its owner changes.</summary>
        private static void OnDealCreated(LocalPluginContext context)
        {
            EntityReference owner = context.PostImage(Created)?.Read<EntityReference>(Opportunity.OwnerId);
            Guid creator = context.ExecutionContext.InitiatingUserId;
            if (owner == null || owner.Id == creator) return;
            Record(context, context.ExecutionContext.PrimaryEntityId, null, new EntityReference(SystemUser.Table, creator), owner);
        }

        /// <summary>
        /// Puts on <paramref name="deal"/> (an image of it after its Create or Update) the owners this step records for that
        /// same save — its creator when it is created in someone else's name (<see cref="OnDealCreated"/>), the owner it had
        /// when the save gives it another (<see cref="OnDealOwnerChanged"/>) — for the review request of the same save
        /// (<see cref="FeasibilityRequest"/>, <see cref="MaterialChange"/>: PostOperation steps whose order with this one is
        /// not defined, their images possibly taken before it writes), so that routing passes them over whichever runs first.
        /// Before, the review asked in the save that handed the deal on (or created it for a colleague) could go to who had
        /// it, who was then refused its decision.
        /// </summary>
        /// <param name="before">The deal before the Update (with its owner), or null for a Create.</param>
        public static void AddSavesOwners(LocalPluginContext context, Entity deal, Entity before)
        {
            AddOwnerReplaced(deal, context.ExecutionContext.MessageName == "Create"
                ? new EntityReference(SystemUser.Table, context.ExecutionContext.InitiatingUserId)
                : before?.Read<EntityReference>(Opportunity.OwnerId));
        }

        /// <summary>Puts on <paramref name="deal"/> (its owner and history now) the owner <paramref name="had"/> it had before a
        /// save that gave it another, as <see cref="OnDealOwnerChanged"/> records it (for a process flow moved as a related row
        /// of that save, <see cref="DealSaveRecord.OwnerBefore"/>).</summary>
        public static void AddOwnerReplaced(Entity deal, EntityReference had)
        {
            EntityReference owner = deal.Read<EntityReference>(Opportunity.OwnerId);
            string recorded = owner == null || had == null || had.Id == owner.Id ? null : With(deal.Read<string>(Opportunity.OwnerHistory), had, owner);
            if (recorded != null) deal[Opportunity.OwnerHistory] = recorded;
        }

        private static void OnDealOwnerChanged(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage);
            EntityReference had = before?.Read<EntityReference>(Opportunity.OwnerId);
            EntityReference gets = NewOwner(context, Opportunity.OwnerId);
            if (gets == null || (had != null && had.Id == gets.Id)) return;
            Record(context, context.ExecutionContext.PrimaryEntityId, before?.Read<string>(Opportunity.OwnerHistory), had, gets);
        }

        /// <summary>
        /// A deal being lost: its owner joins its history (a write only when they are not in it yet). The customer's step
        /// below leaves closed deals out, so a lost deal that then moves with its customer's reassignment would otherwise
        /// lose track of them, and any salesperson may reopen a lost deal, which asks its reviews again: its former owner,
        /// who may be the account's routed reviewer, could approve them. Recorded here, inside the Lose, from the read
        /// <see cref="Guards.CloseGuard"/> already makes on the PreOperation Create of the opportunityclose every Lose creates
        /// (the step the loss's withdrawal, the win's gate and the win's date stamp on the deal already rest on: docs/platform-facts.md,
        /// the opportunity close lifecycle): no read more. Not at the reopen: by then the cascade has
        /// replaced the owner, and the reopen's pre-image holds only the new one.
        /// </summary>
        /// <param name="deal">The deal as read, with its owner and history.</param>
        public static void OnDealLost(LocalPluginContext context, Guid dealId, Entity deal)
        {
            if (Record(context, dealId, deal.Read<string>(Opportunity.OwnerHistory), deal.Read<EntityReference>(Opportunity.OwnerId)))
                context.Trace("The deal was lost: its owner recorded in its Owner History.");
        }

        /// <summary>
        /// The customer's open deals not already held by its new owner, a page of <see cref="PageSize"/> at a time (one
        /// RetrieveMultiple returns at most 5,000 rows: without paging, a key account's further deals were silently left out);
        /// only a deal whose history gains someone is written. Closed deals (won or lost) are left out on purpose: a key
        /// account may have thousands, and writing each inside the customer's synchronous operation (two minutes at most,
        /// each write running the deal's Update steps) made its reassignment slow or fail. A closed deal's reviews are
        /// decided already (a lost deal's pending ones are withdrawn), and a lost deal's owner was recorded when it was lost
        /// (<see cref="OnDealLost"/>). Not recorded: who held a lost deal only through such a cascade while it stayed lost
        /// (the account reassigned twice before the reopen), named in docs/guards.md, the Owner History row.
        /// </summary>
        private static void OnCustomerOwnerChanging(LocalPluginContext context)
        {
            EntityReference gets = NewOwner(context, CommonColumn.OwnerId);
            EntityReference had = context.PreImage(PreImage)?.Read<EntityReference>(CommonColumn.OwnerId);
            if (gets == null || (had != null && had.Id == gets.Id)) return;
            var query = new QueryExpression(Opportunity.Table)
            {
                ColumnSet = new ColumnSet(Opportunity.OwnerId, Opportunity.OwnerHistory),
                PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 },
            };
            // The customer's deals, and for an account its contacts' deals too (the cascade reaches them through the contacts).
            CustomerDeals.Restrict(query, null, new EntityReference(context.ExecutionContext.PrimaryEntityName, context.ExecutionContext.PrimaryEntityId));
            query.Criteria.AddCondition(Opportunity.StateCode, ConditionOperator.Equal, Opportunity.StateOpen);
            query.Criteria.AddCondition(Opportunity.OwnerId, ConditionOperator.NotEqual, gets.Id); // its owner does not change
            query.AddOrder(Opportunity.Id, OrderType.Ascending); // paging cookies need a stable order
            int recorded = 0;
            while (true)
            {
                EntityCollection page = context.SystemService.RetrieveMultiple(query);
                foreach (Entity deal in page.Entities)
                    if (Record(context, deal.Id, deal.Read<string>(Opportunity.OwnerHistory), deal.Read<EntityReference>(Opportunity.OwnerId)))
                        recorded++;
                if (!page.MoreRecords) break;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
            context.Trace("Customer changing owner: the owners of {0} of its open deal(s) recorded.", recorded);
        }

        /// <summary>Who the row is given to: the Assign's Assignee, or the owner an Update sends (anything but a reference —
        /// an empty owner, a bare id — is the platform's to refuse: nothing is recorded for it).</summary>
        private static EntityReference NewOwner(LocalPluginContext context, string ownerColumn)
        {
            if (context.ExecutionContext.MessageName == "Assign") return context.InputParameter<EntityReference>("Assignee");
            Entity target = context.TargetEntity;
            return target != null && target.Attributes.TryGetValue(ownerColumn, out object sent) ? sent as EntityReference : null;
        }

        /// <summary>The owners added to the history: users by their id, teams marked as teams (a team's members are asked at
        /// the decision: <see cref="FormerDealOwners"/>); anything else owns no deal.</summary>
        private static bool Record(LocalPluginContext context, Guid dealId, string history, params EntityReference[] owners)
        {
            string recorded = With(history, owners);
            if (recorded == null || dealId == Guid.Empty) return false;
            context.SystemService.Update(new Entity(Opportunity.Table, dealId) { [Opportunity.OwnerHistory] = recorded });
            return true;
        }

        /// <summary>The history with the owners added (<see cref="DealOwnerHistory.With(string, IEnumerable{Guid?}, IEnumerable{Guid?})"/>); null when none is new.</summary>
        private static string With(string history, params EntityReference[] owners) =>
            DealOwnerHistory.With(history,
                owners.Where(o => o?.LogicalName == SystemUser.Table).Select(o => (Guid?)o.Id),
                owners.Where(o => o?.LogicalName == Team.Table).Select(o => (Guid?)o.Id));
    }
}
