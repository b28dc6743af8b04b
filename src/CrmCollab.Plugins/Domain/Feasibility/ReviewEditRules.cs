using System;
using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// An Update of a feasibility review as the review guard sees it. Facts that cost a query are functions, asked
    /// only when the check that needs them is reached.
    /// </summary>
    public sealed class ReviewEdit
    {
        /// <summary>Labels of the server-recorded columns the update changes (deal, function, due date…).</summary>
        public IReadOnlyList<string> ChangedServerColumns { get; set; } = Array.Empty<string>();

        /// <summary>The update is made by CrmCollab's server-side code.</summary>
        public Func<bool> IsServerCall { get; set; } = () => false;

        /// <summary>The decision, the conditions or the rejection reason change.</summary>
        public bool ChangesDecision { get; set; }

        /// <summary>The deal's own change invalidating the review (MaterialChange, from the deal's operation).</summary>
        public bool IsCrmCollabInvalidation { get; set; }

        public Func<bool> DealIsWon { get; set; } = () => false;

        public ReviewDecision Current { get; set; }
        public ReviewDecision Proposed { get; set; }
        public string Conditions { get; set; }
        public string RejectionReason { get; set; }

        /// <summary>Why the caller may not decide this review (null: they may): <see cref="ReviewDecisionRules.CheckDecider"/>.</summary>
        public Func<string> DeciderProblem { get; set; } = () => null;
    }

    /// <summary>What a change of a feasibility review must respect, in a fixed order.</summary>
    public static class ReviewEditRules
    {
        /// <summary>Null when the change is acceptable, else the refusal.</summary>
        public static Refusal Check(ReviewEdit edit)
        {
            if (edit.ChangedServerColumns.Count > 0 && !edit.IsServerCall())
                return new Refusal(RefusalCodes.ReviewServerColumn,
                    "These columns of a feasibility review are recorded by CrmCollab when the review is requested or decided, and cannot be edited: " +
                    string.Join(", ", edit.ChangedServerColumns) + ". If the review is about the wrong deal or terms, ask your CrmCollab administrator to adjust the feasibility rules.");
            if (!edit.ChangesDecision) return null;
            bool serverMove = edit.Proposed == ReviewDecision.Invalidated || edit.Proposed == ReviewDecision.Withdrawn;
            if (edit.IsCrmCollabInvalidation && serverMove) return null;
            if (edit.DealIsWon())
                return new Refusal(RefusalCodes.ReviewFrozenOnceWon,
                    "This deal is won, so its feasibility reviews are final and can no longer change. If the customer's terms change, raise an amendment on the deal.");
            string problem = ReviewDecisionRules.Check(edit.Current, edit.Proposed, edit.Conditions, edit.RejectionReason);
            if (problem != null) return new Refusal(RefusalCodes.ReviewDecisionIncomplete, problem);
            problem = edit.DeciderProblem();
            return problem == null ? null : new Refusal(RefusalCodes.ReviewDeciderNotAllowed, problem);
        }

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
