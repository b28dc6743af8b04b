using System;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Cli.Report
{
    public sealed class TemplateRecord
    {
        public Guid Id { get; set; }
        public string Subject { get; set; }
        public BusinessFunction Function { get; set; }
        public int DueOffsetDays { get; set; }
        public int Sequence { get; set; }
    }
}
