namespace CrmCollab.Cli.Report
{
    /// <summary>
    /// One row of a breakdown (by function, reviewer, template, owner, signal kind): the key columns that apply and
    /// the figures that apply; the others stay null and are left out of the JSON.
    /// </summary>
    public sealed class GroupFigure
    {
        public string Function { get; set; }
        public string Person { get; set; }
        public string Template { get; set; }
        public string Kind { get; set; }
        public string Bucket { get; set; }
        public int? DueOffsetDays { get; set; }
        public int? Count { get; set; }
        public double? MedianHours { get; set; }
        public double? ValueHeld { get; set; }
        public int? OnTime { get; set; }
        public int? Late { get; set; }
        public int? OpenInTime { get; set; }
        public int? Overdue { get; set; }
        public double? Rate { get; set; }
        public double? Target { get; set; }
        public string Status { get; set; }
        public int? Acknowledged { get; set; }
        public int? BecameLeads { get; set; }
        public int? BecameWonDeals { get; set; }
    }
}
