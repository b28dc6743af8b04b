using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Terms
{
    /// <summary>A handoff closes only once its proof is on the record (tracking number, contract number…).</summary>
    public static class EvidenceCheck
    {
        /// <param name="isFilled">Whether a task column holds a value after the change.</param>
        public static IReadOnlyList<string> Missing(IEnumerable<string> requiredColumns, System.Func<string, bool> isFilled) =>
            requiredColumns.Where(column => !isFilled(column)).ToArray();

        public static string RefusalMessage(IEnumerable<string> missingLabels) =>
            $"This handoff cannot be completed yet: fill in {string.Join(", ", missingLabels)} first, so the delivery or contract is traced on the record.";
    }

    /// <summary>Accepting a handoff is the owner's commitment: nobody accepts on their behalf.</summary>
    public static class HandoffAcceptance
    {
        public const string Refusal =
            "Only the owner of this handoff (or a member of the team that owns it) can accept it. Reassign it to yourself first if you are taking it over.";
    }
}
