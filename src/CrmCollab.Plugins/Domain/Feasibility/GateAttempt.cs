namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>What is being attempted on the deal: a stage move, a win, or both.</summary>
    public sealed class GateAttempt
    {
        public int FromStage { get; set; }
        public int ToStage { get; set; }
        public bool Winning { get; set; }

        public string Describe() => Winning ? "be won" : $"enter {SalesStage.Label(ToStage)}";

        /// <summary>Does this attempt cross a review's gate stage?</summary>
        public bool Crosses(int gateStage) => Winning || (FromStage < gateStage && ToStage >= gateStage);
    }
}
