using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>
    /// A template's place in the post-sale work: its function and its sequence (the order of that function's handoffs).
    /// An administrator who replaces a template (the old one set inactive, a reworded one in force) gives the new one the
    /// old one's place. A deal won again (reopened by an administrator, then won) already has the handoff of that place
    /// from its earlier win, made from the retired template: the re-win does not create a second one from the template in
    /// force, or the team would get two tasks for one delivery. That handoff holds its place while it is open or completed,
    /// or canceled for good (an administrator canceled it while the deal was won: the work is not needed). Canceled before
    /// the deal's previous close (the loss), it is work the re-win needs again: the template in force creates it, as a
    /// canceled handoff of a template still in force is reopened. Templates in force never hold each other's place: two
    /// of them with the same function and sequence each create their handoff, and a retired template's handoff holds the
    /// place for them only when as many retired handoffs hold it (which of them replaced it cannot be told).
    /// </summary>
    public static class TemplatePlace
    {
        /// <summary>Same function and same sequence, both filled: a template left without a sequence has no place, so it
        /// neither holds nor takes another's (a new piece of work left unordered is handed off, not taken for a replacement).</summary>
        public static bool Same(HandoffTemplate a, HandoffTemplate b) =>
            a != null && b != null && a.HasSequence && b.HasSequence && a.Function == b.Function && a.Sequence == b.Sequence;

        /// <summary>The sequence a handoff of <paramref name="template"/> records: its place, or none when it has no sequence.</summary>
        public static int? SequenceOf(HandoffTemplate template) => template.HasSequence ? template.Sequence : (int?)null;

        /// <summary>
        /// The place a handoff recorded when it was handed off (its function and its template's sequence then), standing for
        /// its retired template once that template is deleted: the work done still holds the place it was done for.
        /// </summary>
        public static HandoffTemplate Recorded(Guid templateId, BusinessFunction function, int sequence) =>
            new HandoffTemplate { Id = templateId, Function = function, Sequence = sequence, HasSequence = true, IsActive = false };

        /// <summary>
        /// The retired templates a deal's handoffs were made from, each in the place that counts: the template as it is now
        /// (an administrator who moved it to another step and replaced it there replaced it there), or, once it is deleted,
        /// the place its handoff recorded (<see cref="Recorded"/>).
        /// </summary>
        /// <param name="asTheyAreNow">Those of the templates that still exist.</param>
        /// <param name="recorded">The places the handoffs recorded (none for a handoff made before they were recorded).</param>
        public static List<HandoffTemplate> Retired(IEnumerable<HandoffTemplate> asTheyAreNow, IEnumerable<HandoffTemplate> recorded)
        {
            List<HandoffTemplate> retired = asTheyAreNow.ToList();
            var existing = new HashSet<Guid>(retired.Select(t => t.Id));
            retired.AddRange(recorded.Where(r => !existing.Contains(r.Id)));
            return retired;
        }

        /// <summary>Whether a handoff of a retired template still holds its place on the deal.</summary>
        /// <param name="canceled">The handoff is canceled.</param>
        /// <param name="canceledBeforeTheLoss">It was canceled before the deal's previous close (<see cref="CloseSequence.ReopensCanceled"/>).</param>
        public static bool Holds(bool canceled, bool canceledBeforeTheLoss) => !canceled || !canceledBeforeTheLoss;

        /// <summary>
        /// The handoff keys of the templates in force whose place the deal's handoff of a retired template holds: the
        /// re-win counts them as present, as it counts a template's own handoff.
        /// </summary>
        /// <param name="inForce">The templates in force.</param>
        /// <param name="retired">Templates no longer in force that the deal has handoffs of.</param>
        /// <param name="holdingKeys">The keys of the deal's handoffs that hold their place (<see cref="Holds"/>).</param>
        public static ISet<string> Held(Guid opportunityId, IEnumerable<HandoffTemplate> inForce, IEnumerable<HandoffTemplate> retired,
            ISet<string> holdingKeys)
        {
            var held = new HashSet<string>(StringComparer.Ordinal);
            List<HandoffTemplate> current = inForce.ToList();
            var currentIds = new HashSet<Guid>(current.Select(t => t.Id));
            List<HandoffTemplate> holding = retired
                .Where(r => !currentIds.Contains(r.Id) && holdingKeys.Contains(HandoffPlanner.KeyFor(opportunityId, r.Id))).ToList();
            // One retired handoff stands for one template in force: when more templates in force share the place than
            // retired handoffs hold it (a parallel task added at the same step), none is taken for the replacement, so
            // the new work is not left out (at worst the replacement's task sits beside the retired one, in sight).
            foreach (HandoffTemplate template in current)
            {
                int holders = holding.Count(r => Same(r, template));
                if (holders > 0 && current.Count(t => Same(t, template)) <= holders) held.Add(HandoffPlanner.KeyFor(opportunityId, template.Id));
            }
            return held;
        }
    }
}
