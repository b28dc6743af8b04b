namespace CrmCollab.Cli.Report
{
    /// <summary>What one user action cost the platform in plugin service calls (from the engine's metrics).</summary>
    public sealed class ActionCost
    {
        public string Action { get; set; }
        public int Reads { get; set; }
        public int Writes { get; set; }
        /// <summary>Reads made by the feasibility gate's steps during the action (a move into Develop also runs them on the
        /// plugins' own status update of the deal).</summary>
        public int GateReads { get; set; }
        /// <summary>Calls of the post-sale handoff step (asynchronous, drained within the action) and the tasks it made.</summary>
        public int HandoffReads { get; set; }
        public int HandoffWrites { get; set; }
        public int HandoffTasks { get; set; }
    }
}
