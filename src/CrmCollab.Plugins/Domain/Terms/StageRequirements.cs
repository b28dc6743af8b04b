using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Terms
{
    /// <summary>
    /// Which opportunity columns must be filled to enter a stage (crmc_StageRequirements, JSON). Immutable once built:
    /// each listed stage's columns (with every earlier stage's) are worked out here, once, so a stage move only looks
    /// them up.
    /// </summary>
    public sealed class StageRequirements
    {
        private readonly IReadOnlyDictionary<int, IReadOnlyList<string>> _byStage;
        private readonly int[] _stages; // the listed stages, ascending
        private readonly ReadOnlyCollection<string>[] _upTo; // _upTo[i]: the columns to enter _stages[i], in the order the stages list them

        public StageRequirements(IReadOnlyDictionary<int, IReadOnlyList<string>> byStage)
        {
            _byStage = byStage;
            _stages = byStage.Keys.OrderBy(stage => stage).ToArray();
            _upTo = new ReadOnlyCollection<string>[_stages.Length];
            var columns = new List<string>();
            for (int i = 0; i < _stages.Length; i++)
            {
                foreach (string column in byStage[_stages[i]]) if (!columns.Contains(column)) columns.Add(column);
                _upTo[i] = Array.AsReadOnly(columns.ToArray());
            }
        }

        /// <summary>Columns required on entering <paramref name="stage"/> (and every stage before it) that are empty.</summary>
        public IReadOnlyList<string> Missing(int stage, Func<string, bool> isFilled)
        {
            IReadOnlyList<string> required = ColumnsUpTo(stage);
            List<string> missing = null;
            foreach (string column in required)
            {
                if (isFilled(column)) continue;
                (missing ?? (missing = new List<string>(required.Count))).Add(column);
            }
            return missing ?? (IReadOnlyList<string>)Array.Empty<string>();
        }

        /// <summary>Every column required to enter <paramref name="stage"/>, in the order the stages list them.</summary>
        public IReadOnlyList<string> ColumnsUpTo(int stage)
        {
            int last = -1;
            for (int i = 0; i < _stages.Length && _stages[i] <= stage; i++) last = i;
            return last < 0 ? (IReadOnlyList<string>)Array.Empty<string>() : _upTo[last];
        }

        public IReadOnlyList<string> AllColumns => _byStage.SelectMany(pair => pair.Value).Distinct().ToArray();

        public static string RefusalMessage(string stageLabel, IEnumerable<string> missingLabels) =>
            $"Before moving to {stageLabel}, fill in: {string.Join(", ", missingLabels)}.";

        /// <summary>
        /// A win ends the sales process: the deal needs every column the stages ask for up to Close, whichever stage it is won
        /// from (before, a deal won from Develop skipped what Propose asks).
        /// </summary>
        public static string WinRefusalMessage(IEnumerable<string> missingLabels) =>
            $"Before the deal is won, fill in: {string.Join(", ", missingLabels)}.";
    }
}
