using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Cli.Report;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>
    /// Every Monday morning of the run, counts the open work as the live views show it: pending and overdue reviews,
    /// open and overdue handoffs, unacknowledged signals, deals held at the gate.
    /// </summary>
    public sealed class BacklogObserver
    {
        private readonly SimulatedOrganization _org;
        private readonly KpiRepository _reader;

        public BacklogObserver(SimulatedOrganization org)
        {
            _org = org;
            _reader = new KpiRepository(org.Engine.SystemService);
        }

        public IEnumerable<TimeSpan> Weekly()
        {
            while (true)
            {
                _org.Log.Snapshots.Add(Take());
                yield return TimeSpan.FromDays(7);
            }
        }

        public BacklogSnapshot Take()
        {
            DateTime now = _org.Engine.Clock.UtcNow;
            var reviews = new QueryExpression(FeasibilityReviewRow.Table) { ColumnSet = new ColumnSet(FeasibilityReviewRow.DueDate) };
            reviews.Criteria.AddCondition(FeasibilityReviewRow.Decision, ConditionOperator.Equal, (int)ReviewDecision.Pending);
            var reviewDue = _reader.All(reviews, FeasibilityReviewRow.Id).Select(r => r.GetAttributeValue<DateTime?>(FeasibilityReviewRow.DueDate)).ToList();
            var tasks = new QueryExpression(HandoffTask.Table) { ColumnSet = new ColumnSet(HandoffTask.ScheduledEnd) };
            tasks.Criteria.AddCondition(HandoffTask.StateCode, ConditionOperator.Equal, HandoffTask.StateOpen);
            tasks.Criteria.AddCondition(HandoffTask.TemplateId, ConditionOperator.NotNull);
            var taskDue = _reader.All(tasks, HandoffTask.Id).Select(t => t.GetAttributeValue<DateTime?>(HandoffTask.ScheduledEnd)).ToList();
            var signals = new QueryExpression(FieldSignalRow.Table) { ColumnSet = new ColumnSet(FieldSignalRow.Id) };
            signals.Criteria.AddCondition(FieldSignalRow.AcknowledgedOn, ConditionOperator.Null);
            return new BacklogSnapshot
            {
                At = now,
                ReviewsPending = reviewDue.Count,
                ReviewsOverdue = reviewDue.Count(d => d < now),
                HandoffsOpen = taskDue.Count,
                HandoffsOverdue = taskDue.Count(d => d < now),
                SignalsUnacknowledged = _reader.All(signals, FieldSignalRow.Id).Count(),
                DealsBlocked = _org.Log.OpenBlocks.Count,
            };
        }
    }
}
