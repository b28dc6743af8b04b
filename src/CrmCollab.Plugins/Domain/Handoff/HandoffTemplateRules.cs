using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;

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

        /// <summary>
        /// Two templates in force of one function never share a subject (read as typed: case and the space around it aside):
        /// a won deal makes one handoff per template in force, so a template in force twice — a sheet imported again, a copy
        /// left active, a retired template made active again beside its replacement — gives every deal won two identical
        /// tasks for one piece of work. Parallel work at the same step has a subject of its own.
        /// </summary>
        /// <param name="subject">The subject of the template in force after the save.</param>
        /// <param name="othersInForce">The subjects of the other templates in force of its function.</param>
        public static Refusal CheckDuplicate(BusinessFunction function, string subject, IEnumerable<string> othersInForce)
        {
            if (string.IsNullOrWhiteSpace(subject)) return null;
            string mine = TypedText.Trim(subject);
            string twin = othersInForce.Where(other => other != null).Select(TypedText.Trim)
                .FirstOrDefault(other => string.Equals(other, mine, StringComparison.OrdinalIgnoreCase));
            if (twin == null) return null;
            return new Refusal(RefusalCodes.TemplateDuplicate,
                $"The handoff template '{twin}' of {function.Label()} is already in force, so every deal won would get this handoff twice. " +
                "Edit that template instead, or set its Active to No before this one takes its place.");
        }

        /// <summary>
        /// A template names the function its handoffs go to, their subject and how many days after the win they are due:
        /// forms require them, the API and imports do not. Without the first two no handoff could be made from it at a win
        /// (a function outside CrmCollab's is no better); without the days each handoff would be due the moment it is handed
        /// off, late in every on-time figure (0, the day of the win, is said, not left out). A create must bring all three;
        /// an update may leave them out, never clear them.
        /// </summary>
        /// <param name="sendsFunction">The save carries the function column (always true for a create).</param>
        /// <param name="sendsSubject">The save carries the subject column (always true for a create).</param>
        /// <param name="sendsDueAfter">The save carries 'Due After (Days)' (always true for a create).</param>
        public static Refusal CheckContent(bool sendsFunction, int? function, bool sendsSubject, string subject,
            bool sendsDueAfter = false, int? dueAfterDays = null)
        {
            var problems = new List<string>();
            if (sendsFunction && function == null) problems.Add("Choose the function (ADV, Logistics, SAV, …) its handoffs go to.");
            else if (sendsFunction && !BusinessFunctions.IsDefined(function.Value))
                problems.Add($"The function value {function} is not one of CrmCollab's functions; choose one from the list.");
            if (sendsSubject && string.IsNullOrWhiteSpace(subject)) problems.Add("Give its handoffs a subject.");
            if (sendsDueAfter && dueAfterDays == null)
                problems.Add("Say how many days after the win its handoffs are due ('Due After (Days)', 0 for the day of the win).");
            return problems.Count == 0 ? null : new Refusal(RefusalCodes.TemplateIncomplete,
                "A handoff template needs what each handoff made from it carries. " + string.Join(" ", problems));
        }

        /// <summary>
        /// When a save puts the template in force — made active (its flag, or its record's state) from retired, or created
        /// active — In Force Since takes the save's time: a deal won before it was never handed its work off, so Get Handoff
        /// Status does not ask it of that deal (<see cref="HandoffPlanner.InForceBy"/>). Null: the date stays as it is.
        /// </summary>
        public static DateTime? InForceSince(bool inForceBefore, bool inForceAfter, DateTime now) =>
            inForceAfter && !inForceBefore ? now : (DateTime?)null;

        /// <summary>In Force Since is CrmCollab's to write: a client setting or changing it would make deals won before ask the template, or not.</summary>
        public static Refusal CheckInForceSince(bool changes, bool isServerCall) =>
            changes && !isServerCall
                ? new Refusal(RefusalCodes.ServerOwnedColumn,
                    "In Force Since is set by CrmCollab when the template is made active; leave it out of the save. To put the " +
                    "template in force or retire it, set Active to Yes or No.")
                : null;

        /// <summary>A template with open handoffs stays: they are completed against it.</summary>
        public static Refusal CheckDelete(bool hasOpenHandoffs) =>
            hasOpenHandoffs
                ? new Refusal(RefusalCodes.TemplateInUse,
                    "Handoffs made from this template are still open. Set the template's Active to No instead: won deals stop using it, " +
                    "and its open handoffs are still completed with their evidence.")
                : null;
    }
}
