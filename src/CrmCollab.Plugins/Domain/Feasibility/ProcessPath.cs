using System;
using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>One stage of a business process flow's active path, in path order.</summary>
    public sealed class PathStage
    {
        public Guid Id { get; set; }
        /// <summary>processstage.stagecategory (0 Qualify … 3 Close); null for a custom stage without one.</summary>
        public int? Category { get; set; }
    }

    /// <summary>Which sales stage a business process flow stage stands for.</summary>
    public static class ProcessPath
    {
        /// <summary>
        /// A stage with a sales category (Qualify…Close) is that stage. A stage without one sits where the process puts
        /// it: it counts as the furthest sales stage at or before it in the path, so a move past the trigger or gate
        /// stage is a move forward, never "unknown". A stage that is not on the path counts as Close (the strictest).
        /// </summary>
        public static int EffectiveStage(Guid stageId, int? category, IReadOnlyList<PathStage> path)
        {
            if (IsSalesStage(category)) return category.Value;
            if (path == null) return SalesStage.Close;
            int furthest = SalesStage.Qualify;
            foreach (PathStage stage in path)
            {
                if (IsSalesStage(stage.Category) && stage.Category.Value > furthest) furthest = stage.Category.Value;
                if (stage.Id == stageId) return furthest;
            }
            return SalesStage.Close;
        }

        public static bool IsSalesStage(int? category) =>
            category.HasValue && category.Value >= SalesStage.Qualify && category.Value <= SalesStage.Close;
    }
}
