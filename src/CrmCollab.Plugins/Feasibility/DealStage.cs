using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>Reads a deal's sales stage from salesstage and the process step name ("3-Propose"): <see cref="SalesStage.Of"/>.</summary>
    public static class DealStage
    {
        public static int? Of(Entity deal) =>
            SalesStage.Of(deal.Choice(Opportunity.SalesStage), deal.Read<string>(Opportunity.StepName));

        /// <summary>The stage of the deal as it will be after the change (the change over the pre-image; null: none), without merging them.</summary>
        public static int? After(Entity before, Entity change) =>
            SalesStage.Of(Values.After<OptionSetValue>(before, change, Opportunity.SalesStage)?.Value,
                Values.After<string>(before, change, Opportunity.StepName));

        /// <summary>A business process flow stage's category uses the same numbers as salesstage (0 Qualify … 3 Close).</summary>
        public static int? OfCategory(int? stageCategory) =>
            stageCategory.HasValue && stageCategory.Value >= SalesStage.Qualify && stageCategory.Value <= SalesStage.Close ? stageCategory : null;
    }
}
