using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>What a handoff template must respect at save and at delete.</summary>
    public static class HandoffTemplateRules
    {
        /// <summary>
        /// A template's required evidence names only columns CrmCollab keeps fixed once a handoff is closed (the handoff
        /// guard watches them): evidence in any other column could be changed after the close without anyone noticing.
        /// </summary>
        /// <param name="listed">The columns Required Evidence lists.</param>
        /// <param name="watched">The evidence columns the handoff guard watches.</param>
        /// <param name="unknown">Of the given columns, those tasks do not have (asked only for columns outside the watched ones).</param>
        public static Refusal CheckEvidence(IReadOnlyList<string> listed, IReadOnlyList<string> watched, Func<IReadOnlyList<string>, IReadOnlyList<string>> unknown)
        {
            string[] outside = listed.Where(c => !watched.Contains(c, StringComparer.OrdinalIgnoreCase)).ToArray();
            if (outside.Length == 0) return null;
            IReadOnlyList<string> missing = unknown(outside);
            if (missing.Count > 0)
                return new Refusal(RefusalCodes.TemplateUnknownColumn,
                    $"Required Evidence names {string.Join(", ", missing)}, which tasks do not have, so no handoff made from this template could ever be completed. " +
                    $"List the logical names of task columns among {string.Join(", ", watched)}.");
            return new Refusal(RefusalCodes.TemplateEvidenceNotWatched,
                $"Required Evidence can name only {string.Join(", ", watched)}: the columns CrmCollab keeps fixed once a handoff is closed. " +
                $"{string.Join(", ", outside)} could be changed after the close without anyone noticing; remove it from the list.");
        }

        /// <summary>A template with open handoffs stays: they are completed against it.</summary>
        public static Refusal CheckDelete(bool hasOpenHandoffs) =>
            hasOpenHandoffs
                ? new Refusal(RefusalCodes.TemplateInUse,
                    "Handoffs made from this template are still open. Set the template's Active to No instead: won deals stop using it, " +
                    "and its open handoffs are still completed with their evidence.")
                : null;
    }
}
