using System;
using System.Collections.Concurrent;
using System.Collections.Frozen;
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

        // Registrations are fixed at boot, so each (message, table) selection is computed once: a lookup per operation.
        private readonly ConcurrentDictionary<(string Message, string Table), StepDefinition[]> _selections =
            new ConcurrentDictionary<(string, string), StepDefinition[]>(SelectionKeyComparer.Instance);
        private readonly Func<(string, string), StepDefinition[]> _select;
        // Messages with any step: most operations (reads above all) stop at this one lookup.
        private readonly FrozenSet<string> _messages;

        public StepRegistry(IEnumerable<StepDefinition> steps)
        {
            // Registration order breaks ties of stage and rank.
            _steps = steps.Select((s, i) => (s, i)).OrderBy(x => (int)x.s.Stage).ThenBy(x => x.s.Rank).ThenBy(x => x.i)
                .Select(x => x.s).ToList();
            _select = key => Select(key.Item1, key.Item2);
            _messages = _steps.Select(s => s.MessageName ?? "").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        }

        public IReadOnlyList<StepDefinition> All => _steps;

        /// <summary>True when any step is registered for the message, whatever its table.</summary>
        public bool HasSteps(string message) => _messages.Contains(message ?? "");

        /// <summary>The steps of message + table in execution order; a shared array, never modified.</summary>
        public StepDefinition[] For(string message, string table) =>
            !_messages.Contains(message ?? "") ? Array.Empty<StepDefinition>() : _selections.GetOrAdd((message ?? "", table ?? ""), _select);

        private StepDefinition[] Select(string message, string table)
        {
            var selected = _steps.Where(s => string.Equals(s.MessageName, message, StringComparison.OrdinalIgnoreCase)
                                             && MatchesTable(s, table)).ToArray();
            return selected.Length == 0 ? Array.Empty<StepDefinition>() : selected;
        }

        private static bool MatchesTable(StepDefinition step, string table) =>
            string.IsNullOrEmpty(step.PrimaryEntity) || step.PrimaryEntity == "none" ||
            string.Equals(step.PrimaryEntity, table, StringComparison.Ordinal);

        /// <summary>
        /// Update steps with filtering attributes fire only when one of them is present in the Target (even with
        /// an unchanged value). For UpdateMultiple any target counts.
        /// </summary>
        public bool PassesFilter(StepDefinition step, ParameterCollection input)
        {
            var filtering = step.FilteringAttributes;
            if (filtering.Count == 0) return true;
            if (!_filters.TryGetValue(step, out var set) || !set.Fits(filtering)) _filters[step] = set = new FilterSet(filtering);
            if (input.TryGetValue("Target", out var t) && t is Entity target) return set.AnyIn(target);
            if (input.TryGetValue("Targets", out var ts) && ts is EntityCollection targets)
            {
                foreach (var entity in targets.Entities)
                    if (set.AnyIn(entity)) return true;
                return false;
            }
            return true;
        }

        private readonly ConcurrentDictionary<StepDefinition, FilterSet> _filters =
            new ConcurrentDictionary<StepDefinition, FilterSet>(ReferenceEqualityComparer.Instance);

        /// <summary>
        /// A step's filtering attributes as a set: a Target of a few columns is checked column by column against it
        /// instead of the Target being asked for each of the step's (often thirty) attributes.
        /// </summary>
        private sealed class FilterSet
        {
            private readonly string[] _listed;
            private readonly FrozenSet<string> _set;

            public FilterSet(List<string> attributes)
            {
                _listed = attributes.ToArray();
                _set = _listed.Where(a => a != null).ToFrozenSet(StringComparer.Ordinal);
            }

            /// <summary>True when made from this list as it is (the same names, in order).</summary>
            public bool Fits(List<string> attributes)
            {
                if (attributes.Count != _listed.Length) return false;
                for (int i = 0; i < _listed.Length; i++)
                    if (!ReferenceEquals(attributes[i], _listed[i])) return false;
                return true;
            }

            public bool AnyIn(Entity target)
            {
                var values = target.Attributes;
                if (values.Count >= _listed.Length)
                {
                    foreach (var attribute in _listed)
                        if (attribute != null && values.ContainsKey(attribute)) return true;
                    return false;
                }
                using var pairs = new Store.Pairs(values);
                foreach (var pair in pairs)
                    if (_set.Contains(pair.Key)) return true;
                return false;
            }
        }

        /// <summary>Message names compare case-insensitively (as For always did), table names ordinally.</summary>
        private sealed class SelectionKeyComparer : IEqualityComparer<(string Message, string Table)>
        {
            public static readonly SelectionKeyComparer Instance = new SelectionKeyComparer();

            public bool Equals((string Message, string Table) x, (string Message, string Table) y) =>
                string.Equals(x.Message, y.Message, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Table, y.Table, StringComparison.Ordinal);

            public int GetHashCode((string Message, string Table) key) =>
                HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Message), StringComparer.Ordinal.GetHashCode(key.Table));
        }
    }
}
