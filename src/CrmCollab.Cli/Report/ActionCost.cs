namespace CrmCollab.Cli.Report
{
    /// <summary>What one user action cost the platform in plugin service calls (from the engine's metrics).</summary>
    public sealed class ActionCost
    {
        public string Action { get; set; }
        public int Reads { get; set; }
        public int Writes { get; set; }
        /// <summary>Reads made by the opportunity guard, which holds the feasibility gate, during the action: the stage's
        /// data requirements, the rules the deal can meet, the account's industry when a rule looks at it, the deal's reviews.</summary>
        public int GateReads { get; set; }
        /// <summary>Calls of the post-sale handoff step (asynchronous, drained within the action) and the tasks it made.</summary>
        public int HandoffReads { get; set; }
        public int HandoffWrites { get; set; }
        public int HandoffTasks { get; set; }
    }
}
