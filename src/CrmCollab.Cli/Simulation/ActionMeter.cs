using System;
using CrmCollab.Cli.Report;
using CrmCollab.Emulator.Engine;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>
    /// Runs one user action inside a metrics scope of the engine and logs what the plugins' service calls cost: reads
    /// (Retrieve, RetrieveMultiple), writes (every other message), the gate's reads and the handoff step's calls.
    /// A refused action is logged too: the server did the work before it refused.
    /// </summary>
    public sealed class ActionMeter
    {
        public const string IntoDevelop = "Stage move into Develop (reviews requested)", ThroughGate = "Stage move through the gate (into Propose)",
            IntoClose = "Stage move into Close", Decision = "Review decision", Win = "Win (with its handoffs)",
            CloseHandoff = "Close handoff", RaiseSignal = "Raise signal", AcknowledgeSignal = "Acknowledge signal";

        /// <summary>The step that holds the gate on a stage move (with the stage-data check it runs first).</summary>
        private const string GateStep = "OpportunityGuard", HandoffStep = "HandoffOnWin";
        private readonly DataverseEngine _engine;
        private readonly RunLog _log;

        public ActionMeter(DataverseEngine engine, RunLog log)
        {
            _engine = engine;
            _log = log;
        }

        /// <summary>Runs the action (and, for a win, the asynchronous steps it queued); returns its logged cost.</summary>
        public ActionCost Measure(string action, Action body, bool drainAsync = false)
        {
            var cost = new ActionCost { Action = action };
            using (MetricsScope scope = _engine.Metrics.Scope())
            {
                try
                {
                    body();
                    if (drainAsync) _engine.DrainAsync();
                }
                finally
                {
                    cost.Reads = scope.PluginCallsFor("Retrieve") + scope.PluginCallsFor("RetrieveMultiple");
                    cost.Writes = scope.PluginCalls - cost.Reads;
                    cost.GateReads = scope.PluginCallsByStep(GateStep, "Retrieve") + scope.PluginCallsByStep(GateStep, "RetrieveMultiple");
                    cost.HandoffReads = scope.PluginCallsByStep(HandoffStep, "Retrieve") + scope.PluginCallsByStep(HandoffStep, "RetrieveMultiple");
                    cost.HandoffWrites = scope.PluginCallsByStep(HandoffStep) - cost.HandoffReads;
                    _log.Costs.Add(cost);
                }
            }
            return cost;
        }
    }
}
