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
    /// A material change re-opens only the reviews it concerns: on an open or lost deal, a decided current review whose
    /// watched columns the change touches and whose fingerprint of them is no longer the one decided on.
    /// </summary>
    public static class MaterialChangeRule
    {
        /// <summary>
        /// Whether a change of a deal's terms re-opens its decided reviews, by the deal's status (statecode,
        /// <see cref="Terms.DealLifecycle"/>). An open deal's do. So do a lost deal's: a lost deal can be reopened, and
        /// its decided reviews then count again at the gate, so terms changed while it was lost (its amount, discount or
        /// product lines, or the terms an Update sends together with the reopen, which the platform applies first)
        /// would otherwise be won on an approval of the terms it had before. A won deal's do not: its terms change only
        /// through an approved amendment, which is their clearance. Only an open deal asks for new reviews: a lost one
        /// asks at its reopen.
        /// </summary>
        public static bool ReopensReviews(int? dealState) => dealState != Terms.DealLifecycle.Won;

        /// <param name="reopens">The deal's changes re-open its reviews (<see cref="ReopensReviews"/>).</param>
        /// <param name="valueOf">Invariant text of a column's value after the change ("" for null).</param>
        public static IReadOnlyList<Guid> ToInvalidate(bool reopens, IEnumerable<WatchedReview> reviews, IReadOnlyCollection<string> changedColumns,
            Func<string, string> valueOf)
        {
            if (!reopens || changedColumns.Count == 0) return new Guid[0];
            var ids = new List<Guid>();
            foreach (WatchedReview r in reviews)
            {
                if (!r.State.IsCurrent || r.State.Decision == ReviewDecision.Pending || !TermsFingerprint.Touches(r.RelevantColumns, changedColumns)) continue;
                if (TermsFingerprint.Of(r.RelevantColumns, valueOf) != r.Fingerprint)
                    ids.Add(r.Id);
            }
            return ids;
        }

        /// <summary>
        /// At a deal's reopen: its decided current reviews whose fingerprint is no longer the one of the deal's terms now
        /// (every column they watch, the products aside: a line change cannot be told from the deal's columns, and the
        /// line steps re-open those reviews themselves). A deal's terms can change while it is closed without re-opening
        /// anything — a won deal's through an approved amendment, which clears it while it stays won (a new delivery date
        /// approved by Finance alone), or any closed deal's through a save that bypassed custom plug-ins — and once it is
        /// reopened its decided reviews count again at the gate: an approval of terms it no longer has must not.
        /// </summary>
        /// <param name="valueOf">Invariant text of a deal column's value now ("" for null).</param>
        public static IReadOnlyList<Guid> OutdatedAtReopen(IEnumerable<WatchedReview> reviews, Func<string, string> valueOf)
        {
            var list = reviews.ToList();
            var columns = list.SelectMany(r => r.RelevantColumns)
                .Where(c => !string.Equals(c, FeasibilityRuleValidator.ProductsToken, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return ToInvalidate(true, list, columns,
                c => string.Equals(c, FeasibilityRuleValidator.ProductsToken, StringComparison.OrdinalIgnoreCase) ? "" : valueOf(c));
        }

        /// <summary>
        /// Before its trigger stage a deal that will need reviews has none yet: its status is not "not required", it
        /// stays unset until the reviews are requested.
        /// </summary>
        public static bool StatusWaitsForReviews(int reviewCount, IReadOnlyList<RequiredReview> requiredAtAnyStage) =>
            reviewCount == 0 && requiredAtAnyStage.Count > 0;
    }
}
