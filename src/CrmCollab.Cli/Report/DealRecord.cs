using System;

namespace CrmCollab.Cli.Report
{
    public sealed class DealRecord
    {
        public Guid Id { get; set; }
        public string Name { get; set; }
        public Guid? OwnerId { get; set; }
        public Guid? AccountId { get; set; }
        public decimal Value { get; set; }
        /// <summary>statecode: 0 open, 1 won, 2 lost.</summary>
        public int State { get; set; }
        public Guid? OriginatingLeadId { get; set; }
    }
}
