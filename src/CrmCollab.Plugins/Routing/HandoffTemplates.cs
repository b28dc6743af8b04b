using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>Reads handoff templates: those in force (what a win hands off) and given ones whatever their state.</summary>
    public sealed class HandoffTemplates
    {
        private static readonly string[] Columns =
        {
            HandoffTemplateRow.Function, HandoffTemplateRow.Subject, HandoffTemplateRow.Description,
            HandoffTemplateRow.DueOffsetDays, HandoffTemplateRow.RequiredEvidence, HandoffTemplateRow.Sequence, CommonColumn.CreatedOn,
            HandoffTemplateRow.InForceSince,
        };

        private readonly IOrganizationService _service;

        public HandoffTemplates(IOrganizationService service) => _service = service;

        /// <summary>The templates in force: flagged active and the record active (one query).</summary>
        public List<HandoffTemplate> InForce()
        {
            var query = new QueryExpression(HandoffTemplateRow.Table) { ColumnSet = new ColumnSet(Columns) };
            Data.InForce.Only(query, HandoffTemplateRow.IsActive);
            return _service.RetrieveMultiple(query).Entities.Select(ToTemplate).ToList();
        }

        /// <summary>The given templates that still exist, in force or retired (one query; none when no id is given).</summary>
        public List<HandoffTemplate> ByIds(IEnumerable<Guid> ids)
        {
            object[] values = ids.Distinct().Cast<object>().ToArray();
            if (values.Length == 0) return new List<HandoffTemplate>();
            var query = new QueryExpression(HandoffTemplateRow.Table) { ColumnSet = new ColumnSet(Columns) };
            query.Criteria.AddCondition(HandoffTemplateRow.Id, ConditionOperator.In, values);
            return _service.RetrieveMultiple(query).Entities.Select(ToTemplate).ToList();
        }

        private static HandoffTemplate ToTemplate(Entity row) => new HandoffTemplate
        {
            Id = row.Id,
            Function = (BusinessFunction)(row.Choice(HandoffTemplateRow.Function) ?? 0),
            Subject = row.Read<string>(HandoffTemplateRow.Subject),
            Description = row.Read<string>(HandoffTemplateRow.Description),
            DueOffsetDays = row.Read<int?>(HandoffTemplateRow.DueOffsetDays) ?? 0,
            RequiredEvidence = CommaList.Parse(row.Read<string>(HandoffTemplateRow.RequiredEvidence)),
            Sequence = row.Read<int?>(HandoffTemplateRow.Sequence) ?? 0,
            HasSequence = row.Read<int?>(HandoffTemplateRow.Sequence) != null,
            CreatedOn = row.Read<DateTime?>(CommonColumn.CreatedOn),
            InForceSince = row.Read<DateTime?>(HandoffTemplateRow.InForceSince),
        };
    }
}
