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

        /// <summary>The review's status (active / inactive) changes: an Update of statecode, or a SetState.</summary>
        public bool ChangesState { get; set; }

        /// <summary>The decision, the conditions or the rejection reason change.</summary>
        public bool ChangesDecision { get; set; }

        /// <summary>
        /// CrmCollab invalidating or withdrawing the review from an operation on the review's own deal (its change, a
        /// product line's, its process flow's move, its loss). Asked only when the review is being invalidated or withdrawn.
        /// </summary>
        public Func<bool> IsCrmCollabInvalidation { get; set; } = () => false;

        public Func<bool> DealIsWon { get; set; } = () => false;

        /// <summary>The review's deal is lost (asked only for a pending or decided review whose decision changes).</summary>
        public Func<bool> DealIsLost { get; set; } = () => false;

        public ReviewDecision Current { get; set; }
        public ReviewDecision Proposed { get; set; }
        public string Conditions { get; set; }
        public string RejectionReason { get; set; }

        /// <summary>Why the caller may not decide this review (null: they may): <see cref="ReviewDecisionRules.CheckDecider"/>.</summary>
        public Func<string> DeciderProblem { get; set; } = () => null;
    }
}
