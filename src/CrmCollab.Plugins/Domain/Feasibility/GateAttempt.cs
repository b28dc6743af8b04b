using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>What is being attempted on the deal: a stage move, a win, or both.</summary>
    public sealed class GateAttempt
    {
        public int FromStage { get; set; }
        public int ToStage { get; set; }
        public bool Winning { get; set; }

        /// <summary>The name of the stage entered as the person sees it (a business process flow's stage, renamed or without
        /// a sales category: "Offer", "Legal check"); null: the sales stage's own name.</summary>
        public string StageName { get; set; }

        public string Describe() => Winning ? "be won" : $"enter {StageName ?? SalesStage.Label(ToStage)}";

        /// <summary>
        /// Does this attempt need the reviews of this gate stage? A win, and any move forward that ends at the gate
        /// stage or past it: a deal at the gate stage whose review went back to pending moves on no more than one
        /// before it.
        /// </summary>
        public bool Crosses(int gateStage) => Winning || (ToStage > FromStage && ToStage >= gateStage);

        /// <summary>
        /// The deal's next move through a gate: from its stage to the nearest gate stage ahead of it among the reviews the
        /// rules require (<see cref="FeasibilityRequirements.AtAnyStage"/>), else one stage on (a move the gate still
        /// checks for the gates behind it); null when no stage is ahead (Close).
        /// </summary>
        public static GateAttempt NextMove(int stage, IEnumerable<RequiredReview> required)
        {
            int? gate = null;
            foreach (RequiredReview review in required)
                if (review.GateStage > stage && (gate == null || review.GateStage < gate)) gate = review.GateStage;
            int to = gate ?? stage + 1;
            return to > SalesStage.Close ? null : new GateAttempt { FromStage = stage, ToStage = to };
        }
    }
}
