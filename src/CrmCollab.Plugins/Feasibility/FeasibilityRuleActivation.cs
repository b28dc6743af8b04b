using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// A feasibility rule created, changed or (re)activated after deals were evaluated asks for its reviews on the open
    /// deals already at or past its trigger stage (asynchronous: it may touch many deals). Until a review is approved the
    /// gate refuses those deals anyway, because it computes the required functions at each attempt. A rule narrowed or
    /// deactivated re-evaluates the same deals, so the pending reviews no rule asks for any more are withdrawn at once
    /// rather than at each deal's next move; so does a rule deleted (from its pre-image, the row being gone). An account's
    /// new industry, territory or size re-evaluates its own open deals the same way, and re-routes their open work. A
    /// currency's new exchange rate re-evaluates the open deals in that currency (a rule's minimum amount is weighed in the
    /// base currency, so the same number may now be above or below it), and every open deal when a rule in force has its
    /// minimum in that currency (the minimum is weighed at the new rate: <see cref="FeasibilityRuleRows"/>).
    /// </summary>
    public sealed class FeasibilityRuleActivation : PluginBase
    {
        public const string PostImage = "PostImage", PreImage = "PreImage", AccountBefore = "AccountBefore";

        /// <summary>What of an account decides its deals' rules and routing: its segment (industry, territory, size) and its parent.</summary>
        private static readonly string[] AccountRouting = { Account.IndustryCode, Account.TerritoryId, Account.CustomerSizeCode, Account.ParentAccountId };
        private const int PageSize = 500;

        public FeasibilityRuleActivation(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PostOperation, "Create", FeasibilityRuleRow.Table, OnRuleSaved).Async()
                .PostImage(PostImage, FeasibilityRuleRow.IsActive, CommonColumn.StateCode, FeasibilityRuleRow.TriggerStage);
            Register(PipelineStage.PostOperation, "Update", FeasibilityRuleRow.Table, OnRuleSaved).Async()
                .Filter(FeasibilityRuleRow.IsActive, FeasibilityRuleRow.Function, FeasibilityRuleRow.MinAmount, FeasibilityRuleRow.CustomOnly,
                    FeasibilityRuleRow.MinDiscountPercent, FeasibilityRuleRow.MaxLeadDays, FeasibilityRuleRow.IndustryCode, FeasibilityRuleRow.TriggerStage,
                    FeasibilityRuleRow.RelevantColumns, CommonColumn.StateCode, FeasibilityRuleRow.TransactionCurrencyId) // the minimum's currency
                .PostImage(PostImage, FeasibilityRuleRow.IsActive, CommonColumn.StateCode, FeasibilityRuleRow.TriggerStage);
            // Deactivate / Activate from the grid: no page says SetState runs the Update steps.
            foreach (string setState in new[] { "SetState", "SetStateDynamicEntity" })
                Register(PipelineStage.PostOperation, setState, FeasibilityRuleRow.Table, OnRuleSaved).Async()
                    .PostImage(PostImage, FeasibilityRuleRow.IsActive, CommonColumn.StateCode, FeasibilityRuleRow.TriggerStage);
            Register(PipelineStage.PostOperation, "Delete", FeasibilityRuleRow.Table, OnRuleSaved).Async()
                .PreImage(PreImage, FeasibilityRuleRow.IsActive, CommonColumn.StateCode, FeasibilityRuleRow.TriggerStage);
            // An account's industry, territory or size decides which rules apply to its deals and who reviews them, and its
            // parent account whose dedicated owners it falls back to: its open deals are re-evaluated as after a rule's save,
            // and their pending reviews and open handoffs follow the routing.
            Register(PipelineStage.PostOperation, "Update", Account.Table, OnAccountSegmentChanged).Async()
                .Filter(AccountRouting).PreImage(AccountBefore, AccountRouting);
            Register(PipelineStage.PostOperation, "Update", TransactionCurrency.Table, OnExchangeRateChanged).Async()
                .Filter(TransactionCurrency.ExchangeRate);
        }

        private static void OnExchangeRateChanged(LocalPluginContext context)
        {
            Guid currencyId = context.ExecutionContext.PrimaryEntityId;
            QueryExpression query = OpenDeals();
            // A rule in force whose minimum is in this currency has a new minimum in the base currency: every open deal is
            // weighed again against it; else only the deals in this currency have a new amount.
            if (!RuleWeighsIn(context.SystemService, currencyId))
                query.Criteria.AddCondition(Opportunity.TransactionCurrencyId, ConditionOperator.Equal, currencyId);
            int requested = Reevaluate(context, query, DealStage.Of, out int deals);
            int withdrawn = WithdrawOnWonDeals(context);
            context.Trace("Currency {0}: new exchange rate, {1} open deal(s) re-evaluated, {2} review(s) requested, {3} withdrawn on won deals.",
                currencyId, deals, requested, withdrawn);
        }

        /// <summary>Some rule in force has a minimum amount in this currency (one query, one row at most).</summary>
        private static bool RuleWeighsIn(IOrganizationService service, Guid currencyId)
        {
            var query = new QueryExpression(FeasibilityRuleRow.Table) { ColumnSet = new ColumnSet(FeasibilityRuleRow.Id), TopCount = 1 };
            InForce.Only(query, FeasibilityRuleRow.IsActive);
            query.Criteria.AddCondition(FeasibilityRuleRow.TransactionCurrencyId, ConditionOperator.Equal, currencyId);
            query.Criteria.AddCondition(FeasibilityRuleRow.MinAmount, ConditionOperator.NotNull);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        private static void OnAccountSegmentChanged(LocalPluginContext context)
        {
            Guid accountId = context.ExecutionContext.PrimaryEntityId;
            // An account written back as it is (an ERP's nightly sync, an import) changes nothing its deals' rules or routing
            // read: nothing is re-evaluated or re-routed, so work passed on by hand stays where it was passed.
            Entity before = context.PreImage(AccountBefore);
            if (before != null && Changes.Of(KeyedReferences.Resolved(context, context.TargetEntity), before, AccountRouting).Count == 0)
            {
                context.Trace("Account {0} saved with its segment and parent as they were: nothing re-evaluated.", accountId);
                return;
            }
            QueryExpression query = OpenDeals();
            query.Criteria.AddFilter(DealsOf(accountId));
            // A deal of another customer that names this account only in its Account field is not routed by it.
            int requested = Reevaluate(context, query, deal => Routing.HandoffCreation.AccountOf(deal) == accountId ? DealStage.Of(deal) : null, out int deals);
            // A deal won since the change (its gate, reading the new segment, no longer asked the function) keeps its review pending.
            context.Trace("{0} pending review(s) of the account's won deals withdrawn.",
                WithdrawOnWonDeals(context, DealsOf(accountId), deal => Routing.HandoffCreation.AccountOf(deal) == accountId));
            // The accounts below fall back through this one to its parent's owners (a new parent moves their work too);
            // each is re-routed by its own routing, so one with its own owners keeps them (in shares when they are many).
            int moved = Routing.AccountReroute.EveryFunctionBelow(context, accountId, AccountRerouteCause.SegmentChange);
            context.Trace("Account {0} re-segmented: {1} open deal(s) re-evaluated, {2} review(s) requested, {3} record(s) re-routed.",
                accountId, deals, requested, moved);
        }

        private static void OnRuleSaved(LocalPluginContext context)
        {
            string message = context.ExecutionContext.MessageName;
            Entity rule = message == "Delete" ? context.PreImage(PreImage) : context.PostImage(PostImage);
            // A rule created or deleted out of force asked for nothing; one retired or deleted in force leaves reviews to withdraw.
            if (rule == null || (!InForce.Is(rule, FeasibilityRuleRow.IsActive) && (message == "Create" || message == "Delete"))) return;
            int trigger = rule.Choice(FeasibilityRuleRow.TriggerStage) ?? SalesStage.Develop;
            QueryExpression query = OpenDeals();
            // A deal's stage is the later of its sales stage and its pipeline phase (SalesStage.Of): one moved on by its
            // phase alone (a flow, an integration) still reads an earlier sales stage, so deals with a phase are read too
            // and the stage decides.
            var reached = new FilterExpression(LogicalOperator.Or);
            reached.AddCondition(Opportunity.SalesStage, ConditionOperator.GreaterEqual, trigger);
            reached.AddCondition(Opportunity.StepName, ConditionOperator.NotNull);
            query.Criteria.AddFilter(reached);
            var seen = new HashSet<Guid>();
            int requested = Reevaluate(context, query, deal => AtOrPast(DealStage.Of(deal), trigger), out int deals, seen);
            // A deal moved back below the trigger keeps the reviews asked while it was past it: a rule retired, narrowed or
            // given another function leaves those to withdraw whatever the deal's stage now (a new rule leaves none).
            if (message != "Create")
            {
                requested += Reevaluate(context, DealsWithPendingReviews(Opportunity.StateOpen), deal => seen.Contains(deal.Id) ? null : DealStage.Of(deal), out int behind);
                deals += behind;
                // A deal won since the change (its gate computed at the win no longer asked the function) keeps its review pending.
                context.Trace("{0} pending review(s) of won deals withdrawn.", WithdrawOnWonDeals(context));
            }
            context.Trace("Rule {2}: {0} open deal(s) re-evaluated, {1} review(s) requested.", deals, requested, message == "Delete" ? "deleted" : "saved");
        }

        /// <summary>The deal's stage when it has reached <paramref name="trigger"/>; else null (the deal is left out).</summary>
        private static int? AtOrPast(int? stage, int trigger) => stage >= trigger ? stage : null;

        private static QueryExpression OpenDeals() => Deals(Opportunity.StateOpen);

        private static QueryExpression Deals(int state)
        {
            var query = new QueryExpression(Opportunity.Table)
            {
                ColumnSet = new ColumnSet(FeasibilityRepository.DealColumns),
                PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 },
            };
            query.Criteria.AddCondition(Opportunity.StateCode, ConditionOperator.Equal, state);
            return query;
        }

        /// <summary>
        /// The won deals with a pending review (normally none: the win's gate requires every function's approval) have the
        /// ones no rule asks for any more withdrawn (<see cref="ReviewRequester.WithdrawStaleOfWonDeal"/>): a deal won between a
        /// change and this re-evaluation, which before read open deals only, kept such a review pending for ever in its
        /// reviewer's queue, nobody able to decide or withdraw a won deal's review. One query; returns how many.
        /// </summary>
        /// <param name="narrowedTo">With <paramref name="concerned"/>: only the deals of one account (its segment changed).</param>
        private static int WithdrawOnWonDeals(LocalPluginContext context, FilterExpression narrowedTo = null, Func<Entity, bool> concerned = null)
        {
            var requester = new ReviewRequester(context.SystemService);
            QueryExpression query = DealsWithPendingReviews(Opportunity.StateWon);
            if (narrowedTo != null) query.Criteria.AddFilter(narrowedTo);
            int withdrawn = 0;
            foreach (Entity deal in Pages.All(context.SystemService, query).ToList())
                if (concerned == null || concerned(deal)) withdrawn += requester.WithdrawStaleOfWonDeal(deal, context.Now);
            return withdrawn;
        }

        /// <summary>The deals whose customer or Account field is the account.</summary>
        private static FilterExpression DealsOf(Guid accountId)
        {
            var account = new FilterExpression(LogicalOperator.Or);
            account.AddCondition(Opportunity.CustomerId, ConditionOperator.Equal, accountId);
            account.AddCondition(Opportunity.ParentAccountId, ConditionOperator.Equal, accountId);
            return account;
        }

        /// <summary>The deals in <paramref name="state"/> with a pending review, each once.</summary>
        private static QueryExpression DealsWithPendingReviews(int state)
        {
            QueryExpression query = Deals(state);
            query.Distinct = true;
            query.ColumnSet.AddColumn(Opportunity.Id); // a distinct query returns the primary key only when asked
            query.AddOrder(Opportunity.Id, OrderType.Ascending); // and gets no order of its own, which its pages need (Microsoft Learn, paging and ordering)
            LinkEntity pending = query.AddLink(FeasibilityReviewRow.Table, Opportunity.Id, FeasibilityReviewRow.OpportunityId);
            pending.LinkCriteria.AddCondition(FeasibilityReviewRow.Decision, ConditionOperator.Equal, (int)ReviewDecision.Pending);
            return query;
        }

        /// <summary>Requests the reviews each deal of every page needs at its stage (null: the deal is left out).</summary>
        /// <returns>The reviews requested; <paramref name="deals"/>: the deals re-evaluated (no tuple: the plug-in targets net462),
        /// each also added to <paramref name="seen"/> when given.</returns>
        private static int Reevaluate(LocalPluginContext context, QueryExpression query, Func<Entity, int?> stageOf, out int deals, ISet<Guid> seen = null)
        {
            IOrganizationService service = context.SystemService;
            var requester = new ReviewRequester(service);
            deals = 0;
            int requested = 0;
            while (true)
            {
                EntityCollection page = service.RetrieveMultiple(query);
                foreach (Entity deal in page.Entities)
                {
                    int? stage = stageOf(deal);
                    if (stage == null) continue;
                    seen?.Add(deal.Id);
                    try
                    {
                        requested += requester.Request(deal, stage.Value, context.Now).Requested.Count;
                    }
                    catch (InvalidPluginExecutionException refused)
                    {
                        // One deal that cannot be routed (no account) must not stop the others; its gate still refuses.
                        context.Trace("Deal {0}: {1}", deal.Id, refused.Message);
                    }
                    deals++;
                }
                if (!page.MoreRecords) break;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
            return requested;
        }
    }
}
