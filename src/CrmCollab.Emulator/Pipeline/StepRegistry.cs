using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Pipeline
{
    /// <summary>The registered steps, selected as the platform selects them: message, table, filtering attributes.</summary>
    internal sealed class StepRegistry
    {
        private readonly List<StepDefinition> _steps;

        public StepRegistry(IEnumerable<StepDefinition> steps)
        {
            // Registration order breaks ties of stage and rank.
            _steps = steps.Select((s, i) => (s, i)).OrderBy(x => (int)x.s.Stage).ThenBy(x => x.s.Rank).ThenBy(x => x.i)
                .Select(x => x.s).ToList();
        }

        public IReadOnlyList<StepDefinition> All => _steps;

        public List<StepDefinition> For(string message, string table) =>
            _steps.Where(s => string.Equals(s.MessageName, message, StringComparison.OrdinalIgnoreCase) && MatchesTable(s, table)).ToList();

        private static bool MatchesTable(StepDefinition step, string table) =>
            string.IsNullOrEmpty(step.PrimaryEntity) || step.PrimaryEntity == "none" ||
            string.Equals(step.PrimaryEntity, table, StringComparison.Ordinal);

        /// <summary>
        /// Update steps with filtering attributes fire only when one of them is present in the Target (even with
        /// an unchanged value). For UpdateMultiple any target counts.
        /// </summary>
        public static bool PassesFilter(StepDefinition step, ParameterCollection input)
        {
            if (step.FilteringAttributes.Count == 0) return true;
            if (input.TryGetValue("Target", out var t) && t is Entity target)
                return step.FilteringAttributes.Any(a => target.Contains(a));
            if (input.TryGetValue("Targets", out var ts) && ts is EntityCollection targets)
                return targets.Entities.Any(e => step.FilteringAttributes.Any(a => e.Contains(a)));
            return true;
        }
    }
}
