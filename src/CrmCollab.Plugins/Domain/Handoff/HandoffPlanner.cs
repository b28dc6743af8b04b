using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>A crmc_handofftemplate row: one post-sale task a won deal must create.</summary>
    public sealed class HandoffTemplate
    {
        public Guid Id { get; set; }
        public BusinessFunction Function { get; set; }
        public string Subject { get; set; }
        public string Description { get; set; }
        public int DueOffsetDays { get; set; }
        /// <summary>Task columns that must be filled before the task can be completed.</summary>
        public IReadOnlyList<string> RequiredEvidence { get; set; } = Array.Empty<string>();
        public int Sequence { get; set; }
        /// <summary>The template's sequence is filled (the column is optional): without one it has no place in its
        /// function's order (<see cref="TemplatePlace"/>); it is ordered as 0.</summary>
        public bool HasSequence { get; set; } = true;
        public bool IsActive { get; set; } = true;
        /// <summary>When the template was made (null when not read).</summary>
        public DateTime? CreatedOn { get; set; }
        /// <summary>When it last came into force (created active, or made active again; null when not read, or when it has
        /// not been in force since CrmCollab records it): one in force only since a deal's latest win is none its win handed off.</summary>
        public DateTime? InForceSince { get; set; }

        /// <summary>Since when it has been in force, as far as is known: its last coming into force, else its creation.</summary>
        public DateTime? InForceFrom => InForceSince ?? CreatedOn;
    }

    /// <summary>A task the win must produce, with its routing already decided.</summary>
    public sealed class PlannedHandoff
    {
        public HandoffTemplate Template { get; set; }
        public string HandoffKey { get; set; }
        public string Subject { get; set; }
        public string Description { get; set; }
        public DateTime DueOn { get; set; }
        public OwnerResolution Routing { get; set; }
        public string AgreedTermsSnapshot { get; set; }
    }

    /// <summary>
    /// Decides which handoff tasks a won deal needs. Idempotent by design: a template already done for the deal
    /// (its key exists) is skipped, so a retried or replayed run completes a partial one instead of repeating it.
    /// </summary>
    public static class HandoffPlanner
    {
        /// <summary>
        /// A handoff is due its template's offset after the win, to the hour ("the task is due this many days after the deal
        /// is won"), as a review is due its SLA's hours after it is asked; never before it. Not the win's day at midnight (UTC)
        /// plus the days: that made a contract sent on the third morning of three late, and one due 0 days after the win
        /// overdue before it existed.
        /// </summary>
        public static DateTime DueOn(DateTime wonOn, HandoffTemplate template) => wonOn.AddDays(Math.Max(0, template.DueOffsetDays));

        /// <summary>A handoff's subject: its template's, then the deal's name.</summary>
        public static string SubjectOf(HandoffTemplate template, string dealName) => $"{template.Subject} – {dealName}";

        /// <summary>The alternate-key value of a handoff task: one task per template per deal.</summary>
        public static string KeyFor(Guid opportunityId, Guid templateId) => $"{opportunityId:N}:{templateId:N}";

        /// <summary>The template a handoff key names (<see cref="KeyFor"/>); null when the key is not one CrmCollab writes.
        /// The key keeps it when the template is deleted and the platform clears the task's link to it.</summary>
        public static Guid? TemplateOf(string handoffKey)
        {
            int colon = handoffKey?.IndexOf(':') ?? -1;
            return colon > 0 && Guid.TryParseExact(handoffKey.Substring(colon + 1), "N", out Guid id) ? id : (Guid?)null;
        }

        /// <summary>The active templates that have no task for the deal yet (their key is not among <paramref name="existingKeys"/>), in plan order.</summary>
        public static IReadOnlyList<HandoffTemplate> Missing(Guid opportunityId, IEnumerable<HandoffTemplate> templates, ISet<string> existingKeys) =>
            templates.Where(t => t.IsActive).OrderBy(t => t.Sequence).ThenBy(t => t.Id)
                .Where(t => existingKeys == null || !existingKeys.Contains(KeyFor(opportunityId, t.Id))).ToList();

        /// <summary>
        /// The templates a won deal is judged by: those in force since its latest win or before (<paramref name="lastWonOn"/>;
        /// all when unknown). A step an administrator adds later, or made active (again) later, was not in force at that sale:
        /// nothing handed it off for it, and it does not compete for a place a retired template's handoff holds
        /// (<see cref="TemplatePlace"/>). A template in force at the win, retired and made active again since, is left out too:
        /// one date cannot tell it from one retired at the win (the deal has its handoff, or the win's note says why not).
        /// </summary>
        public static List<HandoffTemplate> InForceBy(IEnumerable<HandoffTemplate> templates, DateTime? lastWonOn) =>
            templates.Where(t => lastWonOn == null || t.InForceFrom == null || t.InForceFrom <= lastWonOn).ToList();

        public static IReadOnlyList<PlannedHandoff> Plan(Guid opportunityId, string dealName, DateTime wonOn,
            IEnumerable<HandoffTemplate> templates, Func<BusinessFunction, OwnerResolution> route, AgreedTerms terms,
            ISet<string> existingKeys)
        {
            if (route == null) throw new ArgumentNullException(nameof(route));
            string snapshot = (terms ?? new AgreedTerms()).ToSnapshot();
            var routed = new Dictionary<BusinessFunction, OwnerResolution>();
            var plan = new List<PlannedHandoff>();
            foreach (HandoffTemplate template in templates.Where(t => t.IsActive).OrderBy(t => t.Sequence).ThenBy(t => t.Id))
            {
                string key = KeyFor(opportunityId, template.Id);
                if (existingKeys != null && existingKeys.Contains(key)) continue;
                if (!routed.TryGetValue(template.Function, out OwnerResolution routing))
                    routed[template.Function] = routing = route(template.Function);
                plan.Add(new PlannedHandoff
                {
                    Template = template,
                    HandoffKey = key,
                    Subject = SubjectOf(template, dealName),
                    Description = template.Description,
                    DueOn = DueOn(wonOn, template),
                    Routing = routing,
                    AgreedTermsSnapshot = snapshot,
                });
            }
            return plan;
        }
    }
}
