namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>What is being attempted on the deal: a stage move, a win, or both.</summary>
    public sealed class GateAttempt
    {
        public int FromStage { get; set; }
        public int ToStage { get; set; }
        public bool Winning { get; set; }

        public string Describe() => Winning ? "be won" : $"enter {SalesStage.Label(ToStage)}";

        /// <summary>
        /// Does this attempt need the reviews of this gate stage? A win, and any move forward that ends at the gate
        /// stage or past it: a deal at the gate stage whose review went back to pending moves on no more than one
        /// before it.
        /// </summary>
        public bool Crosses(int gateStage) => Winning || (ToStage > FromStage && ToStage >= gateStage);
    }
}
