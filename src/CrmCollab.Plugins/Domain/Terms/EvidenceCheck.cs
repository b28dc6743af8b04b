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

    /// <summary>Which opportunity columns must be filled to enter a stage (crmc_StageRequirements, JSON).</summary>
    public sealed class StageRequirements
    {
        private readonly IReadOnlyDictionary<int, IReadOnlyList<string>> _byStage;

        public StageRequirements(IReadOnlyDictionary<int, IReadOnlyList<string>> byStage)
        {
            _byStage = byStage;
        }

        /// <summary>Columns required on entering <paramref name="stage"/> (and every stage before it) that are empty.</summary>
        public IReadOnlyList<string> Missing(int stage, System.Func<string, bool> isFilled) =>
            ColumnsUpTo(stage).Where(c => !isFilled(c)).ToArray();

        /// <summary>Every column required to enter <paramref name="stage"/>, in the order the stages list them.</summary>
        public IReadOnlyList<string> ColumnsUpTo(int stage) =>
            _byStage.Where(pair => pair.Key <= stage).OrderBy(pair => pair.Key).SelectMany(pair => pair.Value).Distinct().ToArray();

        public IReadOnlyList<string> AllColumns => _byStage.SelectMany(pair => pair.Value).Distinct().ToArray();

        public static string RefusalMessage(string stageLabel, IEnumerable<string> missingLabels) =>
            $"Before moving to {stageLabel}, fill in: {string.Join(", ", missingLabels)}.";
    }

    /// <summary>Accepting a handoff is the owner's commitment: nobody accepts on their behalf.</summary>
    public static class HandoffAcceptance
    {
        public const string Refusal =
            "Only the owner of this handoff (or a member of the team that owns it) can accept it. Reassign it to yourself first if you are taking it over.";
    }
}
