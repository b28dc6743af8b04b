using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Kpi;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Newtonsoft.Json;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>The figures of a run, as the HTML report and the JSON file show them. Same seed → same figures.</summary>
    public sealed class SimulationReport
    {
        [JsonProperty("seed")] public int Seed { get; set; }
        [JsonProperty("deals")] public int Deals { get; set; }
        [JsonProperty("kpis")] public KpiReport Kpis { get; set; }
        [JsonProperty("counts")] public IReadOnlyDictionary<string, int> Counts { get; set; }
        [JsonProperty("refusals")] public IReadOnlyDictionary<string, int> Refusals { get; set; }
        [JsonProperty("reviewTurnaroundHistogram")] public IReadOnlyList<Bucket> ReviewTurnaround { get; set; }
        [JsonProperty("handoffSlaByFunction")] public IReadOnlyList<SlaFigure> HandoffSla { get; set; }
        [JsonProperty("signalsByKind")] public IReadOnlyDictionary<string, int> SignalsByKind { get; set; }
        [JsonProperty("asyncFailures")] public int AsyncFailures { get; set; }

        /// <summary>Wall-clock facts of this run; kept apart because they differ between runs of the same seed.</summary>
        [JsonProperty("run")] public RunFacts Run { get; set; }

        public sealed class Bucket
        {
            [JsonProperty("label")] public string Label { get; set; }
            [JsonProperty("count")] public int Count { get; set; }
        }

        public sealed class SlaFigure
        {
            [JsonProperty("function")] public string Function { get; set; }
            [JsonProperty("onTime")] public int OnTime { get; set; }
            [JsonProperty("late")] public int Late { get; set; }
        }

        public sealed class RunFacts
        {
            [JsonProperty("seconds")] public double Seconds { get; set; }
            [JsonProperty("playSeconds")] public double PlaySeconds { get; set; }
            [JsonProperty("peakWorkingSetMb")] public double PeakWorkingSetMb { get; set; }
        }

        public static SimulationReport Build(IOrganizationService service, int seed, int deals, Outcomes outcomes, DateTime now, int asyncFailures)
        {
            KpiInputs inputs = new KpiRepository(service).Read();
            var reviews = inputs.Reviews.Where(r => r.DecidedOn.HasValue && r.Decision != ReviewDecision.Invalidated)
                .Select(r => (r.DecidedOn.Value - r.RequestedOn).TotalHours).ToList();
            var handoffs = inputs.Handoffs.Where(h => h.CompletedOn.HasValue).ToList();
            return new SimulationReport
            {
                Seed = seed,
                Deals = deals,
                Kpis = inputs.Compute(now),
                Counts = outcomes.Counts,
                Refusals = outcomes.Refusals,
                ReviewTurnaround = Histogram(reviews, new[] { 4, 8, 24, 48, 96 }),
                HandoffSla = handoffs.GroupBy(h => h.Function).OrderBy(g => g.Key).Select(g => new SlaFigure
                {
                    Function = g.Key.Label(),
                    OnTime = g.Count(h => !h.DueOn.HasValue || h.CompletedOn <= h.DueOn),
                    Late = g.Count(h => h.DueOn.HasValue && h.CompletedOn > h.DueOn),
                }).ToList(),
                SignalsByKind = CountSignalsByKind(service),
                AsyncFailures = asyncFailures,
            };
        }

        private static List<Bucket> Histogram(IReadOnlyCollection<double> hours, int[] edges)
        {
            var buckets = new List<Bucket>();
            int previous = 0;
            foreach (int edge in edges)
            {
                buckets.Add(new Bucket { Label = $"{previous}–{edge} h", Count = hours.Count(h => h >= previous && h < edge) });
                previous = edge;
            }
            buckets.Add(new Bucket { Label = $"≥ {previous} h", Count = hours.Count(h => h >= previous) });
            return buckets;
        }

        /// <summary>An aggregate query, as a report in Dataverse would ask it.</summary>
        private static IReadOnlyDictionary<string, int> CountSignalsByKind(IOrganizationService service)
        {
            var fetch = new FetchExpression(@"<fetch aggregate='true'>
  <entity name='crmc_fieldsignal'>
    <attribute name='crmc_kind' alias='kind' groupby='true' />
    <attribute name='crmc_fieldsignalid' alias='total' aggregate='count' />
  </entity>
</fetch>");
            var result = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (Entity row in service.RetrieveMultiple(fetch).Entities)
            {
                var value = row.GetAttributeValue<AliasedValue>("kind")?.Value as OptionSetValue;
                string kind = value == null ? "unknown" : FieldSignalRules.Label((SignalKind)value.Value);
                result[kind] = (int)row.GetAttributeValue<AliasedValue>("total").Value;
            }
            return result;
        }
    }
}
