using System;
using System.Collections.Generic;
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
    /// reviews, while a dedicated owner change moved them.
    /// </summary>
    public static class RoutingRuleReassignment
    {
        public const string PreImage = "RuleBefore", PostImage = "RuleAfter";

        /// <summary>What changes who a rule routes work to: its function, segment, target, rank and activity.</summary>
        public static readonly string[] Watched =
        {
            RoutingRuleRow.Function, RoutingRuleRow.IndustryCode, RoutingRuleRow.TerritoryId, RoutingRuleRow.CustomerSizeCode,
            RoutingRuleRow.UserId, RoutingRuleRow.TeamId, RoutingRuleRow.QueueId, RoutingRuleRow.Priority, RoutingRuleRow.IsActive,
            CommonColumn.StateCode,
        };

        public static void OnChange(LocalPluginContext context)
        {
            IReadOnlyList<BusinessFunction> functions = RoutingRuleChange.FunctionsConcerned(
                context.PreImage(PreImage)?.Choice(RoutingRuleRow.Function), context.PostImage(PostImage)?.Choice(RoutingRuleRow.Function));
            string reason = RoutingRuleChange.Reason(context.Now);
            foreach (BusinessFunction function in functions)
            {
                List<Guid> accounts = AccountsWithOpenWork(context.SystemService, function, RoutingRuleChange.MaxAccountsPerRun);
                int moved = 0;
                foreach (Guid account in accounts) moved += HandoffReassignment.Reroute(context, account, function, reason);
                context.Trace("Routing rule change: {0} {1} handoff(s) and review(s) re-routed on {2} account(s).", moved, function.Label(), accounts.Count);
            }
        }

        /// <summary>
        /// The accounts whose deals hold open handoffs, then pending reviews, of the function, oldest work first, at most
        /// <paramref name="limit"/> (each deal's account as the win and the review request route it).
        /// </summary>
        private static List<Guid> AccountsWithOpenWork(IOrganizationService service, BusinessFunction function, int limit)
        {
            var accounts = new List<Guid>();
            var seen = new HashSet<Guid>();
            var tasks = new QueryExpression(HandoffTask.Table) { ColumnSet = new ColumnSet(false) };
            tasks.Criteria.AddCondition(HandoffTask.Function, ConditionOperator.Equal, (int)function);
            tasks.Criteria.AddCondition(HandoffTask.StateCode, ConditionOperator.Equal, HandoffTask.StateOpen);
            tasks.Criteria.AddCondition(HandoffTask.HandoffKey, ConditionOperator.NotNull);
            Collect(service, tasks, HandoffTask.OpportunityId, HandoffTask.Id, accounts, seen, limit);
            var reviews = new QueryExpression(FeasibilityReviewRow.Table) { ColumnSet = new ColumnSet(false) };
            reviews.Criteria.AddCondition(FeasibilityReviewRow.Function, ConditionOperator.Equal, (int)function);
            reviews.Criteria.AddCondition(FeasibilityReviewRow.Decision, ConditionOperator.Equal, (int)Domain.Feasibility.ReviewDecision.Pending);
            reviews.Criteria.AddCondition(CommonColumn.StateCode, ConditionOperator.Equal, 0);
            Collect(service, reviews, FeasibilityReviewRow.OpportunityId, FeasibilityReviewRow.Id, accounts, seen, limit);
            return accounts;
        }

        private const string DealAlias = "deal";

        /// <param name="idColumn">The rows' own id: a second order, so pages of rows created at the same instant neither skip nor repeat one
        /// (Microsoft: paging needs an order on unique values).</param>
        private static void Collect(IOrganizationService service, QueryExpression query, string dealLookup, string idColumn, List<Guid> accounts,
            HashSet<Guid> seen, int limit)
        {
            LinkEntity deal = query.AddLink(Opportunity.Table, dealLookup, Opportunity.Id);
            deal.EntityAlias = DealAlias;
            deal.Columns = new ColumnSet(Opportunity.CustomerId, Opportunity.ParentAccountId);
            query.AddOrder(CommonColumn.CreatedOn, OrderType.Ascending);
            query.AddOrder(idColumn, OrderType.Ascending);
            query.PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 };
            while (accounts.Count < limit)
            {
                EntityCollection page = service.RetrieveMultiple(query);
                foreach (Entity row in page.Entities)
                {
                    Guid? account = HandoffCreation.AccountOf(row.Aliased<EntityReference>(DealAlias + "." + Opportunity.CustomerId),
                        row.Aliased<EntityReference>(DealAlias + "." + Opportunity.ParentAccountId));
                    if (account.HasValue && seen.Add(account.Value)) accounts.Add(account.Value);
                    if (accounts.Count >= limit) return;
                }
                if (!page.MoreRecords) return;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }
    }
}
