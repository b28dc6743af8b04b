using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Kpi;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Data
{
    /// <summary>
    /// Loads the records the shared objectives are computed from (reviews, handoffs, signals, won deals, applied
    /// amendments), every page of each, with only the columns the KPIs read; <see cref="SharedObjectives"/> computes.
    /// </summary>
    public sealed class KpiRepository
    {
        private readonly IOrganizationService _service;
        private readonly int _pageSize;

        public KpiRepository(IOrganizationService service, int pageSize = 5000)
        {
            if (pageSize < 1 || pageSize > 5000) throw new ArgumentOutOfRangeException(nameof(pageSize), "A page holds 1 to 5000 rows.");
            _service = service;
            _pageSize = pageSize;
        }

        public KpiReport Load(DateTime now) => Read().Compute(now);

        /// <summary>Every input of the objectives, each table walked once.</summary>
        public KpiInputs Read() =>
            new KpiInputs(Reviews().ToList(), Handoffs().ToList(), Signals().ToList(), Count(WonDeals()), Count(AppliedAmendments()));

        public IEnumerable<ReviewRecord> Reviews()
        {
            var query = new QueryExpression(FeasibilityReviewRow.Table)
            {
                ColumnSet = new ColumnSet(FeasibilityReviewRow.Function, FeasibilityReviewRow.Decision, FeasibilityReviewRow.CreatedOn,
                    FeasibilityReviewRow.DecidedOn, FeasibilityReviewRow.DueDate, FeasibilityReviewRow.OpportunityId, FeasibilityReviewRow.OwnerId,
                    FeasibilityReviewRow.SupersededBy),
            };
            return All(query, FeasibilityReviewRow.Id).Select(row => new ReviewRecord
            {
                Id = row.Id,
                OpportunityId = row.RefId(FeasibilityReviewRow.OpportunityId),
                OwnerId = UserId(row, FeasibilityReviewRow.OwnerId),
                HolderId = row.RefId(FeasibilityReviewRow.OwnerId),
                Function = (BusinessFunction)(row.Choice(FeasibilityReviewRow.Function) ?? 0),
                Decision = (ReviewDecision)(row.Choice(FeasibilityReviewRow.Decision) ?? (int)ReviewDecision.Pending),
                RequestedOn = row.Read<DateTime>(FeasibilityReviewRow.CreatedOn),
                DecidedOn = row.Read<DateTime?>(FeasibilityReviewRow.DecidedOn),
                DueOn = row.Read<DateTime?>(FeasibilityReviewRow.DueDate),
                Superseded = row.RefId(FeasibilityReviewRow.SupersededBy) != null,
            });
        }

        /// <summary>
        /// Handoff tasks (those CrmCollab made: they carry a handoff key, a server-owned column that stays when their
        /// template is deleted and its link removed, and names that template); completed on their actual end.
        /// </summary>
        public IEnumerable<HandoffRecord> Handoffs()
        {
            var query = new QueryExpression(HandoffTask.Table)
            {
                ColumnSet = new ColumnSet(HandoffTask.Function, CommonColumn.CreatedOn, HandoffTask.AcceptedOn, HandoffTask.ScheduledEnd,
                    HandoffTask.ActualEnd, HandoffTask.StateCode, CommonColumn.ModifiedOn, HandoffTask.OwnerId, HandoffTask.OpportunityId,
                    HandoffTask.TemplateId, HandoffTask.HandedOffOn, HandoffTask.HandoffKey, HandoffTask.Subject),
            };
            query.Criteria.AddCondition(HandoffTask.HandoffKey, ConditionOperator.NotNull);
            return All(query, HandoffTask.Id).Select(row => new HandoffRecord
            {
                Id = row.Id,
                OpportunityId = row.RefId(HandoffTask.OpportunityId),
                OwnerId = UserId(row, HandoffTask.OwnerId),
                HolderId = row.RefId(HandoffTask.OwnerId),
                // A deleted template's handoffs stay apart from another's: its key still names it.
                TemplateId = row.RefId(HandoffTask.TemplateId) ?? HandoffPlanner.TemplateOf(row.Read<string>(HandoffTask.HandoffKey)),
                Subject = row.Read<string>(HandoffTask.Subject),
                Function = (BusinessFunction)(row.Choice(HandoffTask.Function) ?? 0),
                // Handed off again when its deal was won again (a canceled handoff reopened): timed from then, not from the first win.
                CreatedOn = row.Read<DateTime?>(HandoffTask.HandedOffOn) ?? row.Read<DateTime>(CommonColumn.CreatedOn),
                AcceptedOn = row.Read<DateTime?>(HandoffTask.AcceptedOn),
                DueOn = row.Read<DateTime?>(HandoffTask.ScheduledEnd),
                CompletedOn = row.Choice(HandoffTask.StateCode) != HandoffTask.StateCompleted ? null
                    : row.Read<DateTime?>(HandoffTask.ActualEnd) ?? row.Read<DateTime?>(CommonColumn.ModifiedOn),
                Canceled = row.Choice(HandoffTask.StateCode) == HandoffTask.StateCanceled,
            });
        }

        /// <summary>Signals by the raiser's function; one raised by nobody's function has no column in the table.</summary>
        public IEnumerable<SignalRecord> Signals()
        {
            var query = new QueryExpression(FieldSignalRow.Table)
            {
                ColumnSet = new ColumnSet(FieldSignalRow.RaisedByFunction, CommonColumn.CreatedOn, FieldSignalRow.AcknowledgedOn,
                    FieldSignalRow.AccountId, FieldSignalRow.Kind, FieldSignalRow.RaisedBy, FieldSignalRow.LeadId),
            };
            query.Criteria.AddCondition(FieldSignalRow.RaisedByFunction, ConditionOperator.NotNull);
            return All(query, FieldSignalRow.Id).Select(row => new SignalRecord
            {
                Id = row.Id,
                AccountId = row.RefId(FieldSignalRow.AccountId),
                Kind = row.Choice(FieldSignalRow.Kind),
                RaisedById = row.RefId(FieldSignalRow.RaisedBy),
                LeadId = row.RefId(FieldSignalRow.LeadId),
                RaisedBy = (BusinessFunction)row.Choice(FieldSignalRow.RaisedByFunction).Value,
                RaisedOn = row.Read<DateTime>(CommonColumn.CreatedOn),
                AcknowledgedOn = row.Read<DateTime?>(FieldSignalRow.AcknowledgedOn),
            });
        }

        private IEnumerable<Entity> WonDeals()
        {
            var query = new QueryExpression(Opportunity.Table) { ColumnSet = new ColumnSet(Opportunity.Id) };
            query.Criteria.AddCondition(Opportunity.StateCode, ConditionOperator.Equal, Opportunity.StateWon);
            return All(query, Opportunity.Id);
        }

        /// <summary>The applied amendments of deals won now, the deals <see cref="WonDeals"/> counts (a deal reopened since
        /// leaves both).</summary>
        private IEnumerable<Entity> AppliedAmendments()
        {
            var query = new QueryExpression(AmendmentRow.Table) { ColumnSet = new ColumnSet(AmendmentRow.Id) };
            query.Criteria.AddCondition(AmendmentRow.State, ConditionOperator.Equal, (int)AmendmentState.Applied);
            LinkEntity deal = query.AddLink(Opportunity.Table, AmendmentRow.OpportunityId, Opportunity.Id);
            deal.LinkCriteria.AddCondition(Opportunity.StateCode, ConditionOperator.Equal, Opportunity.StateWon);
            return All(query, AmendmentRow.Id);
        }

        private static Guid? UserId(Entity row, string column)
        {
            EntityReference owner = row.Read<EntityReference>(column);
            return owner != null && owner.LogicalName == SystemUser.Table ? owner.Id : (Guid?)null;
        }

        /// <summary>Every page, following the paging cookie; ordering by the key keeps pages from overlapping.</summary>
        public IEnumerable<Entity> All(QueryExpression query, string idColumn)
        {
            query.AddOrder(idColumn, OrderType.Ascending);
            return Pages.All(_service, query, _pageSize);
        }

        private static int Count(IEnumerable<Entity> rows) => rows.Count();
    }
}
