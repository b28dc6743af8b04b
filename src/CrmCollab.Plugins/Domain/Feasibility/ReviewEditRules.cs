using System;
using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>What a change of a feasibility review must respect, in a fixed order.</summary>
    public static class ReviewEditRules
    {
        /// <summary>
        /// A review is born Pending (CrmCollab requests it when the deal needs it); only its reviewer decides it, later,
        /// so a create that brings its own decision (form, import, API, upsert) is refused. It is also born active: an
        /// inactive review would leave its reviewer's queue and views while the deal's gate still waits for it, and
        /// CrmCollab would request no other for that function. Checked in that order.
        /// Then the opportunity and the function it asks, which the API does not require as a form does.
        /// Then the columns CrmCollab records (what the review watches, its gate stage and due date, its routing, the
        /// decision stamps): a client that sends them is refused, as on an update; CrmCollab records them itself.
        /// </summary>
        /// <param name="decision">The decision the create brings, or null.</param>
        /// <param name="inactive">The create brings an inactive status.</param>
        /// <param name="serverColumnsSent">Labels of the server-recorded columns the create brings (none: null).</param>
        /// <param name="isServerCall">Whether CrmCollab itself creates the review (asked only when columns are sent).</param>
        /// <param name="namesDealAndFunction">The create names the opportunity and the function (the API does not require them).</param>
        public static Refusal CheckCreate(int? decision, bool inactive = false, IReadOnlyList<string> serverColumnsSent = null,
            Func<bool> isServerCall = null, bool namesDealAndFunction = true)
        {
            if (decision != null && decision != (int)ReviewDecision.Pending)
                return new Refusal(RefusalCodes.ReviewCreatedDecided,
                    "A feasibility review is created Pending and decided afterwards by its reviewer. Leave its decision empty or Pending; " +
                    "CrmCollab requests the reviews a deal needs when the deal is saved.");
            if (inactive)
                return new Refusal(RefusalCodes.ReviewCreatedInactive,
                    "A feasibility review is created active, in its reviewer's queue: an inactive one would be hidden from the reviewer " +
                    "while the deal still waits for it. Leave its status empty or Active.");
            if (!namesDealAndFunction)
                return new Refusal(RefusalCodes.ReviewCreatedIncomplete,
                    "A feasibility review is about one opportunity and asks one function. Choose both (Opportunity, Function), then save again.");
            if (serverColumnsSent != null && serverColumnsSent.Count > 0 && (isServerCall == null || !isServerCall()))
                return new Refusal(RefusalCodes.ReviewServerColumn,
                    "These columns of a feasibility review are recorded by CrmCollab when the review is requested or decided, and cannot be set by hand: " +
                    string.Join(", ", serverColumnsSent) + ". Leave them empty: CrmCollab records them from the feasibility rules when the review is saved.");
            return null;
        }

        /// <summary>Null when the change is acceptable, else the refusal.</summary>
        public static Refusal Check(ReviewEdit edit)
        {
            if (edit.ChangedServerColumns.Count > 0 && !edit.IsServerCall())
                return new Refusal(RefusalCodes.ReviewServerColumn,
                    "These columns of a feasibility review are recorded by CrmCollab when the review is requested or decided, and cannot be edited: " +
                    string.Join(", ", edit.ChangedServerColumns) + ". If the review is about the wrong deal or terms, ask your CrmCollab administrator to adjust the feasibility rules.");
            if (edit.ChangesState && !edit.IsServerCall())
                return new Refusal(RefusalCodes.ReviewNotDeactivated,
                    "A feasibility review is the deal's record and is not deactivated: the deal's gate still counts it, and it would " +
                    "leave its queue and every active view. Decide it instead; CrmCollab withdraws it by itself when the deal no longer " +
                    "needs it (a rule changed, the deal was lost).");
            if (!edit.ChangesDecision) return null;
            bool serverMove = edit.Proposed == ReviewDecision.Invalidated || edit.Proposed == ReviewDecision.Withdrawn;
            if (serverMove && edit.IsCrmCollabInvalidation()) return null;
            if (edit.DealIsWon())
                return new Refusal(RefusalCodes.ReviewFrozenOnceWon,
                    "This deal is won, so its feasibility reviews are final and can no longer change. If the customer's terms change, raise an amendment on the deal.");
            if ((edit.Current == ReviewDecision.Pending || IsDecided(edit.Current)) && edit.DealIsLost())
                return edit.Current == ReviewDecision.Pending ? CheckPendingOfLostDeal(edit) : DecidedOfLostDeal;
            string problem = ReviewDecisionRules.Check(edit.Current, edit.Proposed, edit.Conditions, edit.RejectionReason);
            if (problem != null) return new Refusal(RefusalCodes.ReviewDecisionIncomplete, problem);
            problem = edit.DeciderProblem();
            if (problem != null) return new Refusal(RefusalCodes.ReviewDeciderNotAllowed, problem);
            return CheckStillDecided(edit.Current, edit.Proposed);
        }

        /// <summary>
        /// A pending review of a lost deal (one lost before CrmCollab withdrew them at the loss) needs no decision: it is
        /// withdrawn, by its reviewer or a CrmCollab administrator (CrmCollab records why), as the loss would have done;
        /// approving or rejecting it is refused with that sentence.
        /// </summary>
        private static Refusal CheckPendingOfLostDeal(ReviewEdit edit)
        {
            if (edit.Proposed != ReviewDecision.Withdrawn)
                return new Refusal(RefusalCodes.ReviewDealLost,
                    "This deal was lost, so its feasibility review no longer needs a decision. Set the decision to Withdrawn instead " +
                    "(CrmCollab records why); if the deal is reopened and still needs the review, CrmCollab asks for a new one.");
            string problem = edit.DeciderProblem();
            return problem == null ? null : new Refusal(RefusalCodes.ReviewDeciderNotAllowed, problem);
        }

        /// <summary>
        /// A decided review of a lost deal (approved, with conditions, rejected) is the record of what held the deal when it
        /// was lost, as the feasibility status the deal keeps: nobody decides it again, an administrator neither, until the
        /// deal is reopened — as a pending one is only withdrawn (<see cref="CheckPendingOfLostDeal"/>). Otherwise a
        /// rejection was turned into an approval the reopen then leaned on, while the deal still read "Blocked".
        /// </summary>
        private static readonly Refusal DecidedOfLostDeal = new Refusal(RefusalCodes.ReviewDealLost,
            "This deal was lost, so its feasibility reviews stay as they were when it was lost: the record of what held it. " +
            "If the deal is back in play, reopen it first, then decide the review again.");

        /// <summary>
        /// A decision is not taken back to Pending: the review is the record of why the deal could (or could not) go
        /// ahead, it has left its reviewers' queue, and a pending review outside every queue would be nobody's work. The
        /// reviewer decides again instead — another decision, with its conditions or reason, stamped with who and when.
        /// </summary>
        public static Refusal CheckStillDecided(ReviewDecision current, ReviewDecision proposed) =>
            proposed == ReviewDecision.Pending && IsDecided(current)
                ? new Refusal(RefusalCodes.ReviewDecisionFinal,
                    "This review has been decided, and a decision is not set back to Pending: it is the record of why the deal could (or could not) go ahead. " +
                    "If the decision no longer stands, choose the one that does (Approved, Approved with conditions or Rejected, with its conditions or reason); " +
                    "if you need more time, reject it with the reason, so the salesperson knows what is being checked.")
                : null;

        private static bool IsDecided(ReviewDecision decision) =>
            decision == ReviewDecision.Approved || decision == ReviewDecision.ApprovedWithConditions || decision == ReviewDecision.Rejected;

        /// <summary>
        /// A decided review (approved, with conditions, rejected, invalidated or withdrawn) is the record of the deal's
        /// feasibility: it stays, unless its deal itself is being deleted or CrmCollab's own server code (the SYSTEM
        /// service) deletes it. A Pending one may go (the gate counts a missing review like a pending one and requests it again).
        /// </summary>
        public static Refusal CheckDelete(ReviewDecision decision, bool deletedWithItsDeal, Func<bool> isServerCall) =>
            deletedWithItsDeal || decision == ReviewDecision.Pending || isServerCall()
                ? null
                : new Refusal(RefusalCodes.ReviewIsHistory,
                    "This feasibility review has been decided: it is the record of why the deal could (or could not) go ahead, so it cannot be deleted. " +
                    "If the deal's terms changed, save them on the deal and CrmCollab asks for a new review.");
    }
}
