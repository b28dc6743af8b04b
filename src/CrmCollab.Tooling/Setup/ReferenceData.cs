using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CrmCollab.Emulator.Metadata;
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

        /// <exception cref="InvalidDataException">A sentence naming the file, the rule and what to change.</exception>
        public static IReadOnlyList<RuleData> ReadRules(string path)
        {
            var file = SetupJson.Read<RuleFile>(path, "feasibility rules file");
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < file.Rules.Count; i++)
            {
                RuleData rule = file.Rules[i];
                string where = $"The feasibility rules file {path} cannot be used: rules[{i}]";
                if (string.IsNullOrWhiteSpace(rule.Name))
                    throw new InvalidDataException($"{where} has an empty name: give each rule a name.");
                if (!seen.Add(rule.Name.Trim()))
                    throw new InvalidDataException($"{where} repeats the rule name '{rule.Name}': give each rule its own name.");
                if (!HandoffTemplateSetup.Functions.ContainsKey(rule.Function))
                    throw new InvalidDataException($"{where} ('{rule.Name}') names function '{rule.Function}': use one of {string.Join(", ", HandoffTemplateSetup.Functions.Keys)}.");
                foreach (var stage in new[] { rule.TriggerStage, rule.GateStage }.Where(s => !Stages.ContainsKey(s)))
                    throw new InvalidDataException($"{where} ('{rule.Name}') names stage '{stage}': use one of {string.Join(", ", Stages.Keys)}.");
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

        /// <summary>Refuses a row whose value the solution's column would refuse on import (a number outside the column's
        /// range, text longer than it holds), naming the file, the row and the column as Dataverse shows it.</summary>
        /// <exception cref="InvalidDataException">A sentence an administrator can act on.</exception>
        public static void CheckValues(string what, string path, IEnumerable<Entity> rows, MetadataCatalog catalog)
        {
            foreach (Entity row in rows)
            {
                TableDefinition table = catalog.Table(row.LogicalName);
                foreach (var attribute in row.Attributes)
                {
                    ColumnDefinition column = table?.Column(attribute.Key);
                    if (column == null || attribute.Value == null) continue;
                    string problem = Problem(column, attribute.Value);
                    if (problem != null)
                        throw new InvalidDataException($"The {what} {path} cannot be used: '{Short(row.GetAttributeValue<string>("crmc_name"))}' {problem}.");
                }
            }
        }

        private static string Short(string name) => name == null || name.Length <= 60 ? name : name.Substring(0, 60) + "…";

        private static string Problem(ColumnDefinition column, object value)
        {
            string label = column.DisplayName ?? column.LogicalName;
            if (value is string text)
                return column.MaxLength.HasValue && text.Length > column.MaxLength.Value
                    ? $"has a {label} of {text.Length} characters: keep it to {column.MaxLength.Value}" : null;
            decimal? number = value is int i ? i : value is decimal d ? d : value is Money m ? m.Value : (decimal?)null;
            if (!number.HasValue) return null;
            if ((column.MinValue.HasValue && number.Value < column.MinValue.Value) || (column.MaxValue.HasValue && number.Value > column.MaxValue.Value))
                return $"has {label} {number.Value.ToString(CultureInfo.InvariantCulture)}: give a value " + Range(column.MinValue, column.MaxValue);
            return null;
        }

        /// <summary>"from 0 to 3650", "of at least 0" or "of at most 100": only the bounds the column has.</summary>
        private static string Range(decimal? min, decimal? max)
        {
            string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
            if (min.HasValue && max.HasValue) return $"from {Text(min.Value)} to {Text(max.Value)}";
            return min.HasValue ? $"of at least {Text(min.Value)}" : $"of at most {Text(max.Value)}";
        }

        /// <summary>The same id for the same key in every run and on every machine.</summary>
        public static Guid StableId(string key) => Registration.ProcessFlowSteps.StableId(key);
    }
}
