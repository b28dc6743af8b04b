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
        /// A stage with a sales category (Qualify…Close) is that stage. A custom stage without one is placed by the
        /// process's stage order, never "unknown, let through": it counts as the next sales stage after it in the path
        /// (a stage between Develop and Propose is held like Propose), and never below the furthest sales stage before
        /// it; with no sales stage after it, by its position in the path (first = Qualify … last = Close). A stage
        /// that is not on the path counts as Close (the strictest).
        /// </summary>
        public static int EffectiveStage(Guid stageId, int? category, IReadOnlyList<PathStage> path)
        {
            if (IsSalesStage(category)) return category.Value;
            if (path == null) return SalesStage.Close;
            int index = -1;
            for (int i = 0; i < path.Count; i++) if (path[i].Id == stageId) { index = i; break; }
            if (index < 0) return SalesStage.Close;
            int before = SalesStage.Qualify;
            for (int i = 0; i < index; i++) if (IsSalesStage(path[i].Category)) before = Math.Max(before, path[i].Category.Value);
            for (int i = index + 1; i < path.Count; i++)
                if (IsSalesStage(path[i].Category)) return Math.Max(before, path[i].Category.Value);
            int positional = path.Count <= 1 ? SalesStage.Qualify
                : (int)Math.Round(index * (double)SalesStage.Close / (path.Count - 1), MidpointRounding.AwayFromZero);
            return Math.Max(before, positional);
        }

        public static bool IsSalesStage(int? category) =>
            category.HasValue && category.Value >= SalesStage.Qualify && category.Value <= SalesStage.Close;
    }
}
