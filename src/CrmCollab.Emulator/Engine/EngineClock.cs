using System;

namespace CrmCollab.Emulator.Engine
{
    /// <summary>
    /// The organisation's clock. Nothing in the engine reads the wall clock: tests and the simulation move time
    /// explicitly, so every run with the same inputs gives the same records.
    /// </summary>
    public sealed class EngineClock
    {
        private DateTime _utcNow;

        public EngineClock(DateTime startUtc)
        {
            _utcNow = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        }

        public DateTime UtcNow => _utcNow;

        public void Advance(TimeSpan by)
        {
            if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
            _utcNow = _utcNow.Add(by);
        }

        public void Set(DateTime utc)
        {
            utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
            if (utc < _utcNow) throw new ArgumentOutOfRangeException(nameof(utc), "The clock only moves forward.");
            _utcNow = utc;
        }

        /// <summary>A distinct, increasing instant per call within the same tick, so createdon orders are stable.</summary>
        internal DateTime Tick()
        {
            _utcNow = _utcNow.AddTicks(1);
            return _utcNow;
        }
    }
}
