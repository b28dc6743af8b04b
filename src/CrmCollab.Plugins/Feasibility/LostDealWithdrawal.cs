using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// A lost deal withdraws its pending feasibility reviews at once, inside the Lose: if the Lose fails, nothing is
    /// withdrawn. Lose has no public sdkmessage id and no Microsoft page says it runs Update steps, but every Lose
    /// creates an opportunityclose row inside its operation (Create has a public id): PostOperation Create of
    /// opportunityclose, acting only when the parent message is Lose, as <see cref="Guards.CloseGuard"/> does for Win.
    /// Reads the deal's reviews → <see cref="LostDealReviews"/> → withdraws each pending one with its reason.
    /// Reopening the deal requests the reviews it still needs (<see cref="FeasibilityRequest"/>).
    /// </summary>
    public sealed class LostDealWithdrawal : PluginBase
    {
        public LostDealWithdrawal(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PostOperation, "Create", OpportunityClose.Table, OnClosed);
        }

        private static void OnClosed(LocalPluginContext context)
        {
            Guid? dealId = Guards.CloseGuard.DealClosedBy(context, OpportunityClose.LoseMessage);
            if (dealId == null) return;
            var repository = new FeasibilityRepository(context.SystemService);
            IReadOnlyList<ReviewState> pending = LostDealReviews.ToWithdraw(repository.Reviews(dealId.Value).Select(FeasibilityRepository.ToState));
            string reason = LostDealReviews.Reason(context.Now);
            foreach (ReviewState review in pending) repository.Withdraw(review.Id, reason);
            context.Trace("The deal was lost: {0} pending review(s) withdrawn.", pending.Count);
        }

        /// <summary>
        /// A write made by the step above to a review of the deal being lost: a nested call whose parent is PostOperation
        /// Create of the opportunityclose that a Lose of <paramref name="reviewDealId"/> creates. Both are read from
        /// contexts the platform builds (the parent, and its own parent, the Lose) and no client can forge; a review of
        /// any other deal touched from a step inside some Lose gets no exemption.
        /// </summary>
        /// <param name="reviewDealId">The deal of the review being written, from the step's image.</param>
        public static bool IsWithdrawingForTheLoss(IPluginExecutionContext context, Guid? reviewDealId) =>
            reviewDealId.HasValue
            && ServerCall.ComesFromStep(context, PipelineStage.PostOperation, "Create", OpportunityClose.Table)
            && Guards.CloseGuard.DealClosedBy(context.ParentContext, OpportunityClose.LoseMessage) == reviewDealId;
    }
}
