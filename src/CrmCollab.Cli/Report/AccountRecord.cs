using System;

namespace CrmCollab.Cli.Report
{
    public sealed class AccountRecord
    {
        public Guid Id { get; set; }
        public string Name { get; set; }
        public Guid? OwnerId { get; set; }
        public DateTime? LastSignalOn { get; set; }
    }
}
