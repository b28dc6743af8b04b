using System;
using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Kpi
{
    /// <summary>
    /// The records the shared objectives are computed from, read once: a report that also charts reviews and handoffs
    /// reuses them instead of walking the tables a second time.
    /// </summary>
    public sealed class KpiInputs
    {
        public KpiInputs(IReadOnlyList<ReviewRecord> reviews, IReadOnlyList<HandoffRecord> handoffs,
            IReadOnlyList<SignalRecord> signals, int wonDeals, int appliedAmendments)
        {
            Reviews = reviews;
            Handoffs = handoffs;
            Signals = signals;
            WonDeals = wonDeals;
            AppliedAmendments = appliedAmendments;
        }

        public IReadOnlyList<ReviewRecord> Reviews { get; }
        public IReadOnlyList<HandoffRecord> Handoffs { get; }
        public IReadOnlyList<SignalRecord> Signals { get; }
        public int WonDeals { get; }
        public int AppliedAmendments { get; }

        public KpiReport Compute(DateTime now) =>
            SharedObjectives.Compute(Reviews, Handoffs, Signals, WonDeals, AppliedAmendments, now);
    }
}
