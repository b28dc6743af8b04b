using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
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
    /// rather than at each deal's next move; so does a rule deleted (from its pre-image, the row being gone).
    /// </summary>
    public sealed class FeasibilityRuleActivation : PluginBase
    {
        public const string PostImage = "PostImage", PreImage = "PreImage";
        private const int PageSize = 500;

        public FeasibilityRuleActivation(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PostOperation, "Create", FeasibilityRuleRow.Table, OnRuleSaved).Async()
                .PostImage(PostImage, FeasibilityRuleRow.IsActive, CommonColumn.StateCode, FeasibilityRuleRow.TriggerStage);
            Register(PipelineStage.PostOperation, "Update", FeasibilityRuleRow.Table, OnRuleSaved).Async()
                .Filter(FeasibilityRuleRow.IsActive, FeasibilityRuleRow.Function, FeasibilityRuleRow.MinAmount, FeasibilityRuleRow.CustomOnly,
                    FeasibilityRuleRow.MinDiscountPercent, FeasibilityRuleRow.MaxLeadDays, FeasibilityRuleRow.IndustryCode, FeasibilityRuleRow.TriggerStage,
                    FeasibilityRuleRow.RelevantColumns, CommonColumn.StateCode)
                .PostImage(PostImage, FeasibilityRuleRow.IsActive, CommonColumn.StateCode, FeasibilityRuleRow.TriggerStage);
            // Deactivate / Activate from the grid: no page says SetState runs the Update steps.
            foreach (string setState in new[] { "SetState", "SetStateDynamicEntity" })
                Register(PipelineStage.PostOperation, setState, FeasibilityRuleRow.Table, OnRuleSaved).Async()
                    .PostImage(PostImage, FeasibilityRuleRow.IsActive, CommonColumn.StateCode, FeasibilityRuleRow.TriggerStage);
            Register(PipelineStage.PostOperation, "Delete", FeasibilityRuleRow.Table, OnRuleSaved).Async()
                .PreImage(PreImage, FeasibilityRuleRow.IsActive, CommonColumn.StateCode, FeasibilityRuleRow.TriggerStage);
            // An account's industry, territory or size decides which rules apply to its deals and who reviews them: its open
            // deals are re-evaluated as after a rule's save, and their pending reviews and open handoffs follow the routing.
            Register(PipelineStage.PostOperation, "Update", Account.Table, OnAccountSegmentChanged).Async()
                .Filter(Account.IndustryCode, Account.TerritoryId, Account.CustomerSizeCode);
        }

        private static void OnAccountSegmentChanged(LocalPluginContext context)
        {
            Guid accountId = context.ExecutionContext.PrimaryEntityId;
            IOrganizationService service = context.SystemService;
            var requester = new ReviewRequester(service);
            var query = new QueryExpression(Opportunity.Table) { ColumnSet = new ColumnSet(FeasibilityRepository.DealColumns) };
            query.Criteria.AddCondition(Opportunity.StateCode, ConditionOperator.Equal, Opportunity.StateOpen);
            var account = new FilterExpression(LogicalOperator.Or);
            account.AddCondition(Opportunity.CustomerId, ConditionOperator.Equal, accountId);
            account.AddCondition(Opportunity.ParentAccountId, ConditionOperator.Equal, accountId);
            query.Criteria.AddFilter(account);
            int requested = 0;
            foreach (Entity deal in service.RetrieveMultiple(query).Entities)
            {
                if (Routing.HandoffCreation.AccountOf(deal) != accountId) continue; // another customer's deal naming it only as its Account field
                int? stage = DealStage.Of(deal);
                if (stage == null) continue;
                try
                {
                    requested += requester.Request(deal, stage.Value, context.Now).Requested.Count;
                }
                catch (InvalidPluginExecutionException refused)
                {
                    context.Trace("Deal {0}: {1}", deal.Id, refused.Message);
                }
            }
            int moved = 0;
            foreach (BusinessFunction function in Enum.GetValues(typeof(BusinessFunction)))
                moved += Routing.HandoffReassignment.Reroute(context, accountId, function);
            context.Trace("Account {0} re-segmented: {1} review(s) requested, {2} record(s) re-routed.", accountId, requested, moved);
        }

        private static void OnRuleSaved(LocalPluginContext context)
        {
            string message = context.ExecutionContext.MessageName;
            Entity rule = message == "Delete" ? context.PreImage(PreImage) : context.PostImage(PostImage);
            // A rule created or deleted out of force asked for nothing; one retired or deleted in force leaves reviews to withdraw.
            if (rule == null || (!InForce.Is(rule, FeasibilityRuleRow.IsActive) && (message == "Create" || message == "Delete"))) return;
            int trigger = rule.Choice(FeasibilityRuleRow.TriggerStage) ?? SalesStage.Develop;
            IOrganizationService service = context.SystemService;
            var requester = new ReviewRequester(service);
            var query = new QueryExpression(Opportunity.Table)
            {
                ColumnSet = new ColumnSet(FeasibilityRepository.DealColumns),
                PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 },
            };
            query.Criteria.AddCondition(Opportunity.StateCode, ConditionOperator.Equal, Opportunity.StateOpen);
            query.Criteria.AddCondition(Opportunity.SalesStage, ConditionOperator.GreaterEqual, trigger);
            int deals = 0, requested = 0;
            while (true)
            {
                EntityCollection page = service.RetrieveMultiple(query);
                foreach (Entity deal in page.Entities)
                {
                    int stage = DealStage.Of(deal) ?? trigger;
                    try
                    {
                        requested += requester.Request(deal, stage, context.Now).Requested.Count;
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
            context.Trace("Rule {2}: {0} open deal(s) re-evaluated, {1} review(s) requested.", deals, requested, message == "Delete" ? "deleted" : "saved");
        }
    }
}
