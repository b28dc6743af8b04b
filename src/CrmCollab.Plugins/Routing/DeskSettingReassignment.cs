using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// The Unrouted Handoffs Queue setting given another desk — its value set, changed or deleted (back to the default), or
    /// its default changed while no value is set (asynchronous, post-operation, steps of <see cref="HandoffReassignment"/>):
    /// the open handoffs and pending reviews waiting at the desk it named before are routed again by their deal's account
    /// and function (<see cref="DeskChange"/>), as work nobody was routed to would be now; nobody found, a handoff is held by
    /// the deal's owner and a review by CrmCollab, as when they were made. A desk that appears — the queue or team the setting
    /// names made, or renamed to its name, or its queue given to another owner — takes the work waiting unrouted the same way.
    /// More records than one run may take are routed in shares, each a background run of its own (<see cref="DeskShare"/>).
    /// </summary>
    public static class DeskSettingReassignment
    {
        public const string PreImage = "SettingBefore", PostImage = "SettingAfter";

        /// <summary>A value's images: the definition it belongs to and the value.</summary>
        public static readonly string[] ValueImage = { EnvironmentVariable.DefinitionId, EnvironmentVariable.Value };

        /// <summary>A definition's pre-image: its schema name and default.</summary>
        public static readonly string[] DefinitionImage = { EnvironmentVariable.SchemaName, EnvironmentVariable.DefaultValue };

        private const string DealAlias = "deal";
        private const int IdsPerQuery = 500;

        /// <summary>A value created, changed or deleted: the setting named the value before, else (none, or blank) the default.</summary>
        public static void OnValueChanged(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage), after = context.PostImage(PostImage);
            Guid? definitionId = (after ?? before)?.RefId(EnvironmentVariable.DefinitionId);
            Entity definition = definitionId == null ? null : Definition(context.SystemService, definitionId.Value);
            if (definition == null || !IsTheDeskSetting(definition.Read<string>(EnvironmentVariable.SchemaName))) return;
            string valueBefore = before?.RefId(EnvironmentVariable.DefinitionId) == definitionId ? before?.Read<string>(EnvironmentVariable.Value) : null;
            Move(context, !string.IsNullOrWhiteSpace(valueBefore) ? valueBefore : definition.Read<string>(EnvironmentVariable.DefaultValue), settingChanged: true);
        }

        /// <summary>The default changed: it was the setting only when no value was set (a value set decides, before and after alike).</summary>
        public static void OnDefaultChanged(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage);
            if (before == null || !IsTheDeskSetting(before.Read<string>(EnvironmentVariable.SchemaName))) return;
            var values = new QueryExpression(EnvironmentVariable.ValueTable) { ColumnSet = new ColumnSet(EnvironmentVariable.Value) };
            values.Criteria.AddCondition(EnvironmentVariable.DefinitionId, ConditionOperator.Equal, context.ExecutionContext.PrimaryEntityId);
            if (context.SystemService.RetrieveMultiple(values).Entities.Any(v => !string.IsNullOrWhiteSpace(v.Read<string>(EnvironmentVariable.Value)))) return;
            Move(context, before.Read<string>(EnvironmentVariable.DefaultValue), settingChanged: true);
        }

        /// <summary>
        /// A queue or team made, or renamed, so that the setting finds it — an organisation setting its desk up after work waited
        /// unrouted — or the desk's queue given to another owner (the desk's keeper on leave, work waited unrouted elsewhere):
        /// the work waiting unrouted goes to the desk as new work would. What waited in the queue itself went to its new owner
        /// with the change (<see cref="QueueKeeperHandOver"/>). A desk the setting found by its name cannot be renamed away
        /// from it (<see cref="Settings.SettingsValidation"/>).
        /// </summary>
        public static void OnDeskSaved(LocalPluginContext context)
        {
            Principal desk = new RoutingRepository(context.SystemService).UnroutedFallback();
            if (desk == null || desk.Id != context.ExecutionContext.PrimaryEntityId) return;
            Move(context, null, settingChanged: false);
        }

        private static bool IsTheDeskSetting(string schemaName) =>
            string.Equals(schemaName, EnvironmentVariable.UnroutedQueue, StringComparison.OrdinalIgnoreCase);

        /// <summary>The definition (one query; none when it was deleted since, with its values).</summary>
        private static Entity Definition(IOrganizationService service, Guid id)
        {
            var query = new QueryExpression(EnvironmentVariable.DefinitionTable) { ColumnSet = new ColumnSet(DefinitionImage) };
            query.Criteria.AddCondition(EnvironmentVariable.DefinitionId, ConditionOperator.Equal, id);
            return service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        private static void Move(LocalPluginContext context, string settingBefore, bool settingChanged)
        {
            var repository = new RoutingRepository(context.SystemService);
            Principal before = repository.QueueOrTeam(settingBefore), after = repository.UnroutedFallback();
            if (!DeskChange.Moves(before, after)) return;
            List<Entity> waiting = WaitingOrUnrouted(context, before);
            string reason = DeskChange.Reason(context.Now, settingChanged);
            if (waiting.Count > DeskChange.MaxRecordsPerRun)
            {
                int shares = WorkShare.SharesFor(waiting.Count, DeskChange.MaxRecordsPerRun);
                Guid? carrier = CarrierAccount(context.SystemService, waiting);
                // Each share written on the account starts a background run of its own (OnShare), one level below this one.
                if (carrier != null && ShareDispatch.Start(context, shares, index => new Entity(Account.Table, carrier.Value)
                    {
                        [Account.ReroutingBatch] = new DeskShare { Share = new WorkShare { Index = index, Count = shares }, FormerDesk = before?.Id, SettingChanged = settingChanged }.Write(),
                    }))
                {
                    context.Trace("Unrouted desk changed: {0} record(s) waiting at the former desk or unrouted, routed again in {1} background run(s).", waiting.Count, shares);
                    return;
                }
                context.Trace("Unrouted desk changed: {0} of {1} record(s) routed again in this run (no account could carry the shares).", DeskChange.MaxRecordsPerRun, waiting.Count);
                waiting = waiting.Take(DeskChange.MaxRecordsPerRun).ToList();
            }
            int moved = Route(context, repository, waiting, after, reason);
            context.Trace("Unrouted desk changed: {0} of {1} record(s) waiting at the former desk or unrouted routed again.", moved, waiting.Count);
        }

        /// <summary>One share of a desk change's records (<see cref="DeskShare"/>), written on an account by the change's own run.</summary>
        public static void OnShare(LocalPluginContext context, DeskShare share)
        {
            var repository = new RoutingRepository(context.SystemService);
            Principal before = share.FormerDesk == null ? null : repository.QueueOrTeam(share.FormerDesk.Value.ToString("D"));
            List<Entity> mine = WaitingOrUnrouted(context, before).Where(record => share.Takes(record.Id)).ToList();
            int moved = Route(context, repository, mine, repository.UnroutedFallback(), DeskChange.Reason(context.Now, share.SettingChanged));
            context.Trace("Unrouted desk changed, {0}: {1} of {2} record(s) routed again.", share.Share, moved, mine.Count);
        }

        /// <summary>The open work waiting at the former desk, and all open work waiting unrouted, each record once.</summary>
        private static List<Entity> WaitingOrUnrouted(LocalPluginContext context, Principal formerDesk)
        {
            IOrganizationService service = context.SystemService;
            Guid? system = ServerCall.SystemUserId(context);
            return Waiting(service, formerDesk, FeasibilityReviewRow.Table).Concat(Waiting(service, formerDesk, HandoffTask.Table))
                .Concat(Unrouted(service, FeasibilityReviewRow.Table, system)).Concat(Unrouted(service, HandoffTask.Table, system))
                .GroupBy(row => row.Id).Select(same => same.First()).ToList();
        }

        /// <summary>The account whose save carries the shares: the first record's deal's account, else any account (one query); null when there is none.</summary>
        private static Guid? CarrierAccount(IOrganizationService service, List<Entity> waiting)
        {
            foreach (Entity record in waiting)
            {
                Guid? account = HandoffCreation.AccountOf(record.Aliased<EntityReference>(DealAlias + "." + Opportunity.CustomerId),
                    record.Aliased<EntityReference>(DealAlias + "." + Opportunity.ParentAccountId));
                if (account != null) return account;
            }
            var query = new QueryExpression(Account.Table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            return service.RetrieveMultiple(query).Entities.FirstOrDefault()?.Id;
        }

        /// <summary>
        /// Pending reviews routed again by their deal's account and function, as <see cref="Move"/> routes what waited at a desk
        /// (a review of a deal the queue's new keeper owns or has owned: <see cref="QueueKeeperHandOver"/>).
        /// </summary>
        public static int RouteAgain(LocalPluginContext context, IReadOnlyList<Guid> reviews, string reason)
        {
            var repository = new RoutingRepository(context.SystemService);
            var rows = new List<Entity>();
            for (int from = 0; from < reviews.Count; from += IdsPerQuery)
                rows.AddRange(Read(context.SystemService, FeasibilityReviewRow.Table, q => q.Criteria.AddCondition(FeasibilityReviewRow.Id, ConditionOperator.In,
                    reviews.Skip(from).Take(IdsPerQuery).Cast<object>().ToArray())));
            return Route(context, repository, rows, repository.UnroutedFallback(), reason);
        }

        /// <summary>Each record routed again (<see cref="RoutingApplication.Reroute"/>); returns how many changed.</summary>
        private static int Route(LocalPluginContext context, RoutingRepository repository, IEnumerable<Entity> waiting, Principal after, string reason)
        {
            IOrganizationService service = context.SystemService;
            Guid? system = ServerCall.SystemUserId(context);
            var application = new RoutingApplication(service);
            var resolvers = new Dictionary<Guid, OwnerResolver>();
            int moved = 0;
            foreach (Entity record in waiting)
            {
                bool isReview = record.LogicalName == FeasibilityReviewRow.Table;
                var function = (BusinessFunction)(record.Choice(isReview ? FeasibilityReviewRow.Function : HandoffTask.Function) ?? 0);
                EntityReference dealOwner = record.Aliased<EntityReference>(DealAlias + "." + Opportunity.OwnerId);
                DealOwnership owners = isReview ? FormerDealOwners.ForRouting(dealOwner, record.Aliased<string>(DealAlias + "." + Opportunity.OwnerHistory),
                    record.RefId(FeasibilityReviewRow.DealOwnerAtRequest)) : null;
                Guid? account = HandoffCreation.AccountOf(record.Aliased<EntityReference>(DealAlias + "." + Opportunity.CustomerId),
                    record.Aliased<EntityReference>(DealAlias + "." + Opportunity.ParentAccountId));
                OwnerResolution routing = account == null ? UnroutedHolding.NoAccount(function, after, owners)
                    : Resolver(repository, resolvers, account.Value).Resolve(function, context.Now, owners);
                // Nobody, not even a desk: held as new work nobody is routed to is — a review by CrmCollab, a handoff by the deal's owner.
                routing = isReview
                    ? UnroutedHolding.Hold(routing, () => system == null ? null : new Principal(PrincipalKind.User, system.Value, "CrmCollab"), "CrmCollab")
                    : UnroutedHolding.Hold(routing, () => DealOwner(service, dealOwner), "the deal's owner", UnroutedHolding.LeftWithDisabledOwner);
                if (application.Reroute(record, record.Read<EntityReference>(CommonColumn.OwnerId), routing,
                        isReview ? FeasibilityReviewRow.RoutingPath : HandoffTask.RoutingPath, isReview ? null : HandoffTask.IsUnrouted, reason,
                        record.Read<string>(isReview ? FeasibilityReviewRow.Name : HandoffTask.Subject)))
                    moved++;
            }
            return moved;
        }

        private static OwnerResolver Resolver(RoutingRepository repository, Dictionary<Guid, OwnerResolver> resolvers, Guid account)
        {
            if (!resolvers.TryGetValue(account, out OwnerResolver resolver)) resolvers[account] = resolver = repository.ResolverFor(account);
            return resolver;
        }

        /// <summary>The deal's owner as a holder, with whether that user is disabled (one query for a user).</summary>
        private static Principal DealOwner(IOrganizationService service, EntityReference owner)
        {
            if (owner == null) return null;
            if (owner.LogicalName == Team.Table) return new Principal(PrincipalKind.Team, owner.Id, owner.Name);
            Entity user = service.Retrieve(SystemUser.Table, owner.Id, new ColumnSet(SystemUser.FullName, SystemUser.IsDisabled));
            return new Principal(PrincipalKind.User, owner.Id, user.Read<string>(SystemUser.FullName), isDisabled: user.Read<bool?>(SystemUser.IsDisabled) == true);
        }

        /// <summary>
        /// The table's open work nobody was routed to, wherever it waits (<see cref="DeskChange.IsUnrouted"/>): handoffs flagged
        /// unrouted; pending reviews held by CrmCollab, or left with a reviewer who left. One query each.
        /// </summary>
        private static IEnumerable<Entity> Unrouted(IOrganizationService service, string table, Guid? system)
        {
            bool isReview = table == FeasibilityReviewRow.Table;
            IEnumerable<Entity> rows = isReview
                ? Read(service, table, q =>
                {
                    var held = new FilterExpression(LogicalOperator.Or);
                    if (system != null) held.AddCondition(CommonColumn.OwnerId, ConditionOperator.Equal, system.Value);
                    held.AddCondition(FeasibilityReviewRow.RoutingHold, ConditionOperator.Equal, (int)RoutingHold.LeftWithDisabledOwner);
                    q.Criteria.AddFilter(held);
                    q.Criteria.AddCondition(FeasibilityReviewRow.Decision, ConditionOperator.Equal, (int)ReviewDecision.Pending);
                })
                : Read(service, table, q => q.Criteria.AddCondition(HandoffTask.IsUnrouted, ConditionOperator.Equal, true));
            return rows.Where(row => DeskChange.IsUnrouted(row.RefId(CommonColumn.OwnerId), IsOpen(row, isReview), isReview, row.Read<bool?>(HandoffTask.IsUnrouted) == true,
                (RoutingHold?)row.Choice(HandoffTask.RoutingHold), system));
        }

        /// <summary>The table's open records waiting at the desk (<see cref="DeskChange.WaitsAt"/>), each with its deal's routing columns.</summary>
        private static IEnumerable<Entity> Waiting(IOrganizationService service, Principal desk, string table)
        {
            if (desk == null) return Enumerable.Empty<Entity>();
            bool isReview = table == FeasibilityReviewRow.Table;
            var candidates = new List<Entity>();
            HashSet<Guid> inQueue = null;
            if (desk.Kind == PrincipalKind.Queue)
            {
                inQueue = new HashSet<Guid>(new RoutingApplication(service).WaitingIn(desk.Id).Where(o => o.LogicalName == table).Select(o => o.Id));
                foreach (var chunk in inQueue.Select((id, i) => new { id, i }).GroupBy(x => x.i / IdsPerQuery, x => (object)x.id))
                    candidates.AddRange(Read(service, table, q => q.Criteria.AddCondition(isReview ? FeasibilityReviewRow.Id : HandoffTask.Id, ConditionOperator.In, chunk.ToArray())));
            }
            else candidates.AddRange(Read(service, table, q => q.Criteria.AddCondition(CommonColumn.OwnerId, ConditionOperator.Equal, desk.Id)));
            return candidates.Where(row => DeskChange.WaitsAt(desk, row.RefId(CommonColumn.OwnerId), IsOpen(row, isReview), inQueue?.Contains(row.Id) ?? false,
                isReview, row.Read<bool?>(HandoffTask.IsUnrouted) == true));
        }

        private static bool IsOpen(Entity row, bool isReview) => isReview
            ? (row.Choice(FeasibilityReviewRow.Decision) ?? (int)ReviewDecision.Pending) == (int)ReviewDecision.Pending
              && (row.Choice(CommonColumn.StateCode) ?? InForce.StateActive) == InForce.StateActive
              && (row.Aliased<OptionSetValue>(DealAlias + "." + Opportunity.StateCode)?.Value ?? Opportunity.StateOpen) == Opportunity.StateOpen
            : (row.Choice(HandoffTask.StateCode) ?? HandoffTask.StateOpen) == HandoffTask.StateOpen && row.Read<string>(HandoffTask.HandoffKey) != null;

        /// <summary>The table's rows the condition selects (every page), with what routing them reads, and their deal's account, owners and state.</summary>
        private static IEnumerable<Entity> Read(IOrganizationService service, string table, Action<QueryExpression> select)
        {
            bool isReview = table == FeasibilityReviewRow.Table;
            var query = new QueryExpression(table)
            {
                ColumnSet = isReview
                    ? new ColumnSet(FeasibilityReviewRow.OwnerId, FeasibilityReviewRow.Name, FeasibilityReviewRow.Function, FeasibilityReviewRow.Decision,
                        CommonColumn.StateCode, FeasibilityReviewRow.DealOwnerAtRequest, FeasibilityReviewRow.RoutingPath, FeasibilityReviewRow.RoutingHold)
                    : new ColumnSet(HandoffTask.OwnerId, HandoffTask.Subject, HandoffTask.Function, HandoffTask.StateCode, HandoffTask.HandoffKey,
                        HandoffTask.IsUnrouted, HandoffTask.RoutingPath, HandoffTask.RoutingHold),
            };
            select(query);
            LinkEntity deal = query.AddLink(Opportunity.Table, isReview ? FeasibilityReviewRow.OpportunityId : HandoffTask.OpportunityId, Opportunity.Id);
            deal.EntityAlias = DealAlias;
            deal.Columns = new ColumnSet(Opportunity.CustomerId, Opportunity.ParentAccountId, Opportunity.OwnerId, Opportunity.OwnerHistory, Opportunity.StateCode);
            query.AddOrder(isReview ? FeasibilityReviewRow.Id : HandoffTask.Id, OrderType.Ascending); // pages neither skip nor repeat a row
            return Pages.All(service, query).ToList(); // every page: a large backlog waits unrouted past the first 5,000
        }
    }
}
