using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Signals
{
    /// <summary>
    /// A deal's originating lead, when a field signal raised it, belongs to deals of the signal's account
    /// (<see cref="SignalAttribution"/>): checked when the lead is set or changed, when the customer of a deal that
    /// names one changes, and at the win, where the signal's team is credited (<see cref="AtWin"/>). Reads nothing for
    /// the other saves, nor for one that sends them again as they are.
    /// </summary>
    public static class OriginatingLeadCheck
    {
        private static readonly string[] Watched = { Opportunity.OriginatingLeadId, Opportunity.CustomerId, Opportunity.ParentAccountId };

        /// <param name="before">The pre-image (null on Create).</param>
        public static Refusal Check(LocalPluginContext context, Entity before, Entity target)
        {
            if (Changes.Of(target, before, Watched).Count == 0) return null; // nothing it looks at changes (sent again as it is, too)
            return Judge(context.SystemService, Values.After<EntityReference>(before, target, Opportunity.OriginatingLeadId)?.Id,
                Values.After<EntityReference>(before, target, Opportunity.CustomerId),
                Values.After<EntityReference>(before, target, Opportunity.ParentAccountId));
        }

        /// <summary>
        /// The deal about to be won (its customer, Account field and originating lead read): the lead may have reached it
        /// where the deal's own steps are not certain to run — a lead qualified into a deal for another customer
        /// (QualifyLead's OpportunityCustomerId: no Microsoft page says it runs the opportunity's Create steps), a
        /// migration that bypassed custom logic. The win is certain to be checked (<see cref="Guards.CloseGuard"/>).
        /// One read, only when the deal names a lead.
        /// </summary>
        public static Refusal AtWin(IOrganizationService service, Entity deal) =>
            Judge(service, deal.RefId(Opportunity.OriginatingLeadId), deal.Read<EntityReference>(Opportunity.CustomerId),
                deal.Read<EntityReference>(Opportunity.ParentAccountId));

        /// <summary>
        /// A merge of two leads (<see cref="SignalAttribution.CheckLeadMerge"/>): one query, the field signals naming either lead
        /// with their account's name; one more, the deals naming the lead merged away, only when a signal raised the lead that stays.
        /// </summary>
        public static Refusal AtLeadMerge(IOrganizationService service, Guid kept, Guid mergedAway)
        {
            var query = new QueryExpression(FieldSignalRow.Table) { ColumnSet = new ColumnSet(FieldSignalRow.LeadId, FieldSignalRow.AccountId) };
            query.Criteria.AddCondition(FieldSignalRow.LeadId, ConditionOperator.In, kept, mergedAway);
            LinkEntity account = query.AddLink(Account.Table, FieldSignalRow.AccountId, Account.Id, JoinOperator.LeftOuter);
            account.EntityAlias = "a";
            account.Columns = new ColumnSet(Account.Name);
            var signals = service.RetrieveMultiple(query).Entities;
            Entity away = signals.FirstOrDefault(s => s.RefId(FieldSignalRow.LeadId) == mergedAway);
            Entity stays = signals.FirstOrDefault(s => s.RefId(FieldSignalRow.LeadId) == kept);
            return SignalAttribution.CheckLeadMerge(away == null ? null : away.Aliased<string>("a." + Account.Name) ?? "",
                stays?.RefId(FieldSignalRow.AccountId), stays?.Aliased<string>("a." + Account.Name), () => DealsNaming(service, mergedAway));
        }

        private static IEnumerable<LeadDeal> DealsNaming(IOrganizationService service, Guid lead)
        {
            var query = new QueryExpression(Opportunity.Table)
            {
                ColumnSet = new ColumnSet(Opportunity.Name, Opportunity.CustomerId, Opportunity.ParentAccountId),
            };
            query.Criteria.AddCondition(Opportunity.OriginatingLeadId, ConditionOperator.Equal, lead);
            foreach (Entity deal in service.RetrieveMultiple(query).Entities)
            {
                EntityReference customer = deal.Read<EntityReference>(Opportunity.CustomerId);
                yield return new LeadDeal(deal.Read<string>(Opportunity.Name), customer?.LogicalName == Account.Table ? customer.Id : (Guid?)null,
                    deal.RefId(Opportunity.ParentAccountId));
            }
        }

        private static Refusal Judge(IOrganizationService service, Guid? lead, EntityReference customer, EntityReference parentAccount)
        {
            if (lead == null) return null;
            var query = new QueryExpression(FieldSignalRow.Table) { ColumnSet = new ColumnSet(FieldSignalRow.AccountId), TopCount = 1 };
            query.Criteria.AddCondition(FieldSignalRow.LeadId, ConditionOperator.Equal, lead.Value);
            LinkEntity account = query.AddLink(Account.Table, FieldSignalRow.AccountId, Account.Id, JoinOperator.LeftOuter);
            account.EntityAlias = "a";
            account.Columns = new ColumnSet(Account.Name);
            Entity signal = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (signal == null) return null; // not a field signal's lead

            return SignalAttribution.CheckOriginatingLead(signal.RefId(FieldSignalRow.AccountId), signal.Aliased<string>("a." + Account.Name),
                customer?.LogicalName == Account.Table ? customer.Id : (Guid?)null, parentAccount?.Id);
        }
    }
}
