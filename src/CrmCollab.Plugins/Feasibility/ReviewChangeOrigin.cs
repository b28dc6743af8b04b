using System;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// Whether a change of a review's decision is CrmCollab's own (<see cref="ReviewDecisionGuard"/>): an invalidation or
    /// withdrawal from an operation on the review's deal, the re-opening of a merge, a rule re-evaluation's withdrawal.
    /// Each is recognised from the platform's context (the parent operation), never from what the client sends.
    /// </summary>
    internal static class ReviewChangeOrigin
    {
        /// <summary>
        /// CrmCollab invalidates and withdraws a review only from an operation on the review's own deal: the deal's
        /// change, a change of one of its product lines, a move of its process flow (<see cref="OperationDeal"/>), or
        /// the step after the opportunityclose its Lose creates. The operation is the parent context, built by the
        /// platform; a step inside an operation on one deal touching another deal's review gets no exemption.
        /// </summary>
        /// <param name="reviewDealId">The review's deal (pre-image).</param>
        public static bool IsCrmCollabInvalidation(LocalPluginContext context, Guid? reviewDealId)
        {
            IPluginExecutionContext parent = context.ExecutionContext.ParentContext;
            if (parent == null || reviewDealId == null) return false;
            // CrmCollab writes these through the SYSTEM service; the parent context alone is also another step's, or the
            // platform's for reviews sent as related rows with the deal's save (asked last: cached, and only for such a move).
            return (LostDealWithdrawal.IsWithdrawingForTheLoss(context.ExecutionContext, reviewDealId)
                || OperationDeal.Concerns(parent, context.SystemService, reviewDealId)) && ServerCall.IsSystem(context);
        }

        /// <summary>
        /// A merge of accounts moving a deal re-opens its decisions (<see cref="ReviewRerouting.ReopenForMerge"/>),
        /// through the SYSTEM service, from the merge itself (the parent context), for a deal of the merged-away account.
        /// </summary>
        public static bool IsMergeReopening(LocalPluginContext context, Guid? reviewDealId) =>
            ServerCall.IsSystem(context) && OperationDeal.MergesAwayAccountOf(context.ExecutionContext.ParentContext, context.SystemService, reviewDealId);

        /// <summary>
        /// A saved feasibility rule re-evaluates every open deal (<see cref="FeasibilityRuleActivation"/>, after the
        /// rule's Create or Update; an account's new segment; a currency's new exchange rate): reviews no rule asks for any
        /// more are withdrawn there, whatever their deal, through the SYSTEM service. Only withdrawal: a re-evaluation
        /// never invalidates a decision.
        /// </summary>
        public static bool IsRuleReevaluation(LocalPluginContext context) =>
            (ServerCall.FollowsOperationOn(context.ExecutionContext, FeasibilityRuleRow.Table)
             || ServerCall.FollowsOperationOn(context.ExecutionContext, Account.Table)
             || ServerCall.FollowsOperationOn(context.ExecutionContext, TransactionCurrency.Table)) && ServerCall.IsSystem(context);
    }
}
