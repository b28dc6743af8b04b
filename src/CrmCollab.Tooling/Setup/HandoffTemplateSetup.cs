using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.ServiceModel;
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

        /// <exception cref="InvalidDataException">A sentence naming the file, the template and what to change.</exception>
        public static IReadOnlyList<TemplateData> Read(string path)
        {
            var file = SetupJson.Read<TemplateFile>(path, "handoff templates file");
            string functions = string.Join(", ", Functions.Keys);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < file.Templates.Count; i++)
            {
                TemplateData template = file.Templates[i];
                string where = $"The handoff templates file {path} cannot be used: templates[{i}]";
                if (!Functions.TryGetValue(template.Function, out int function))
                    throw new InvalidDataException($"{where} names function '{template.Function}': use one of {functions}.");
                if (string.IsNullOrWhiteSpace(template.Subject))
                    throw new InvalidDataException($"{where} has an empty subject: give each handoff a subject.");
                if (!seen.Add(function + "|" + template.Subject.Trim()))
                    throw new InvalidDataException($"{where} repeats the {template.Function} template '{template.Subject}': keep one of them or give it another subject.");
            }
            return file.Templates;
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

        /// <summary>Creates the missing templates (one of the same function and subject, in any case, is there); returns how many were created.</summary>
        /// <exception cref="InvalidDataException">The organisation refused a template: its reason, naming the template.</exception>
        public static int Apply(IOrganizationService service, IEnumerable<TemplateData> templates)
        {
            var query = new QueryExpression("crmc_handofftemplate") { ColumnSet = new ColumnSet("crmc_subject", "crmc_function") };
            // The organisation's rule: one function's subjects are told apart as typed, case and the space around them aside.
            var existing = new HashSet<string>(service.RetrieveMultiple(query).Entities
                .Select(e => e.GetAttributeValue<OptionSetValue>("crmc_function")?.Value + "|" + e.GetAttributeValue<string>("crmc_subject")?.Trim()),
                StringComparer.OrdinalIgnoreCase);
            int created = 0;
            foreach (TemplateData template in templates)
            {
                int function = Functions[template.Function];
                if (existing.Contains(function + "|" + template.Subject.Trim())) continue;
                try
                {
                    service.Create(Row(template));
                }
                catch (FaultException<OrganizationServiceFault> refused)
                {
                    // The organisation's own rules (the template step's checks) refused it: its sentence says what to change.
                    throw new InvalidDataException($"The handoff template '{template.Function}: {template.Subject}' was refused: {refused.Detail?.Message ?? refused.Message}");
                }
                created++;
            }
            return created;
        }
    }
}
