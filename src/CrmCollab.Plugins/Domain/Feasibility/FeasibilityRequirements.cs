using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>What one function must review on a deal, merged over every rule that asks for it.</summary>
    public sealed class RequiredReview
    {
        public BusinessFunction Function { get; set; }
        /// <summary>The tightest SLA of the rules asking for this function.</summary>
        public int SlaHours { get; set; }
        public IReadOnlyList<string> RelevantColumns { get; set; }
        public IReadOnlyList<string> RuleNames { get; set; }
        /// <summary>The earliest gate stage among those rules.</summary>
        public int GateStage { get; set; }
        /// <summary>The earliest stage at which those rules ask for the review.</summary>
        public int TriggerStage { get; set; }
    }

    /// <summary>Which functions a deal needs reviewed at a stage: one entry per function, however many rules ask.</summary>
    public static class FeasibilityRequirements
    {
        public static IReadOnlyList<RequiredReview> For(DealFacts deal, int stage, DateTime requestedOn, IEnumerable<FeasibilityRule> rules) =>
            rules.Where(r => r.TriggerStage <= stage && r.Applies(deal, requestedOn))
                .GroupBy(r => r.Function)
                .OrderBy(g => g.Key)
                .Select(g => new RequiredReview
                {
                    Function = g.Key,
                    SlaHours = g.Min(r => r.SlaHours),
                    RelevantColumns = g.SelectMany(r => r.RelevantColumns).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                    RuleNames = g.Select(r => r.Name).ToArray(),
                    GateStage = g.Min(r => r.GateStage),
                    TriggerStage = g.Min(r => r.TriggerStage),
                })
                .ToArray();

        /// <summary>
        /// Every function the deal needs at some stage given its facts now (rules at any trigger stage): what the gate
        /// holds a close to, and what keeps a pending review from being stale.
        /// </summary>
        public static IReadOnlyList<RequiredReview> AtAnyStage(DealFacts deal, DateTime now, IEnumerable<FeasibilityRule> rules) =>
            For(deal, SalesStage.Close, now, rules);

        /// <summary>The lowest gate stage of the rules that apply, or null when none applies.</summary>
        public static int? GateStage(DealFacts deal, DateTime requestedOn, IEnumerable<FeasibilityRule> rules)
        {
            var stages = rules.Where(r => r.Applies(deal, requestedOn)).Select(r => r.GateStage).ToList();
            return stages.Count == 0 ? (int?)null : stages.Min();
        }
    }
}
