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
        public static IReadOnlyList<RequiredReview> For(DealFacts deal, int stage, DateTime requestedOn, IEnumerable<FeasibilityRule> rules)
        {
            // One review per function whose rules apply, by function: the rules grouped in their order, without a query (the
            // gate and the review request ask this on every save that moves a deal).
            List<FeasibilityRule> applying = null;
            foreach (FeasibilityRule rule in rules)
                if (rule.TriggerStage <= stage && rule.Applies(deal, requestedOn)) (applying ?? (applying = new List<FeasibilityRule>())).Add(rule);
            if (applying == null) return new RequiredReview[0];
            var functions = new List<BusinessFunction>();
            foreach (FeasibilityRule rule in applying) if (!functions.Contains(rule.Function)) functions.Add(rule.Function);
            functions.Sort();
            var required = new RequiredReview[functions.Count];
            for (int i = 0; i < required.Length; i++)
            {
                BusinessFunction function = functions[i];
                var columns = new List<string>();
                var names = new List<string>();
                int sla = int.MaxValue, gate = int.MaxValue, trigger = int.MaxValue;
                foreach (FeasibilityRule rule in applying)
                {
                    if (rule.Function != function) continue;
                    sla = Math.Min(sla, rule.SlaHours);
                    gate = Math.Min(gate, rule.GateStage);
                    trigger = Math.Min(trigger, rule.TriggerStage);
                    names.Add(rule.Name);
                    foreach (string column in rule.RelevantColumns)
                        if (!HasIgnoringCase(columns, column)) columns.Add(column);
                }
                required[i] = new RequiredReview
                {
                    Function = function, SlaHours = sla, RelevantColumns = columns.ToArray(), RuleNames = names.ToArray(), GateStage = gate, TriggerStage = trigger,
                };
            }
            return required;
        }

        private static bool HasIgnoringCase(List<string> columns, string column)
        {
            foreach (string known in columns) if (string.Equals(known, column, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

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
