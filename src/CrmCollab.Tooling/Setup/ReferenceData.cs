using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Newtonsoft.Json;

namespace CrmCollab.Tooling.Setup
{
    /// <summary>
    /// The reference data an admin imports after the solution, read from setup/: the default handoff templates
    /// (handoff-templates.json) and the example feasibility rules (feasibility-rules.json). Every row has a stable id, so
    /// importing the package again updates the same rows instead of adding copies.
    /// </summary>
    public static class ReferenceData
    {
        public const string TemplatesFile = "handoff-templates.json";
        public const string RulesFile = "feasibility-rules.json";

        private static readonly Dictionary<string, int> Stages = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["Qualify"] = 0, ["Develop"] = 1, ["Propose"] = 2, ["Close"] = 3,
        };

        public sealed class RuleFile
        {
            [JsonProperty("rules", Required = Required.Always)] public List<RuleData> Rules { get; set; }
        }

        public sealed class RuleData
        {
            [JsonProperty("name", Required = Required.Always)] public string Name { get; set; }
            [JsonProperty("function", Required = Required.Always)] public string Function { get; set; }
            [JsonProperty("minAmount")] public decimal? MinAmount { get; set; }
            [JsonProperty("customOnly")] public bool CustomOnly { get; set; }
            [JsonProperty("minDiscountPercent")] public decimal? MinDiscountPercent { get; set; }
            [JsonProperty("triggerStage", Required = Required.Always)] public string TriggerStage { get; set; }
            [JsonProperty("gateStage", Required = Required.Always)] public string GateStage { get; set; }
            [JsonProperty("slaHours")] public int SlaHours { get; set; }
            [JsonProperty("relevantColumns")] public string RelevantColumns { get; set; }
        }

        /// <summary>Every row of the package, in a fixed order (rules, then templates, each as in its file).</summary>
        public static List<Entity> Read(string setupFolder)
        {
            var rows = ReadRules(Path.Combine(setupFolder, RulesFile)).Select(Row).ToList();
            rows.AddRange(HandoffTemplateSetup.Read(Path.Combine(setupFolder, TemplatesFile)).Select(HandoffTemplateSetup.Row));
            return rows;
        }

        public static IReadOnlyList<RuleData> ReadRules(string path)
        {
            var file = HandoffTemplateSetup.ReadJson<RuleFile>(path, "Feasibility rule file");
            foreach (var rule in file.Rules)
            {
                if (!HandoffTemplateSetup.Functions.ContainsKey(rule.Function))
                    throw new InvalidDataException($"{path}: rule '{rule.Name}' names function '{rule.Function}'; use {string.Join(", ", HandoffTemplateSetup.Functions.Keys)}.");
                foreach (var stage in new[] { rule.TriggerStage, rule.GateStage }.Where(s => !Stages.ContainsKey(s)))
                    throw new InvalidDataException($"{path}: rule '{rule.Name}' names stage '{stage}'; use {string.Join(", ", Stages.Keys)}.");
            }
            return file.Rules;
        }

        public static Entity Row(RuleData rule)
        {
            var row = new Entity("crmc_feasibilityrule", StableId($"crmc_feasibilityrule:{rule.Name}"))
            {
                ["crmc_name"] = rule.Name,
                ["crmc_function"] = new OptionSetValue(HandoffTemplateSetup.Functions[rule.Function]),
                ["crmc_customonly"] = rule.CustomOnly,
                ["crmc_triggerstage"] = new OptionSetValue(Stages[rule.TriggerStage]),
                ["crmc_gatestage"] = new OptionSetValue(Stages[rule.GateStage]),
                ["crmc_slahours"] = rule.SlaHours,
                ["crmc_relevantcolumns"] = rule.RelevantColumns,
                ["crmc_isactive"] = true,
            };
            if (rule.MinAmount.HasValue) row["crmc_minamount"] = new Money(rule.MinAmount.Value);
            if (rule.MinDiscountPercent.HasValue) row["crmc_mindiscountpercent"] = rule.MinDiscountPercent.Value;
            return row;
        }

        /// <summary>The same id for the same key in every run and on every machine.</summary>
        public static Guid StableId(string key) => Registration.ProcessFlowSteps.StableId(key);
    }
}
