using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// Refuses a bad feasibility rule at save: unknown relevant columns, a gate stage not after the trigger stage,
    /// negative amounts. Registered at PreValidation: outside the transaction, a probe query that fails on an unknown
    /// column can be caught without dooming the save.
    /// </summary>
    public sealed class FeasibilityRuleValidation : PluginBase
    {
        public const string PreImage = "PreImage";

        public FeasibilityRuleValidation(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreValidation, "Create", FeasibilityRuleRow.Table, Validate);
            Register(PipelineStage.PreValidation, "Update", FeasibilityRuleRow.Table, Validate);
        }

        private static void Validate(LocalPluginContext context)
        {
            Entity rule = Values.Merge(context.PreImage(PreImage), context.TargetEntity);
            if (!rule.Contains(FeasibilityRuleRow.TriggerStage)) rule[FeasibilityRuleRow.TriggerStage] = new OptionSetValue(SalesStage.Develop);
            if (!rule.Contains(FeasibilityRuleRow.GateStage)) rule[FeasibilityRuleRow.GateStage] = new OptionSetValue(SalesStage.Propose);
            FeasibilityRule parsed = FeasibilityRepository.ToRule(rule);
            var known = new HashSet<string>(parsed.RelevantColumns.Where(c => ExistsOnOpportunity(context.SystemService, c)));
            var problems = FeasibilityRuleValidator.Check(parsed, known).ToList();
            if (rule.Choice(FeasibilityRuleRow.Function) == null) problems.Insert(0, "Choose the function this rule asks to review the deal.");
            if (problems.Count > 0) throw new InvalidPluginExecutionException(string.Join(" ", problems));
        }

        /// <summary>Asks the server itself: a one-column, one-row query fails when the column does not exist.</summary>
        private static bool ExistsOnOpportunity(IOrganizationService service, string column)
        {
            if (column == FeasibilityRuleValidator.ProductsToken) return true;
            try
            {
                service.RetrieveMultiple(new QueryExpression(Opportunity.Table) { ColumnSet = new ColumnSet(column), TopCount = 1 });
                return true;
            }
            catch (FaultException<OrganizationServiceFault>)
            {
                return false;
            }
        }
    }
}
