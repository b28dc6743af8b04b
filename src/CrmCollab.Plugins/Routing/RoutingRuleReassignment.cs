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
    /// A routing rule made, changed, retired or deleted (asynchronous, post-operation, steps of <see cref="HandoffReassignment"/>):
    /// the open handoffs and pending reviews of its function follow the routing as it now is, account by account
    /// (<see cref="RoutingRuleChange"/>). Before, a desk replaced in its rule kept the work it held and kept deciding the
    /// reviews, while a dedicated owner change moved them. A change that concerns more accounts than one run may take is
    /// split into shares, each re-routed by a background run of its own (<see cref="ReroutingBatch"/>).
    /// </summary>
    public static class RoutingRuleReassignment
    {
        public const string PreImage = "RuleBefore", PostImage = "RuleAfter";

        /// <summary>What changes who a rule routes work to: its function, segment, target, rank and activity (the Update's pre-image).</summary>
        public static readonly string[] Watched =
        {
            RoutingRuleRow.Function, RoutingRuleRow.IndustryCode, RoutingRuleRow.TerritoryId, RoutingRuleRow.CustomerSizeCode,
            RoutingRuleRow.UserId, RoutingRuleRow.TeamId, RoutingRuleRow.QueueId, RoutingRuleRow.Priority, RoutingRuleRow.IsActive,
            CommonColumn.StateCode,
        };

        /// <summary>What the rule's images carry: its function and the segment it decides for (<see cref="RoutingRuleChange.Concerns"/>).</summary>
        public static readonly string[] ImageColumns =
            { RoutingRuleRow.Function, RoutingRuleRow.IndustryCode, RoutingRuleRow.TerritoryId, RoutingRuleRow.CustomerSizeCode };

        public static void OnChange(LocalPluginContext context)
        {
            string share = context.ExecutionContext.MessageName == "Update" ? context.TargetEntity?.Read<string>(RoutingRuleRow.ReroutingBatch) : null;
            if (share != null)
            {
                OnShare(context, share);
                return;
            }
            Entity beforeRow = context.PreImage(PreImage), afterRow = context.PostImage(PostImage);
            // A save that changes nothing routing reads (a re-import of the sheet, an integration writing the row back whole)
            // moves nothing: a re-routing would take back the work passed on by hand. The Update's pre-image carries every watched column.
            if (context.ExecutionContext.MessageName == "Update" && beforeRow != null
                && Changes.Of(KeyedReferences.Resolved(context, context.TargetEntity), beforeRow, Watched).Count == 0)
            {
                context.Trace("Routing rule saved with nothing routing reads changed: nothing re-routed.");
                return;
            }
            IReadOnlyList<BusinessFunction> functions = RoutingRuleChange.FunctionsConcerned(
                beforeRow?.Choice(RoutingRuleRow.Function), afterRow?.Choice(RoutingRuleRow.Function));
            RoutingRule before = beforeRow == null ? null : RoutingRepository.SegmentOf(beforeRow);
            RoutingRule after = afterRow == null ? null : RoutingRepository.SegmentOf(afterRow);
            bool deleted = context.ExecutionContext.MessageName == "Delete";
            foreach (BusinessFunction function in functions)
                Follow(context, function, before, after, CarrierOf(context, deleted), RoutingRuleChange.Reason(context.Now));
        }

        /// <summary>
        /// A queue given to another owner: each rule in force that routes to it routes its function's work there again, to the
        /// new keeper. Work routed past the queue while its keeper was away (a disabled user holds nothing) went to the next
        /// rule, the unrouted desk or the deal's owner; the keeper's own return brings back only what waited unrouted, and a new
        /// keeper, before, nothing.
        /// What waited in the queue went to the new keeper with the change (<see cref="QueueKeeperHandOver"/>).
        /// </summary>
        public static void OnQueueGivenOn(LocalPluginContext context, Guid queueId)
        {
            foreach (RoutingRule rule in new RoutingRepository(context.SystemService).RulesRoutingTo(queueId))
            {
                Guid ruleId = rule.Id;
                Follow(context, rule.Function, null, rule, accounts => text => new Entity(RoutingRuleRow.Table, ruleId) { [RoutingRuleRow.ReroutingBatch] = text },
                    RoutingRuleChange.KeeperReason(context.Now));
            }
        }

        /// <summary>
        /// The function's open work on the accounts the change concerns follows the routing: in this run, or in shares each
        /// written on the carrier <paramref name="carrierOf"/> names for the accounts (its save starts a background run,
        /// <see cref="OnShare"/>).
        /// </summary>
        private static void Follow(LocalPluginContext context, BusinessFunction function, RoutingRule before, RoutingRule after,
            Func<List<Guid>, Func<string, Entity>> carrierOf, string reason)
        {
            List<Guid> accounts = AccountsWithOpenWork(context.SystemService, function, Concerns(before, after), null).ToList();
            int shares = ReroutingBatch.SharesFor(accounts.Count);
            // Each share written on its carrier starts a background run of its own (OnShare), one level below this one.
            Func<string, Entity> carrier = shares > 1 ? carrierOf(accounts) : null;
            if (carrier != null && ShareDispatch.Start(context, shares, index => carrier(
                    new ReroutingBatch { Share = new WorkShare { Index = index, Count = shares }, Function = function, Before = before, After = after }.Write())))
            {
                context.Trace("Routing rule change: {0} account(s) with open {1} work, re-routed in {2} background run(s).", accounts.Count, function.Label(), shares);
                return;
            }
            // One run takes them all; or, when the carrier's save was refused, the oldest work's accounts (RoutingRuleChange).
            Reroute(context, accounts.Take(RoutingRuleChange.MaxAccountsPerRun).ToList(), function, accounts.Count, reason);
        }

        private static Func<List<Guid>, Func<string, Entity>> CarrierOf(LocalPluginContext context, bool deleted) => accounts => CarrierOf(context, deleted, accounts);

        /// <summary>
        /// The row whose saves start a change's shares, given a share's text (a share carries all it needs): the rule itself;
        /// for a deleted rule, another rule (any), else — the last rule deleted — the first account concerned, whose
        /// Re-routing Batch step hands a rule's share here (<see cref="AccountReroute.OnAccountShare"/>).
        /// </summary>
        private static Func<string, Entity> CarrierOf(LocalPluginContext context, bool deleted, List<Guid> accounts)
        {
            Guid? rule = deleted ? AnotherRule(context.SystemService) : context.ExecutionContext.PrimaryEntityId;
            if (rule != null) return text => new Entity(RoutingRuleRow.Table, rule.Value) { [RoutingRuleRow.ReroutingBatch] = text };
            Guid account = accounts[0];
            return text => new Entity(Account.Table, account) { [Account.ReroutingBatch] = text };
        }

        /// <summary>A routing rule still there to carry a deleted rule's shares (one row at most), or null.</summary>
        private static Guid? AnotherRule(IOrganizationService service)
        {
            var query = new QueryExpression(RoutingRuleRow.Table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            return service.RetrieveMultiple(query).Entities.FirstOrDefault()?.Id;
        }

        /// <summary>One share of a change's accounts (<see cref="ReroutingBatch"/>), written on a rule, or an account, by the change's own run.</summary>
        internal static void OnShare(LocalPluginContext context, string text)
        {
            ReroutingBatch share = ReroutingBatch.Read(text);
            if (share == null)
            {
                context.Trace("Routing rule change: '{0}' is not a share this version wrote; nothing re-routed.", text);
                return;
            }
            List<Guid> accounts = AccountsWithOpenWork(context.SystemService, share.Function, Concerns(share.Before, share.After), share.Takes).ToList();
            Reroute(context, accounts, share.Function, accounts.Count, RoutingRuleChange.Reason(context.Now));
        }

        private static void Reroute(LocalPluginContext context, List<Guid> accounts, BusinessFunction function, int concerned, string reason)
        {
            int moved = 0;
            foreach (Guid account in accounts) moved += HandoffReassignment.Reroute(context, account, function, reason);
            context.Trace("Routing rule change: {0} {1} handoff(s) and review(s) re-routed on {2} of {3} account(s).", moved, function.Label(), accounts.Count, concerned);
        }

        /// <summary>Null when the change concerns every account (no profile read).</summary>
        private static Func<AccountProfile, bool> Concerns(RoutingRule before, RoutingRule after) =>
            RoutingRuleChange.ConcernsEveryAccount(before, after) ? null : (Func<AccountProfile, bool>)(account => RoutingRuleChange.Concerns(before, after, account));

        /// <summary>
        /// The accounts whose deals hold open handoffs, then pending reviews, of the function, oldest work first, that the
        /// change concerns (null: every one) and, for a share, that fall in it (each deal's account as the win and the
        /// review request route it), read as the caller asks. Accounts of other segments are passed over, however old their
        /// work: before, the oldest 250 accounts of the organisation were taken whatever their segment, so a sector's rule
        /// change past them re-routed nothing of that sector.
        /// </summary>
        private static IEnumerable<Guid> AccountsWithOpenWork(IOrganizationService service, BusinessFunction function,
            Func<AccountProfile, bool> concerns, Func<Guid, bool> inShare)
        {
            var seen = new HashSet<Guid>();
            var tasks = new QueryExpression(HandoffTask.Table) { ColumnSet = new ColumnSet(false) };
            tasks.Criteria.AddCondition(HandoffTask.Function, ConditionOperator.Equal, (int)function);
            tasks.Criteria.AddCondition(HandoffTask.StateCode, ConditionOperator.Equal, HandoffTask.StateOpen);
            tasks.Criteria.AddCondition(HandoffTask.HandoffKey, ConditionOperator.NotNull);
            var reviews = new QueryExpression(FeasibilityReviewRow.Table) { ColumnSet = new ColumnSet(false) };
            reviews.Criteria.AddCondition(FeasibilityReviewRow.Function, ConditionOperator.Equal, (int)function);
            reviews.Criteria.AddCondition(FeasibilityReviewRow.Decision, ConditionOperator.Equal, (int)Domain.Feasibility.ReviewDecision.Pending);
            reviews.Criteria.AddCondition(CommonColumn.StateCode, ConditionOperator.Equal, 0);
            IEnumerable<Guid> withWork = Accounts(service, tasks, HandoffTask.OpportunityId, HandoffTask.Id)
                .Concat(Accounts(service, reviews, FeasibilityReviewRow.OpportunityId, FeasibilityReviewRow.Id))
                .Where(seen.Add);
            if (inShare != null) withWork = withWork.Where(inShare);
            return concerns == null ? withWork : Concerned(service, withWork, concerns);
        }

        /// <summary>Accounts read per query when judging whether the change concerns them.</summary>
        private const int ProfileBatch = 200;

        /// <summary>The accounts, in their order, whose routing profile the change concerns (read a batch at a time, as the caller asks).</summary>
        private static IEnumerable<Guid> Concerned(IOrganizationService service, IEnumerable<Guid> accounts, Func<AccountProfile, bool> concerns)
        {
            var batch = new List<Guid>(ProfileBatch);
            foreach (Guid account in accounts)
            {
                batch.Add(account);
                if (batch.Count < ProfileBatch) continue;
                foreach (Guid kept in Keep(service, batch, concerns)) yield return kept;
                batch.Clear();
            }
            foreach (Guid kept in Keep(service, batch, concerns)) yield return kept;
        }

        private static List<Guid> Keep(IOrganizationService service, List<Guid> batch, Func<AccountProfile, bool> concerns)
        {
            if (batch.Count == 0) return new List<Guid>();
            var query = new QueryExpression(Account.Table) { ColumnSet = new ColumnSet(RoutingRepository.ProfileColumns) };
            query.Criteria.AddCondition(Account.Id, ConditionOperator.In, batch.Cast<object>().ToArray());
            var concerned = new HashSet<Guid>(service.RetrieveMultiple(query).Entities.Select(RoutingRepository.ToProfile).Where(concerns).Select(a => a.Id));
            return batch.Where(concerned.Contains).ToList();
        }

        private const string DealAlias = "deal";

        /// <summary>The deals' accounts of the rows the query finds, oldest row first, page by page as the caller asks (repeats included).</summary>
        /// <param name="idColumn">The rows' own id: a second order, so pages of rows created at the same instant neither skip nor repeat one
        /// (Microsoft: paging needs an order on unique values).</param>
        private static IEnumerable<Guid> Accounts(IOrganizationService service, QueryExpression query, string dealLookup, string idColumn)
        {
            LinkEntity deal = query.AddLink(Opportunity.Table, dealLookup, Opportunity.Id);
            deal.EntityAlias = DealAlias;
            deal.Columns = new ColumnSet(Opportunity.CustomerId, Opportunity.ParentAccountId);
            query.AddOrder(CommonColumn.CreatedOn, OrderType.Ascending);
            query.AddOrder(idColumn, OrderType.Ascending);
            foreach (Entity row in Pages.All(service, query))
            {
                Guid? account = HandoffCreation.AccountOf(row.Aliased<EntityReference>(DealAlias + "." + Opportunity.CustomerId),
                    row.Aliased<EntityReference>(DealAlias + "." + Opportunity.ParentAccountId));
                if (account.HasValue) yield return account.Value;
            }
        }
    }
}
