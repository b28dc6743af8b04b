using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// Refuses a bad feasibility rule at save: unknown or unwatched relevant columns, a gate stage not after the trigger
    /// stage, negative amounts. Registered at PreValidation, where <see cref="TableColumns"/> may probe columns.
    /// </summary>
    public sealed class FeasibilityRuleValidation : PluginBase
    {
        public const string PreImage = "PreImage";

        /// <summary>What a rule is made of: a save changing one of them is validated, on the rule as it will be.</summary>
        private static readonly string[] RuleColumns =
        {
            FeasibilityRuleRow.Function, FeasibilityRuleRow.MinAmount, FeasibilityRuleRow.CustomOnly, FeasibilityRuleRow.MinDiscountPercent,
            FeasibilityRuleRow.MaxLeadDays, FeasibilityRuleRow.IndustryCode, FeasibilityRuleRow.TriggerStage, FeasibilityRuleRow.GateStage,
            FeasibilityRuleRow.SlaHours, FeasibilityRuleRow.RelevantColumns, FeasibilityRuleRow.IsActive,
        };

        public FeasibilityRuleValidation(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreValidation, "Create", FeasibilityRuleRow.Table, Validate);
            Register(PipelineStage.PreValidation, "Update", FeasibilityRuleRow.Table, Validate)
                .Filter(RuleColumns)
                .PreImage(PreImage, RuleColumns);
        }

        private static void Validate(LocalPluginContext context)
        {
            Entity rule = Values.Merge(context.PreImage(PreImage), context.TargetEntity);
            if (!rule.Contains(FeasibilityRuleRow.TriggerStage)) rule[FeasibilityRuleRow.TriggerStage] = new OptionSetValue(SalesStage.Develop);
            if (!rule.Contains(FeasibilityRuleRow.GateStage)) rule[FeasibilityRuleRow.GateStage] = new OptionSetValue(SalesStage.Propose);
            FeasibilityRule parsed = FeasibilityRuleRows.ToRule(rule, null); // its own number: the checks are on its sign
            var typed = parsed.RelevantColumns.Where(c => c != FeasibilityRuleValidator.ProductsToken).ToList();
            var known = new HashSet<string>(typed.Except(TableColumns.Unknown(context, Opportunity.Table, typed)));
            Throw(FeasibilityRuleValidator.CheckRule(parsed, rule.Choice(FeasibilityRuleRow.Function), known));
        }
    }
}
