using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CrmCollab.Emulator.Engine
{
    /// <summary>
    /// Counts the organization-service calls made by plugins (not by the test or app driving the engine), per
    /// message and overall. Scope() counts only what happens inside a using block.
    /// </summary>
    public sealed class EngineMetrics
    {
        private readonly Dictionary<string, int> _byMessage = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly List<MetricsScope> _scopes = new List<MetricsScope>();

        /// <summary>Plugin service calls since boot or the last Reset.</summary>
        public int PluginCalls { get; private set; }

        /// <summary>Plugin executions (steps run), sync and async.</summary>
        public int PluginExecutions { get; private set; }

        public int PluginCallsFor(string messageName) =>
            _byMessage.TryGetValue(messageName, out var count) ? count : 0;

        public IReadOnlyDictionary<string, int> PluginCallsByMessage => new Dictionary<string, int>(_byMessage);

        public void Reset()
        {
            _byMessage.Clear();
            PluginCalls = 0;
            PluginExecutions = 0;
        }

        /// <summary>Counts from now until the scope is disposed; read its counts any time.</summary>
        public MetricsScope Scope()
        {
            var scope = new MetricsScope(this);
            _scopes.Add(scope);
            return scope;
        }

        internal void RecordPluginCall(string messageName, string stepName)
        {
            PluginCalls++;
            CollectionsMarshal.GetValueRefOrAddDefault(_byMessage, messageName, out _)++; // one lookup per count
            foreach (var scope in _scopes) scope.Add(messageName, stepName);
        }

        internal void RecordPluginExecution()
        {
            PluginExecutions++;
            foreach (var scope in _scopes) scope.Executions++;
        }

        internal void Close(MetricsScope scope) => _scopes.Remove(scope);

        /// <summary>The cost breakdown being kept, or null (the default: the engine then measures nothing).</summary>
        public CostBreakdown CostBreakdown { get; private set; }

        /// <summary>Starts keeping where time and allocations go, by request, step and plug-in call, from now on.</summary>
        public CostBreakdown StartCostBreakdown() => CostBreakdown = new CostBreakdown();

        /// <summary>Stops keeping the breakdown; the one returned by <see cref="StartCostBreakdown"/> keeps its figures.</summary>
        public void StopCostBreakdown() => CostBreakdown = null;
    }

    public sealed class MetricsScope : IDisposable
    {
        private readonly EngineMetrics _owner;
        private readonly Dictionary<string, int> _byMessage = new Dictionary<string, int>(StringComparer.Ordinal);
        // Counted by the step name's instance (each step's one Name string), not its text: a call is counted without
        // hashing a long name. The readers below add up every entry whose text matches, so two instances of one name
        // would still count together.
        private readonly Dictionary<string, int> _byStep = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<(string Step, string Message), int> _byStepAndMessage =
            new Dictionary<(string, string), int>(StepAndMessageComparer.Instance);

        internal MetricsScope(EngineMetrics owner) => _owner = owner;

        public int PluginCalls => _byMessage.Values.Sum();

        public int PluginExecutions { get; internal set; }

        internal int Executions { get => PluginExecutions; set => PluginExecutions = value; }

        public int PluginCallsFor(string messageName) => _byMessage.TryGetValue(messageName, out var count) ? count : 0;

        public IReadOnlyDictionary<string, int> PluginCallsByMessage => new Dictionary<string, int>(_byMessage);

        // Plain loops: the simulation reads a scope after every action it meters.

        /// <summary>Calls made by the steps whose registered name contains the text (e.g. a plugin type name).</summary>
        public int PluginCallsByStep(string stepNameContains)
        {
            int sum = 0;
            foreach (var pair in _byStep)
                if (pair.Key.IndexOf(stepNameContains, StringComparison.Ordinal) >= 0) sum += pair.Value;
            return sum;
        }

        /// <summary>Calls of one message made by the steps whose registered name contains the text.</summary>
        public int PluginCallsByStep(string stepNameContains, string messageName)
        {
            int sum = 0;
            foreach (var pair in _byStepAndMessage)
                if (pair.Key.Message == messageName && pair.Key.Step.IndexOf(stepNameContains, StringComparison.Ordinal) >= 0) sum += pair.Value;
            return sum;
        }

        internal void Add(string messageName, string stepName)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_byMessage, messageName, out _)++;
            string step = stepName ?? "";
            CollectionsMarshal.GetValueRefOrAddDefault(_byStep, step, out _)++;
            CollectionsMarshal.GetValueRefOrAddDefault(_byStepAndMessage, (step, messageName), out _)++;
        }

        public void Dispose() => _owner.Close(this);

        private sealed class StepAndMessageComparer : IEqualityComparer<(string Step, string Message)>
        {
            public static readonly StepAndMessageComparer Instance = new StepAndMessageComparer();

            public bool Equals((string Step, string Message) x, (string Step, string Message) y) =>
                ReferenceEquals(x.Step, y.Step) && string.Equals(x.Message, y.Message, StringComparison.Ordinal);

            public int GetHashCode((string Step, string Message) key) =>
                HashCode.Combine(RuntimeHelpers.GetHashCode(key.Step), StringComparer.Ordinal.GetHashCode(key.Message));
        }
    }
}
