using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>What a handoff template must respect at save and at delete.</summary>
    public static class HandoffTemplateRules
    {
        /// <param name="unknown">Listed evidence columns tasks do not have.</param>
        /// <param name="unverified">Listed columns CrmCollab could not check (saved inside a batch transaction).</param>
        public static Refusal CheckEvidence(IReadOnlyList<string> unknown, IReadOnlyList<string> unverified)
        {
            if (unknown.Count > 0)
                return new Refusal(RefusalCodes.TemplateUnknownColumn,
                    $"Required Evidence names {string.Join(", ", unknown)}, which tasks do not have, so no handoff made from this template could ever be completed. " +
                    "List the logical names of task columns, e.g. crmc_trackingnumber, crmc_deliveredon.");
            if (unverified.Count > 0)
                return new Refusal(RefusalCodes.TemplateUnknownColumn,
                    $"CrmCollab could not check that tasks have {string.Join(", ", unverified)}: the template was saved inside a batch transaction. Save the template on its own.");
            return null;
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
