using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Engine
{
    /// <summary>
    /// Where a run's time and allocations go: by request (message and table), by plug-in step, and by the calls the steps
    /// make. Each entry keeps its own share only, without what ran inside it, so the entries add up to the engine's whole
    /// and a costly step is told apart from the costly query it sends. Diagnostics for the people tuning a solution
    /// (<see cref="EngineMetrics.StartCostBreakdown"/>); it reads the machine's stopwatch and allocation counter, never
    /// the engine's clock, and changes nothing the engine does. One thread at a time, as the engine runs.
    /// </summary>
    public sealed class CostBreakdown
    {
        private readonly Dictionary<(CostKind Kind, string Message, string Table), CostEntry> _entries =
            new Dictionary<(CostKind, string, string), CostEntry>();
        private readonly Stack<Open> _open = new Stack<Open>();

        /// <summary>Every entry so far, the costliest in time first.</summary>
        public IReadOnlyList<CostEntry> Entries => _entries.Values.OrderByDescending(e => e.Ticks).ThenBy(e => e.Label, StringComparer.Ordinal).ToList();

        internal void EnterRequest(OrganizationRequest request, bool fromPlugin)
        {
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            Enter((fromPlugin ? CostKind.PluginCall : CostKind.Request, request.RequestName ?? "", TableOf(request)), bytes);
        }

        internal void EnterStep(string stepName)
        {
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            Enter((CostKind.Step, stepName ?? "", null), bytes);
        }

        private void Enter((CostKind Kind, string Message, string Table) key, long bytes)
        {
            if (!_entries.TryGetValue(key, out CostEntry entry)) _entries[key] = entry = new CostEntry(key.Kind, key.Message, key.Table);
            _open.Push(new Open { Entry = entry, Bytes = bytes, Ticks = Stopwatch.GetTimestamp() });
        }

        /// <summary>Closes the innermost open entry: its own share is its whole less what ran inside it.</summary>
        internal void Exit()
        {
            long ticks = Stopwatch.GetTimestamp(), bytes = GC.GetAllocatedBytesForCurrentThread();
            Open done = _open.Pop();
            long wholeBytes = bytes - done.Bytes, wholeTicks = ticks - done.Ticks;
            done.Entry.Count++;
            done.Entry.Bytes += wholeBytes - done.InnerBytes;
            done.Entry.Ticks += wholeTicks - done.InnerTicks;
            if (_open.Count == 0) return;
            Open parent = _open.Pop();
            parent.InnerBytes += wholeBytes;
            parent.InnerTicks += wholeTicks;
            _open.Push(parent);
        }

        private static string TableOf(OrganizationRequest request)
        {
            foreach (var parameter in request.Parameters)
            {
                switch (parameter.Value)
                {
                    case Entity entity when parameter.Key == "Target": return entity.LogicalName;
                    case EntityReference reference when parameter.Key == "Target" || parameter.Key == "EntityMoniker": return reference.LogicalName;
                    case QueryExpression query: return query.EntityName;
                    case QueryByAttribute query: return query.EntityName;
                    case FetchExpression fetch: return FetchTable.Match(fetch.Query ?? "") is { Success: true } m ? m.Groups[1].Value : null;
                }
            }
            return null;
        }

        private static readonly System.Text.RegularExpressions.Regex FetchTable =
            new System.Text.RegularExpressions.Regex("<entity\\s+name\\s*=\\s*[\"']([^\"']+)[\"']", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private struct Open
        {
            public CostEntry Entry;
            public long Bytes, Ticks, InnerBytes, InnerTicks;
        }
    }
}
