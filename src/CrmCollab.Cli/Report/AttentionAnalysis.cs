using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;

namespace CrmCollab.Cli.Report
{
    /// <summary>
    /// Which accounts need attention: those with churn-risk signals still unacknowledged (longest waiting first); and
    /// what the field raised, by raising function and kind, with what became a lead and a won deal.
    /// </summary>
    public static class AttentionAnalysis
    {
        public static AttentionSection Build(ReportData data, DateTime now)
        {
            var wonLeads = data.Deals.Values.Where(d => d.State == 1 && d.OriginatingLeadId.HasValue).Select(d => d.OriginatingLeadId.Value).ToHashSet();
            return new AttentionSection
            {
                ChurnRisk = data.Kpis.Signals.Where(s => s.Kind == (int)SignalKind.ChurnRisk && !s.AcknowledgedOn.HasValue && s.AccountId.HasValue)
                    .GroupBy(s => s.AccountId.Value)
                    .Select(g =>
                    {
                        data.Accounts.TryGetValue(g.Key, out AccountRecord account);
                        return new AccountAttention
                        {
                            Account = account?.Name ?? "(account deleted)",
                            Owner = data.NameOf(account?.OwnerId),
                            OpenChurnSignals = g.Count(),
                            DaysUnacknowledged = Figures.Days(now - g.Min(s => s.RaisedOn)),
                            LastSignalOn = Figures.Date(account?.LastSignalOn ?? g.Max(s => s.RaisedOn)),
                        };
                    })
                    .OrderByDescending(a => a.DaysUnacknowledged).ThenBy(a => a.Account, StringComparer.Ordinal).ToList(),
                SignalsByFunctionAndKind = data.Kpis.Signals.GroupBy(s => (s.RaisedBy, s.Kind)).OrderBy(g => g.Key.RaisedBy).ThenBy(g => g.Key.Kind)
                    .Select(g => new GroupFigure
                    {
                        Function = Figures.Label(g.Key.RaisedBy),
                        Kind = g.Key.Kind.HasValue ? FieldSignalRules.Label((SignalKind)g.Key.Kind.Value) : "(none)",
                        Count = g.Count(),
                        Acknowledged = g.Count(s => s.AcknowledgedOn.HasValue),
                        Rate = Figures.Rate(g.Count(s => s.AcknowledgedOn.HasValue), g.Count()),
                        BecameLeads = g.Count(s => s.LeadId.HasValue),
                        BecameWonDeals = g.Count(s => s.LeadId.HasValue && wonLeads.Contains(s.LeadId.Value)),
                    }).ToList(),
            };
        }
    }
}
