using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>Reads a deal's sales stage from salesstage, or from the process step name ("3-Propose").</summary>
    public static class DealStage
    {
        public static int? Of(Entity deal)
        {
            int? stage = deal.Choice(Opportunity.SalesStage);
            if (stage.HasValue) return stage;
            string step = deal.GetAttributeValue<string>(Opportunity.StepName);
            // The out-of-the-box sales process names its steps "1-Qualify" … "4-Close": step N is stage N − 1.
            if (!string.IsNullOrEmpty(step) && char.IsDigit(step[0]) && step.Length > 1 && step[1] == '-')
                return step[0] - '1';
            return null;
        }

        /// <summary>A business process flow stage's category uses the same numbers as salesstage (0 Qualify … 3 Close).</summary>
        public static int? OfCategory(int? stageCategory) =>
            stageCategory.HasValue && stageCategory.Value >= SalesStage.Qualify && stageCategory.Value <= SalesStage.Close ? stageCategory : null;
    }
}
