using System;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>A half-open UTC interval [From, To); a null bound is unbounded.</summary>
    internal readonly struct DateRange
    {
        public DateRange(DateTime? from, DateTime? to) { From = from; To = to; }

        public DateTime? From { get; }
        public DateTime? To { get; }

        public bool Contains(DateTime value) => (From == null || value >= From.Value) && (To == null || value < To.Value);
    }

    /// <summary>
    /// The intervals of Dataverse's relative date operators. Evaluated in UTC (the emulator has no user time zone);
    /// "last" ranges run from the start of the day x units ago up to now, "next" ones from now to the end of the day.
    /// Weeks start on Sunday, as the default organisation settings do.
    /// </summary>
    internal static class DateRanges
    {
        public static bool IsDateOperator(ConditionOperator op) => TakesNoValue(op) || TakesCount(op) || TakesDate(op);

        public static bool TakesNoValue(ConditionOperator op)
        {
            switch (op)
            {
                case ConditionOperator.Today: case ConditionOperator.Yesterday: case ConditionOperator.Tomorrow:
                case ConditionOperator.Last7Days: case ConditionOperator.Next7Days:
                case ConditionOperator.ThisWeek: case ConditionOperator.LastWeek: case ConditionOperator.NextWeek:
                case ConditionOperator.ThisMonth: case ConditionOperator.LastMonth: case ConditionOperator.NextMonth:
                case ConditionOperator.ThisYear: case ConditionOperator.LastYear: case ConditionOperator.NextYear:
                    return true;
                default: return false;
            }
        }

        public static bool TakesCount(ConditionOperator op)
        {
            switch (op)
            {
                case ConditionOperator.LastXHours: case ConditionOperator.NextXHours:
                case ConditionOperator.LastXDays: case ConditionOperator.NextXDays:
                case ConditionOperator.LastXWeeks: case ConditionOperator.NextXWeeks:
                case ConditionOperator.LastXMonths: case ConditionOperator.NextXMonths:
                case ConditionOperator.LastXYears: case ConditionOperator.NextXYears:
                case ConditionOperator.OlderThanXMinutes: case ConditionOperator.OlderThanXHours:
                case ConditionOperator.OlderThanXDays: case ConditionOperator.OlderThanXWeeks:
                case ConditionOperator.OlderThanXMonths: case ConditionOperator.OlderThanXYears:
                    return true;
                default: return false;
            }
        }

        public static bool TakesDate(ConditionOperator op) =>
            op == ConditionOperator.On || op == ConditionOperator.NotOn ||
            op == ConditionOperator.OnOrBefore || op == ConditionOperator.OnOrAfter;

        /// <summary>The interval of an operator; for NotOn the caller negates the On interval.</summary>
        public static DateRange Range(ConditionOperator op, DateTime now, int x, DateTime date)
        {
            DateTime today = now.Date;
            DateTime afterNow = now.AddTicks(1);
            DateTime weekStart = today.AddDays(-(int)today.DayOfWeek);
            DateTime monthStart = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            DateTime yearStart = new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            switch (op)
            {
                case ConditionOperator.Today: return new DateRange(today, today.AddDays(1));
                case ConditionOperator.Yesterday: return new DateRange(today.AddDays(-1), today);
                case ConditionOperator.Tomorrow: return new DateRange(today.AddDays(1), today.AddDays(2));
                case ConditionOperator.Last7Days: return new DateRange(today.AddDays(-7), afterNow);
                case ConditionOperator.Next7Days: return new DateRange(now, today.AddDays(8));
                case ConditionOperator.ThisWeek: return new DateRange(weekStart, weekStart.AddDays(7));
                case ConditionOperator.LastWeek: return new DateRange(weekStart.AddDays(-7), weekStart);
                case ConditionOperator.NextWeek: return new DateRange(weekStart.AddDays(7), weekStart.AddDays(14));
                case ConditionOperator.ThisMonth: return new DateRange(monthStart, monthStart.AddMonths(1));
                case ConditionOperator.LastMonth: return new DateRange(monthStart.AddMonths(-1), monthStart);
                case ConditionOperator.NextMonth: return new DateRange(monthStart.AddMonths(1), monthStart.AddMonths(2));
                case ConditionOperator.ThisYear: return new DateRange(yearStart, yearStart.AddYears(1));
                case ConditionOperator.LastYear: return new DateRange(yearStart.AddYears(-1), yearStart);
                case ConditionOperator.NextYear: return new DateRange(yearStart.AddYears(1), yearStart.AddYears(2));
                case ConditionOperator.LastXHours: return new DateRange(now.AddHours(-x), afterNow);
                case ConditionOperator.NextXHours: return new DateRange(now, now.AddHours(x).AddTicks(1));
                case ConditionOperator.LastXDays: return new DateRange(today.AddDays(-x), afterNow);
                case ConditionOperator.NextXDays: return new DateRange(now, today.AddDays(x + 1));
                case ConditionOperator.LastXWeeks: return new DateRange(today.AddDays(-7 * x), afterNow);
                case ConditionOperator.NextXWeeks: return new DateRange(now, today.AddDays(7 * x + 1));
                case ConditionOperator.LastXMonths: return new DateRange(today.AddMonths(-x), afterNow);
                case ConditionOperator.NextXMonths: return new DateRange(now, today.AddMonths(x).AddDays(1));
                case ConditionOperator.LastXYears: return new DateRange(today.AddYears(-x), afterNow);
                case ConditionOperator.NextXYears: return new DateRange(now, today.AddYears(x).AddDays(1));
                case ConditionOperator.OlderThanXMinutes: return new DateRange(null, now.AddMinutes(-x));
                case ConditionOperator.OlderThanXHours: return new DateRange(null, now.AddHours(-x));
                case ConditionOperator.OlderThanXDays: return new DateRange(null, today.AddDays(-x));
                case ConditionOperator.OlderThanXWeeks: return new DateRange(null, today.AddDays(-7 * x));
                case ConditionOperator.OlderThanXMonths: return new DateRange(null, today.AddMonths(-x));
                case ConditionOperator.OlderThanXYears: return new DateRange(null, today.AddYears(-x));
                case ConditionOperator.On: case ConditionOperator.NotOn: return new DateRange(date.Date, date.Date.AddDays(1));
                case ConditionOperator.OnOrBefore: return new DateRange(null, date.Date.AddDays(1));
                case ConditionOperator.OnOrAfter: return new DateRange(date.Date, null);
                default: throw new ArgumentOutOfRangeException(nameof(op));
            }
        }
    }
}
