using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>
    /// Many people at work at once: each script (a deal, a review, a handoff, a signal) yields how long it waits before
    /// its next action; the timeline resumes the script that is due first, with the engine's clock set to that moment.
    /// Ties keep the order they were scheduled in, so a seed always plays the same day.
    /// </summary>
    public sealed class Timeline
    {
        private readonly PriorityQueue<IEnumerator<TimeSpan>, (DateTime At, long Order)> _due = new PriorityQueue<IEnumerator<TimeSpan>, (DateTime, long)>();
        private readonly EngineClock _clock;
        private readonly Outcomes _outcomes;
        private long _order;

        public Timeline(EngineClock clock, Outcomes outcomes)
        {
            _clock = clock;
            _outcomes = outcomes;
        }

        public DateTime Now => _clock.UtcNow;

        /// <summary>Starts a script after a wait (zero: at the next turn, after what is already due now).</summary>
        public void Start(IEnumerable<TimeSpan> script, TimeSpan after = default) =>
            _due.Enqueue(script.GetEnumerator(), (_clock.UtcNow + after, _order++));

        /// <summary>Plays every step due up to <paramref name="until"/>; what is due later stays unplayed (work in flight).</summary>
        public void RunUntil(DateTime until)
        {
            while (_due.TryPeek(out _, out var next) && next.At <= until)
            {
                IEnumerator<TimeSpan> script = _due.Dequeue();
                if (next.At > _clock.UtcNow) _clock.Set(next.At);
                bool more = false;
                // A refusal nobody planned for stops that script only, counted under its reason; the run goes on.
                if (!_outcomes.Try(() => more = script.MoveNext())) _outcomes.Count("Scripts stopped by an unplanned refusal");
                else if (more) _due.Enqueue(script, (_clock.UtcNow + script.Current, _order++));
            }
            if (until > _clock.UtcNow) _clock.Set(until);
        }
    }
}
