using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// Data-quality gate: a deal enters a sales stage only with the columns crmc_StageRequirements lists for it (and
    /// every stage before it) filled, whatever moved it (form, business process flow, API, import).
    /// </summary>
    public static class StageRequirementsCheck
    {
        public static readonly int[] Stages = { SalesStage.Qualify, SalesStage.Develop, SalesStage.Propose, SalesStage.Close };

        /// <param name="before">The pre-image (null on Create).</param>
        public static Refusal Check(LocalPluginContext context, Entity before, Entity target)
        {
            int? stage = DealStage.Of(target);
            if (stage == null || (before != null && DealStage.Of(before) == stage)) return null; // not entering a stage

            StageRequirements requirements;
            try
            {
                requirements = StageRequirementsJson.Parse(EnvironmentVariables.Read(context.SystemService, EnvironmentVariable.StageRequirements), Stages);
            }
            catch (FormatException invalid)
            {
                // Refusing every stage move over a broken setting would stop sales; the setting is validated at save.
                context.Trace("crmc_StageRequirements is unreadable, the gate is skipped: {0}", invalid.Message);
                return null;
            }
            Entity deal = Values.Merge(before, target);
            IReadOnlyList<string> required = requirements.ColumnsUpTo(stage.Value);
            string[] unread = required.Where(c => !deal.Contains(c)).ToArray();
            if (unread.Length > 0 && before != null)
            {
                Entity stored = context.SystemService.Retrieve(Opportunity.Table, target.Id, new ColumnSet(unread));
                foreach (string column in unread) if (stored.Contains(column)) deal[column] = stored[column];
            }
            IReadOnlyList<string> missing = requirements.Missing(stage.Value, deal.IsFilled);
            return missing.Count == 0 ? null
                : new Refusal(RefusalCodes.StageDataMissing, StageRequirements.RefusalMessage(SalesStage.Label(stage.Value), ColumnLabels.Of(missing)));
        }
    }
}
