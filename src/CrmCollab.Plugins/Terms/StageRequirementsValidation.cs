using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// Refuses a crmc_StageRequirements value (or default) that is not the expected JSON, names a stage that does
    /// not exist or a column the opportunity does not have. Columns are probed with a query at PreValidation,
    /// outside the transaction, so the refused probe can be caught; any column admins add later is accepted.
    /// </summary>
    public sealed class StageRequirementsValidation : PluginBase
    {
        public const string PreImage = "PreImage";

        public StageRequirementsValidation(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreValidation, "Create", EnvironmentVariable.ValueTable, OnValue);
            Register(PipelineStage.PreValidation, "Update", EnvironmentVariable.ValueTable, OnValue);
            Register(PipelineStage.PreValidation, "Create", EnvironmentVariable.DefinitionTable, OnDefinition);
            Register(PipelineStage.PreValidation, "Update", EnvironmentVariable.DefinitionTable, OnDefinition);
        }

        private static void OnValue(LocalPluginContext context)
        {
            Entity row = Values.Merge(context.PreImage(PreImage), context.TargetEntity);
            string schema = row.GetAttributeValue<string>(EnvironmentVariable.SchemaName);
            Guid? definition = row.RefId(EnvironmentVariable.DefinitionId);
            if (definition != null && schema == null)
                schema = context.SystemService.Retrieve(EnvironmentVariable.DefinitionTable, definition.Value,
                    new ColumnSet(EnvironmentVariable.SchemaName)).GetAttributeValue<string>(EnvironmentVariable.SchemaName);
            Validate(context, schema, row.GetAttributeValue<string>(EnvironmentVariable.Value));
        }

        private static void OnDefinition(LocalPluginContext context)
        {
            Entity row = Values.Merge(context.PreImage(PreImage), context.TargetEntity);
            Validate(context, row.GetAttributeValue<string>(EnvironmentVariable.SchemaName), row.GetAttributeValue<string>(EnvironmentVariable.DefaultValue));
        }

        private static void Validate(LocalPluginContext context, string schema, string json)
        {
            if (!string.Equals(schema, EnvironmentVariable.StageRequirements, StringComparison.OrdinalIgnoreCase)) return;
            StageRequirements requirements;
            try
            {
                requirements = StageRequirementsJson.Parse(json, StageRequirementsCheck.Stages);
            }
            catch (FormatException invalid)
            {
                throw new InvalidPluginExecutionException("Stage Requirements: " + invalid.Message);
            }
            IReadOnlyList<string> unknown = OpportunityColumns.Unknown(context, requirements.AllColumns);
            if (unknown.Count > 0)
                throw new InvalidPluginExecutionException(
                    $"Stage Requirements: the opportunity has no column {string.Join(", ", unknown)}. Use the columns' logical names (e.g. customerneed, budgetamount).");
        }

        /// <summary>One query for all columns; only when it is refused, one per column to name the culprits.</summary>
    }
}
