using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Kpi;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Cli.Report
{
    /// <summary>
    /// The records the collaboration report reads, through any IOrganizationService (the embedded engine or a real
    /// organisation), each table walked once by pages: reviews, handoffs and signals (as the shared objectives read
    /// them), deals, accounts, handoff templates and the names of people and teams.
    /// </summary>
    public sealed class ReportData
    {
        public KpiInputs Kpis { get; private set; }
        public Dictionary<Guid, DealRecord> Deals { get; private set; }
        public Dictionary<Guid, AccountRecord> Accounts { get; private set; }
        public Dictionary<Guid, TemplateRecord> Templates { get; private set; }
        public Dictionary<Guid, string> People { get; private set; }
        /// <summary>The teams' names: a function's desk may hold reviews, handoffs, deals and accounts.</summary>
        public Dictionary<Guid, string> Teams { get; private set; }

        /// <summary>A user's name; a team's name marked "(team)", so its work is neither "(no one)"'s nor added up with another team's.</summary>
        public string NameOf(Guid? holder) =>
            !holder.HasValue ? "(no one)"
            : People.TryGetValue(holder.Value, out string name) ? name
            : Teams.TryGetValue(holder.Value, out string team) ? $"{team} (team)" : "(no one)";

        /// <summary>
        /// A deal's estimated revenue in the organization's base currency, so deals in different currencies add up: the base
        /// value Dataverse stamps (estimatedvalue / the currency's exchange rate); a deal without one (no currency) as it is.
        /// </summary>
        private static decimal ValueInBase(Entity deal) =>
            (deal.GetAttributeValue<Money>(Opportunity.EstimatedValueBase) ?? deal.GetAttributeValue<Money>(Opportunity.EstimatedValue))?.Value ?? 0m;

        public static ReportData Read(IOrganizationService service)
        {
            var reader = new KpiRepository(service);
            return new ReportData
            {
                Kpis = reader.Read(),
                Deals = reader.All(Query(Opportunity.Table, Opportunity.Name, Opportunity.OwnerId, Opportunity.CustomerId, Opportunity.EstimatedValue,
                        Opportunity.EstimatedValueBase, Opportunity.StateCode, "originatingleadid"), Opportunity.Id)
                    .Select(row => new DealRecord
                    {
                        Id = row.Id, Name = row.GetAttributeValue<string>(Opportunity.Name), OwnerId = row.RefId(Opportunity.OwnerId),
                        AccountId = row.RefId(Opportunity.CustomerId), Value = ValueInBase(row),
                        State = row.Choice(Opportunity.StateCode) ?? 0, OriginatingLeadId = row.RefId("originatingleadid"),
                    }).ToDictionary(d => d.Id),
                Accounts = reader.All(Query(Account.Table, Account.Name, Account.OwnerId, Account.LastSignalOn), Account.Id)
                    .Select(row => new AccountRecord
                    {
                        Id = row.Id, Name = row.GetAttributeValue<string>(Account.Name), OwnerId = row.RefId(Account.OwnerId),
                        LastSignalOn = row.GetAttributeValue<DateTime?>(Account.LastSignalOn),
                    }).ToDictionary(a => a.Id),
                Templates = reader.All(Query(HandoffTemplateRow.Table, HandoffTemplateRow.Subject, HandoffTemplateRow.Function,
                        HandoffTemplateRow.DueOffsetDays, HandoffTemplateRow.Sequence), HandoffTemplateRow.Id)
                    .Select(row => new TemplateRecord
                    {
                        Id = row.Id, Subject = row.GetAttributeValue<string>(HandoffTemplateRow.Subject),
                        Function = (BusinessFunction)(row.Choice(HandoffTemplateRow.Function) ?? 0),
                        DueOffsetDays = row.GetAttributeValue<int?>(HandoffTemplateRow.DueOffsetDays) ?? 0,
                        Sequence = row.GetAttributeValue<int?>(HandoffTemplateRow.Sequence) ?? 0,
                    }).ToDictionary(t => t.Id),
                People = reader.All(Query(SystemUser.Table, SystemUser.FullName), SystemUser.Id)
                    .ToDictionary(row => row.Id, row => row.GetAttributeValue<string>(SystemUser.FullName)),
                Teams = reader.All(Query(Team.Table, Team.Name), Team.Id).ToDictionary(row => row.Id, row => row.GetAttributeValue<string>(Team.Name)),
            };
        }

        private static QueryExpression Query(string table, params string[] columns) => new QueryExpression(table) { ColumnSet = new ColumnSet(columns) };
    }
}
