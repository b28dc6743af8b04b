using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Newtonsoft.Json;

namespace CrmCollab.Tooling.Setup
{
    /// <summary>
    /// Loads the default handoff templates (setup/handoff-templates.json) into an organisation through any
    /// IOrganizationService. Re-runnable: a template whose subject already exists for its function is left as the
    /// admin edited it.
    /// </summary>
    public static class HandoffTemplateSetup
    {
        internal static readonly Dictionary<string, int> Functions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["Operations"] = 100000000, ["Logistics"] = 100000001, ["Finance"] = 100000002,
            ["ADV"] = 100000003, ["SAV"] = 100000004, ["Engineering"] = 100000005,
        };

        public sealed class TemplateFile
        {
            [JsonProperty("templates", Required = Required.Always)] public List<TemplateData> Templates { get; set; }
        }

        public sealed class TemplateData
        {
            [JsonProperty("function", Required = Required.Always)] public string Function { get; set; }
            [JsonProperty("sequence")] public int Sequence { get; set; }
            [JsonProperty("subject", Required = Required.Always)] public string Subject { get; set; }
            [JsonProperty("description")] public string Description { get; set; }
            [JsonProperty("dueOffsetDays")] public int DueOffsetDays { get; set; }
            [JsonProperty("requiredEvidence")] public string RequiredEvidence { get; set; }
        }

        public static IReadOnlyList<TemplateData> Read(string path)
        {
            var file = ReadJson<TemplateFile>(path, "Handoff template file");
            var unknown = file.Templates.Where(t => !Functions.ContainsKey(t.Function)).Select(t => t.Function).ToList();
            if (unknown.Count > 0)
                throw new InvalidDataException($"{path}: unknown function(s) {string.Join(", ", unknown)}; use {string.Join(", ", Functions.Keys)}.");
            return file.Templates;
        }

        /// <summary>A setup JSON file; a missing file or bad JSON is one sentence naming the file.</summary>
        internal static T ReadJson<T>(string path, string what)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"{what} not found: {path}");
            try
            {
                return JsonConvert.DeserializeObject<T>(File.ReadAllText(path));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}: {e.Message}");
            }
        }

        /// <summary>The crmc_handofftemplate row of a template (active), with a stable id from its function and subject.</summary>
        public static Entity Row(TemplateData template)
        {
            return new Entity("crmc_handofftemplate", ReferenceData.StableId($"crmc_handofftemplate:{template.Function}:{template.Subject}"))
            {
                ["crmc_name"] = $"{template.Function}: {template.Subject}",
                ["crmc_function"] = new OptionSetValue(Functions[template.Function]),
                ["crmc_subject"] = template.Subject,
                ["crmc_description"] = template.Description,
                ["crmc_dueoffsetdays"] = template.DueOffsetDays,
                ["crmc_requiredevidence"] = template.RequiredEvidence,
                ["crmc_sequence"] = template.Sequence,
                ["crmc_isactive"] = true,
            };
        }

        /// <summary>Creates the missing templates; returns how many were created.</summary>
        public static int Apply(IOrganizationService service, IEnumerable<TemplateData> templates)
        {
            var query = new QueryExpression("crmc_handofftemplate") { ColumnSet = new ColumnSet("crmc_subject", "crmc_function") };
            var existing = new HashSet<string>(service.RetrieveMultiple(query).Entities
                .Select(e => e.GetAttributeValue<OptionSetValue>("crmc_function")?.Value + "|" + e.GetAttributeValue<string>("crmc_subject")));
            int created = 0;
            foreach (TemplateData template in templates)
            {
                int function = Functions[template.Function];
                if (existing.Contains(function + "|" + template.Subject)) continue;
                service.Create(Row(template));
                created++;
            }
            return created;
        }
    }
}
