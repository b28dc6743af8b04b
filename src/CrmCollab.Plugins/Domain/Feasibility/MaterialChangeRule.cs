using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>A decided review as the material-change rule sees it: what it watched and what it approved.</summary>
    public sealed class WatchedReview
    {
        public Guid Id { get; set; }
        public ReviewState State { get; set; }
        public IReadOnlyList<string> RelevantColumns { get; set; } = new string[0];
        /// <summary>The fingerprint of the relevant columns when it was decided.</summary>
        public string Fingerprint { get; set; }
    }

    /// <summary>
    /// A material change re-opens only the reviews it concerns: on an open deal, a decided current review whose watched
    /// columns the change touches and whose fingerprint of them is no longer the one decided on.
    /// </summary>
    public static class MaterialChangeRule
    {
        /// <param name="valueOf">Invariant text of a column's value after the change ("" for null).</param>
        public static IReadOnlyList<Guid> ToInvalidate(bool dealIsOpen, IEnumerable<WatchedReview> reviews, IReadOnlyCollection<string> changedColumns,
            Func<string, string> valueOf)
        {
            if (!dealIsOpen || changedColumns.Count == 0) return new Guid[0];
            return reviews
                .Where(r => r.State.IsCurrent && r.State.Decision != ReviewDecision.Pending)
                .Where(r => TermsFingerprint.Touches(r.RelevantColumns, changedColumns))
                .Where(r => TermsFingerprint.Of(r.RelevantColumns, r.RelevantColumns.ToDictionary(c => c, valueOf)) != r.Fingerprint)
                .Select(r => r.Id)
                .ToList();
        }

        /// <summary>
        /// Before its trigger stage a deal that will need reviews has none yet: its status is not "not required", it
        /// stays unset until the reviews are requested.
        /// </summary>
        public static bool StatusWaitsForReviews(int reviewCount, IReadOnlyList<RequiredReview> requiredAtAnyStage) =>
            reviewCount == 0 && requiredAtAnyStage.Count > 0;
    }
}
