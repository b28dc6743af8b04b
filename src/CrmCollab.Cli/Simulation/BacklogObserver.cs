using System;
using System.Collections.Generic;
using CrmCollab.Cli.Report;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>
    /// Every Monday morning of the run, counts the open work as the live views show it: pending and overdue reviews,
    /// open and overdue handoffs, unacknowledged signals, deals held at the gate. Each figure is one count aggregate
    /// (<see cref="RowCount"/>), not a read of every row: the backlog grows with the run, and is counted every week.
    /// </summary>
    public sealed class BacklogObserver
    {
        private readonly SimulatedOrganization _org;
        private readonly RowCount _count;

        /// <param name="aggregateLimit">A lower aggregate limit than the platform's (tests: the paging path), or null.</param>
        public BacklogObserver(SimulatedOrganization org, int? aggregateLimit = null)
        {
            _org = org;
            _count = new RowCount(org.Engine.SystemService, aggregateLimit);
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
            var pending = new ConditionExpression(FeasibilityReviewRow.Decision, ConditionOperator.Equal, (int)ReviewDecision.Pending);
            var open = new ConditionExpression(HandoffTask.StateCode, ConditionOperator.Equal, HandoffTask.StateOpen);
            var handoff = new ConditionExpression(HandoffTask.HandoffKey, ConditionOperator.NotNull);
            return new BacklogSnapshot
            {
                At = now,
                ReviewsPending = _count.Of(FeasibilityReviewRow.Table, FeasibilityReviewRow.Id, pending),
                ReviewsOverdue = _count.Of(FeasibilityReviewRow.Table, FeasibilityReviewRow.Id, pending,
                    new ConditionExpression(FeasibilityReviewRow.DueDate, ConditionOperator.LessThan, now)),
                HandoffsOpen = _count.Of(HandoffTask.Table, HandoffTask.Id, open, handoff),
                HandoffsOverdue = _count.Of(HandoffTask.Table, HandoffTask.Id, open, handoff,
                    new ConditionExpression(HandoffTask.ScheduledEnd, ConditionOperator.LessThan, now)),
                SignalsUnacknowledged = _count.Of(FieldSignalRow.Table, FieldSignalRow.Id,
                    new ConditionExpression(FieldSignalRow.AcknowledgedOn, ConditionOperator.Null)),
                DealsBlocked = _org.Log.OpenBlocks.Count,
            };
        }
    }
}
