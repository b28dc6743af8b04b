using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// Decisions are made by the right people and stamped by the server: only the review's owner (or a member of
    /// its owning team) or a CrmCollab Administrator decides, never the deal's owner nor anyone who has owned it
    /// (<see cref="DealOwnerHistory"/>) or owned it when the review was asked; conditions and reasons are required; the deal, function, terms, due date, deal owner at request,
    /// routing hold and decision stamps are CrmCollab's; once the deal is won its reviews are final. Each decision refreshes the deal's feasibility status and summary.
    /// </summary>
    public sealed class ReviewDecisionGuard : PluginBase
    {
        public const string PreImage = "PreImage", PostImage = "PostImage";

        /// <summary>Recorded by CrmCollab when the review is requested (or decided): no client changes them.</summary>
        public static readonly string[] ServerColumns =
        {
            FeasibilityReviewRow.OpportunityId, FeasibilityReviewRow.Function, FeasibilityReviewRow.RelevantColumns,
            FeasibilityReviewRow.TermsFingerprint, FeasibilityReviewRow.DueDate, FeasibilityReviewRow.GateStage,
            FeasibilityReviewRow.RoutingPath, FeasibilityReviewRow.DecidedOn, FeasibilityReviewRow.DecidedBy,
            FeasibilityReviewRow.WithdrawalReason, FeasibilityReviewRow.SupersededBy, FeasibilityReviewRow.DealOwnerAtRequest,
            FeasibilityReviewRow.RoutingHold,
        };

        /// <summary>The server-recorded columns a create may not bring from a client: all but the deal and the function it asks.</summary>
        private static readonly string[] CreateServerColumns = ServerColumns
            .Where(c => c != FeasibilityReviewRow.OpportunityId && c != FeasibilityReviewRow.Function).ToArray();

        private static readonly string[] DecisionColumns =
            { FeasibilityReviewRow.Decision, FeasibilityReviewRow.Conditions, FeasibilityReviewRow.RejectionReason };

        public ReviewDecisionGuard(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Create", FeasibilityReviewRow.Table, OnCreate);
            Register(PipelineStage.PreOperation, "Update", FeasibilityReviewRow.Table, OnDecide)
                .Filter(DecisionColumns.Concat(ServerColumns).Concat(new[] { CommonColumn.StateCode, FeasibilityReviewRow.OwnerId }).ToArray())
                .PreImage(PreImage, DecisionColumns.Concat(new[] { FeasibilityReviewRow.OwnerId }).Concat(ServerColumns).Concat(new[] { CommonColumn.StateCode }).ToArray());
            // Deactivate from the grid (SetState): no page says it runs the Update steps.
            // Passing a review on: Assign (certain) and the Update of ownerid (the form), one check for both.
            Register(PipelineStage.PreOperation, "Assign", FeasibilityReviewRow.Table, OnAssign)
                .PreImage(PreImage, FeasibilityReviewRow.Function, FeasibilityReviewRow.OwnerId, FeasibilityReviewRow.Decision,
                    FeasibilityReviewRow.OpportunityId, FeasibilityReviewRow.DealOwnerAtRequest);
            // A review passed on by hand is no longer held for a leaver (the Update of ownerid does it in OnDecide).
            Register(PipelineStage.PostOperation, "Assign", FeasibilityReviewRow.Table, OnAssigned)
                .PostImage(PostImage, FeasibilityReviewRow.RoutingHold);
            Register(PipelineStage.PreOperation, "SetState", FeasibilityReviewRow.Table, OnSetState);
            Register(PipelineStage.PreOperation, "SetStateDynamicEntity", FeasibilityReviewRow.Table, OnSetState);
            Register(PipelineStage.PostOperation, "Update", FeasibilityReviewRow.Table, OnDecided)
                .Filter(DecisionColumns)
                .PostImage(PostImage, FeasibilityReviewRow.OpportunityId);
            Register(PipelineStage.PreOperation, "Delete", FeasibilityReviewRow.Table, OnDelete)
                .PreImage(PreImage, FeasibilityReviewRow.Decision, FeasibilityReviewRow.OpportunityId, FeasibilityReviewRow.Function);
        }

        /// <summary>A SetState of a review: refused unless CrmCollab's (SYSTEM), first in the order of <see cref="ReviewEditRules.Check"/>.</summary>
        private static void OnSetState(LocalPluginContext context)
        {
            Throw(ReviewEditRules.Check(new ReviewEdit { ChangesState = true, IsServerCall = () => ServerCall.IsSystem(context) }));
        }

        /// <summary>
        /// A create is checked in the order of <see cref="ReviewEditRules.CheckCreate"/>. CrmCollab's own request
        /// brings what the review watches, its gate stage and due date; a review created by hand brings none of them,
        /// and CrmCollab records them as its request would have (<see cref="HandMadeReview"/>), for an owner who reviews
        /// for its function (<see cref="ReviewHandOver.CheckMadeFor"/>).
        /// </summary>
        private static void OnCreate(LocalPluginContext context)
        {
            // The deal (or owner) named by alternate key is the row the key names (KeyedReferences): read from the resolved
            // copy, recorded on the Target itself.
            Entity target = context.TargetEntity, review = KeyedReferences.Resolved(context, target);
            string[] sent = CreateServerColumns.Where(review.IsFilled).ToArray();
            Guid? dealId = review.RefId(FeasibilityReviewRow.OpportunityId);
            int? function = review.Choice(FeasibilityReviewRow.Function);
            Throw(ReviewEditRules.CheckCreate(review.Choice(FeasibilityReviewRow.Decision),
                (review.Choice(CommonColumn.StateCode) ?? InForce.StateActive) != InForce.StateActive,
                ColumnLabels.Of(sent).ToArray(), () => ServerCall.IsSystem(context),
                dealId != null && function != null));
            if (sent.Length > 0) return;
            var repository = new FeasibilityRepository(context.SystemService);
            Entity deal = repository.DealIfAny(dealId.Value);
            Throw(HandMadeReview.CheckDeal(deal?.Choice(Opportunity.StateCode), deal != null)); // nobody could decide it on a closed deal
            // Given to its owner as a hand-over would give it (left without one, it is its creator's).
            EntityReference owner = review.Read<EntityReference>(FeasibilityReviewRow.OwnerId)
                ?? new EntityReference(SystemUser.Table, context.ExecutionContext.UserId);
            Throw(ReviewHandOver.CheckMadeFor((BusinessFunction)function.Value, ServerCall.IsSystem(context),
                () => FunctionReviewers.Includes(context.SystemService, owner, (BusinessFunction)function.Value, context.Now, null),
                () => Principals.IsAdministrator(context.SystemService, context.ExecutionContext.InitiatingUserId)));
            ReviewBasis basis = repository.HandMadeBasis(deal, (BusinessFunction)function.Value, context.Now);
            target[FeasibilityReviewRow.RelevantColumns] = Values.Shorten(string.Join(",", basis.RelevantColumns), 1000);
            target[FeasibilityReviewRow.GateStage] = new OptionSetValue(basis.GateStage);
            target[FeasibilityReviewRow.DueDate] = basis.DueDate;
            target[FeasibilityReviewRow.RoutingPath] = HandMadeReview.RoutingPath;
            target[FeasibilityReviewRow.DealOwnerAtRequest] = FeasibilityRepository.OwnerAtRequest(deal);
            // The deal now waits for it too: what its salesperson reads says so (before, a cleared deal still read "Cleared").
            ReviewDealStatus.Refresh(context.SystemService, deal.Id, deal, ReviewDealStatus.MadeByHand(context.SystemService, target, owner, context.Now));
        }

        /// <summary>A decided review is the deal's feasibility record: it goes only with its deal. The deal's status follows a pending one's Delete.</summary>
        private static void OnDelete(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage) ?? new Entity(FeasibilityReviewRow.Table);
            var decision = (ReviewDecision)(before.Choice(FeasibilityReviewRow.Decision) ?? (int)ReviewDecision.Pending);
            Guid? dealId = before.RefId(FeasibilityReviewRow.OpportunityId);
            bool withItsDeal = ServerCall.DeletesWithDeal(context.ExecutionContext, dealId);
            Throw(ReviewEditRules.CheckDelete(decision, withItsDeal, () => ServerCall.IsSystem(context)));
            // What the deal reads follows, when another review of the function gives its word (a review made by mistake).
            if (!withItsDeal && dealId != null)
                ReviewDealStatus.RefreshWithout(context.SystemService, dealId.Value, before.Id == Guid.Empty ? context.ExecutionContext.PrimaryEntityId : before.Id,
                    (BusinessFunction)(before.Choice(FeasibilityReviewRow.Function) ?? 0));
        }

        private static void OnAssign(LocalPluginContext context) =>
            Throw(HandOver(context, context.PreImage(PreImage), context.InputParameter<EntityReference>("Assignee")));

        /// <summary>
        /// After an Assign: a held review someone passed on by hand has found its owner, so the leaver's handover no longer
        /// keeps it (when no Update step released it on the way; CrmCollab's own routing writes the hold itself).
        /// </summary>
        private static void OnAssigned(LocalPluginContext context)
        {
            Entity after = context.PostImage(PostImage);
            if (after == null || after.Choice(FeasibilityReviewRow.RoutingHold) == null || ServerCall.IsSystem(context)) return;
            context.SystemService.Update(new Entity(FeasibilityReviewRow.Table, after.Id) { [FeasibilityReviewRow.RoutingHold] = null });
        }

        /// <summary>
        /// A held review (<see cref="RoutingHold"/>) given a new owner by a person, not by CrmCollab's routing: it is routed by
        /// hand, so the leaver's handover neither keeps it for its former owner nor skips it when its new owner leaves.
        /// </summary>
        private static void ReleaseHeldHandOver(LocalPluginContext context, Entity sent, Entity target, Entity before)
        {
            EntityReference newOwner = sent.Read<EntityReference>(FeasibilityReviewRow.OwnerId);
            EntityReference owner = before.Read<EntityReference>(FeasibilityReviewRow.OwnerId);
            if (newOwner == null || before.Choice(FeasibilityReviewRow.RoutingHold) == null || target.Contains(FeasibilityReviewRow.RoutingHold)
                || (owner != null && owner.Id == newOwner.Id && owner.LogicalName == newOwner.LogicalName) || ServerCall.IsSystem(context)) return;
            target[FeasibilityReviewRow.RoutingHold] = null;
        }

        /// <summary>
        /// A review its keeper holds at the unrouted desk (the queue or team the Unrouted Handoffs Queue setting names) is
        /// decided by a reviewer of its function (<see cref="ReviewDecisionRules.CheckDeskDecider"/>); the desk is read only
        /// for a decision that passed every other check.
        /// </summary>
        private static string DeskDecider(LocalPluginContext context, Guid decider, EntityReference reviewOwner, Entity before, ReviewDecision proposed)
        {
            IOrganizationService service = context.SystemService;
            var function = (BusinessFunction)(before.Choice(FeasibilityReviewRow.Function) ?? 0);
            return ReviewDecisionRules.CheckDeskDecider(function, proposed,
                () => reviewOwner != null && new RoutingRepository(service).UnroutedFallback()?.Holds(reviewOwner.Id) == true,
                () => FunctionReviewers.Includes(service, new EntityReference(SystemUser.Table, decider), function, context.Now, null),
                () => Principals.IsAdministrator(service, decider));
        }

        /// <summary>
        /// A new owner for the review (<see cref="ReviewHandOver"/>); null when the owner stays. <paramref name="after"/>: the
        /// review as the same save leaves it (an Update), whose decision made on the way stays with its decider.
        /// </summary>
        private static Refusal HandOver(LocalPluginContext context, Entity before, EntityReference newOwner, Entity after = null)
        {
            EntityReference owner = before?.Read<EntityReference>(FeasibilityReviewRow.OwnerId);
            if (newOwner == null || (owner != null && owner.Id == newOwner.Id && owner.LogicalName == newOwner.LogicalName)) return null;
            var function = (BusinessFunction)(before?.Choice(FeasibilityReviewRow.Function) ?? 0);
            var decision = (ReviewDecision)(before?.Choice(FeasibilityReviewRow.Decision) ?? (int)ReviewDecision.Pending);
            Guid initiator = context.ExecutionContext.InitiatingUserId;
            Func<bool> byAdministrator = () => Principals.IsAdministrator(context.SystemService, initiator);
            return ReviewHandOver.Check(function, decision, ServerCall.IsSystem(context),
                       () => FunctionReviewers.Includes(context.SystemService, newOwner, function, context.Now, owner), byAdministrator,
                       () => FormerDealOwners.OwnsOrHasOwned(context.SystemService, before?.RefId(FeasibilityReviewRow.OpportunityId),
                           before?.RefId(FeasibilityReviewRow.DealOwnerAtRequest), newOwner))
                ?? (after == null ? null : ReviewHandOver.CheckDecidedOnTheWay(decision,
                    (ReviewDecision)(after.Choice(FeasibilityReviewRow.Decision) ?? (int)ReviewDecision.Pending),
                    newOwner.LogicalName == SystemUser.Table && newOwner.Id == initiator, ServerCall.IsSystem(context), byAdministrator));
        }

        /// <summary>
        /// One guard for every change of a review: a new owner first (<see cref="HandOver"/>), then in the order of <see cref="ReviewEditRules.Check"/>: server-recorded
        /// columns, frozen once the deal is won, what a decision must carry, who decides. Then the server stamps.
        /// </summary>
        private static void OnDecide(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            // What the save sends, its deal (or owner) named by alternate key read as the row the key names: sent again as it
            // is, the deal is no change (before, the key's empty id read as another deal). The stamps go on the Target.
            Entity sent = KeyedReferences.Resolved(context, target);
            Entity before = context.PreImage(PreImage) ?? new Entity(FeasibilityReviewRow.Table);
            Entity after = Values.Merge(before, sent);
            Throw(HandOver(context, before, sent.Read<EntityReference>(FeasibilityReviewRow.OwnerId), after));
            // The hold the leaver's handover finds its reviews by: the server's, with a sentence of its own.
            if (sent.Contains(FeasibilityReviewRow.RoutingHold) && Changes.Of(sent, before, new[] { FeasibilityReviewRow.RoutingHold }).Count > 0
                && !ServerCall.IsSystem(context))
                Throw(new Refusal(RefusalCodes.ReviewServerColumn, RoutingHolds.ServerOwnedSentence));
            IOrganizationService service = context.SystemService;
            Guid decider = context.ExecutionContext.InitiatingUserId;
            Guid dealId = before.RefId(FeasibilityReviewRow.OpportunityId) ?? Guid.Empty;
            var current = (ReviewDecision)(before.Choice(FeasibilityReviewRow.Decision) ?? (int)ReviewDecision.Pending);
            var proposed = (ReviewDecision)(after.Choice(FeasibilityReviewRow.Decision) ?? (int)ReviewDecision.Pending);
            EntityReference reviewOwner = before.Read<EntityReference>(FeasibilityReviewRow.OwnerId);
            bool decisionChanges = Changes.Of(sent, before, DecisionColumns).Count > 0;
            // A decision that passes is fingerprinted with the deal's terms it was made on: the one read of the deal
            // the checks need asks for those columns too.
            IReadOnlyList<string> relevant = Stamps(decisionChanges, target, proposed)
                ? Domain.CommaList.Parse(before.Read<string>(FeasibilityReviewRow.RelevantColumns)) : null;
            var deal = new Lazy<Entity>(() => service.Retrieve(Opportunity.Table, dealId, DealColumns(relevant)));
            Func<bool> dealIsLost = () => dealId != Guid.Empty && deal.Value.Choice(Opportunity.StateCode) == Opportunity.StateLost;

            Refusal refusal = ReviewEditRules.Check(new ReviewEdit
            {
                ChangedServerColumns = ColumnLabels.Of(Changes.Of(sent, before, ServerColumns)).ToArray(),
                IsServerCall = () => ServerCall.IsSystem(context),
                ChangesState = Changes.Of(sent, before, new[] { CommonColumn.StateCode }).Count > 0,
                ChangesDecision = decisionChanges,
                IsCrmCollabInvalidation = () => ReviewChangeOrigin.IsCrmCollabInvalidation(context, before.RefId(FeasibilityReviewRow.OpportunityId))
                    || (proposed == ReviewDecision.Invalidated && ReviewChangeOrigin.IsMergeReopening(context, before.RefId(FeasibilityReviewRow.OpportunityId)))
                    || (proposed == ReviewDecision.Withdrawn && ReviewChangeOrigin.IsRuleReevaluation(context)),
                DealIsWon = () => dealId != Guid.Empty && deal.Value.Choice(Opportunity.StateCode) == Opportunity.StateWon,
                DealIsLost = dealIsLost,
                Current = current,
                Proposed = proposed,
                Conditions = after.Read<string>(FeasibilityReviewRow.Conditions),
                RejectionReason = after.Read<string>(FeasibilityReviewRow.RejectionReason),
                DeciderProblem = () => ReviewDecisionRules.CheckDecider(decider, deal.Value.RefId(Opportunity.OwnerId) ?? Guid.Empty,
                    reviewOwner?.Id ?? Guid.Empty, reviewOwner?.LogicalName == Team.Table ? () => TeamMembers(service, reviewOwner.Id) : (Func<IEnumerable<Guid>>)null,
                    () => Principals.IsAdministrator(service, decider),
                    deal.Value.Read<EntityReference>(Opportunity.OwnerId)?.LogicalName == Team.Table
                        ? () => TeamMembers(service, deal.Value.RefId(Opportunity.OwnerId).Value) : (Func<IEnumerable<Guid>>)null,
                    before.RefId(FeasibilityReviewRow.DealOwnerAtRequest),
                    FormerDealOwners.Of(service, deal.Value.Read<string>(Opportunity.OwnerHistory), new[] { decider }))
                    ?? DeskDecider(context, decider, reviewOwner, before, proposed),
            });
            Throw(refusal);
            ReleaseHeldHandOver(context, sent, target, before);
            if (!decisionChanges || !(target.Contains(FeasibilityReviewRow.Decision) || Rewrites(proposed)) || proposed == ReviewDecision.Invalidated) return;
            if (proposed == ReviewDecision.Withdrawn)
            {
                // A pending review of a deal lost before CrmCollab withdrew them at the loss, withdrawn by hand: say why.
                if (current == ReviewDecision.Pending && !target.Contains(FeasibilityReviewRow.WithdrawalReason) && dealIsLost())
                    target[FeasibilityReviewRow.WithdrawalReason] = LostDealReviews.Reason(deal.Value.Read<DateTime?>(Opportunity.ActualCloseDate));
                return;
            }

            target[FeasibilityReviewRow.DecidedOn] = context.Now;
            target[FeasibilityReviewRow.DecidedBy] = new EntityReference(SystemUser.Table, decider);
            if (relevant == null) return; // back to pending: nothing decided, nothing to fingerprint (see Stamps)
            Entity terms = deal.Value;
            var values = new Dictionary<string, string>(relevant.Count);
            foreach (string column in relevant) values.Add(column, MaterialChange.Text(terms, column));
            target[FeasibilityReviewRow.TermsFingerprint] = TermsFingerprint.Of(relevant, values);
        }

        /// <summary>The change decides the review (approved, with conditions, rejected): the server stamps and fingerprints it.</summary>
        private static bool Stamps(bool decisionChanges, Entity target, ReviewDecision proposed) =>
            decisionChanges && (target.Contains(FeasibilityReviewRow.Decision) || Rewrites(proposed)) && proposed != ReviewDecision.Invalidated
            && proposed != ReviewDecision.Withdrawn && proposed != ReviewDecision.Pending;

        /// <summary>The conditions or reason alone rewritten on a review that stays decided: its sender decides anew (checked as a decider),
        /// stamped as for a decision sent — not under the first decider's name and date (RewrittenDecisionScenarios).</summary>
        private static bool Rewrites(ReviewDecision proposed) =>
            proposed == ReviewDecision.Approved || proposed == ReviewDecision.ApprovedWithConditions || proposed == ReviewDecision.Rejected;

        /// <summary>What the checks read of the deal (owner, state, close date), and the terms a decision is fingerprinted with.</summary>
        private static ColumnSet DealColumns(IReadOnlyList<string> relevant)
        {
            var columns = new ColumnSet(Opportunity.OwnerId, Opportunity.OwnerHistory, Opportunity.StateCode, Opportunity.ActualCloseDate);
            if (relevant == null) return columns;
            columns.AddColumn(Opportunity.TransactionCurrencyId); // an amount is fingerprinted with its currency
            foreach (string column in relevant)
                if (column != FeasibilityRuleValidator.ProductsToken && !columns.Columns.Contains(column)) columns.AddColumn(column);
            return columns;
        }

        private static void OnDecided(LocalPluginContext context)
        {
            Entity review = context.PostImage(PostImage);
            Guid? dealId = review?.RefId(FeasibilityReviewRow.OpportunityId);
            if (dealId == null) return;
            // A lost deal keeps the feasibility status it had when it was lost (what held it, for the record): the
            // reviews its loss withdraws do not turn it into "Cleared". A reopen requests and records it again.
            if (LostDealWithdrawal.IsWithdrawingForTheLoss(context.ExecutionContext, dealId)) return;
            // A won deal keeps the feasibility status it was won with: a move to another account re-opens its reviews
            // for its reopen (AccountChangeRule.ReopensDecided), which records the status again.
            ReviewDealStatus.Refresh(context.SystemService, dealId.Value);
        }

        private static Guid[] TeamMembers(IOrganizationService service, Guid teamId)
        {
            var query = new QueryExpression(Membership.TeamMembers) { ColumnSet = new ColumnSet(Membership.UserId) };
            query.Criteria.AddCondition(Membership.TeamId, ConditionOperator.Equal, teamId);
            return service.RetrieveMultiple(query).Entities.Select(m => m.Read<Guid>(Membership.UserId)).ToArray();
        }
    }
}
