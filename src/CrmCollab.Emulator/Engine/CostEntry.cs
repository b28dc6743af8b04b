namespace CrmCollab.Emulator.Engine
{
    /// <summary>
    /// One line of a <see cref="CostBreakdown"/>: a request by message and table, or a step by name, with how many times it ran
    /// and its own time and allocations, not counting what ran inside it (each of those has its own line).
    /// </summary>
    public sealed class CostEntry
    {
        internal CostEntry(CostKind kind, string message, string table)
        {
            Kind = kind;
            Message = message;
            Table = table;
        }

        public CostKind Kind { get; }

        /// <summary>The request's message, or the step's name.</summary>
        public string Message { get; }

        /// <summary>The table the request is about (target, query or moniker), or null (a step, or a request about no table).</summary>
        public string Table { get; }

        public long Count { get; internal set; }

        /// <summary>Bytes allocated on the calling thread by this entry itself.</summary>
        public long Bytes { get; internal set; }

        /// <summary>Stopwatch ticks spent in this entry itself.</summary>
        public long Ticks { get; internal set; }

        public double Seconds => Ticks / (double)System.Diagnostics.Stopwatch.Frequency;

        /// <summary>"Update of task", "RetrieveMultiple of crmc_feasibilityrule", or the step's name.</summary>
        public string Label => Table == null ? Message : Message + " of " + Table;
    }
}
