using System;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// The days on which a dedicated owner row starts or stops deciding its account's routing, for the daily re-routing an
    /// administrator schedules (the Re-route Dedicated Owner Periods custom API): a row routes from its "valid from" day
    /// through its "valid to" day, both Date Only, compared with the UTC date as every routing decision is
    /// (<see cref="DedicatedOwner.IsValidOn"/>). So its account's open work must move on its first day (its successor or
    /// the segment fallback had it until then) and on the day after its last. No plug-in has a timer; these are the days a
    /// scheduled call applies.
    /// </summary>
    public static class OwnerPeriods
    {
        /// <summary>How many days back a call may reach: a year of missed runs, not a replay of the organisation's history.</summary>
        public const int MaxDaysBack = 366;

        /// <summary>The first day a call applies: the day asked for, else yesterday, so that a daily run also catches a day one missed.</summary>
        public static DateTime FirstDay(DateTime? from, DateTime today) => (from ?? today.Date.AddDays(-1)).Date;

        /// <summary>Why the first day asked for cannot be applied (a day to come, or more than a year back); null when it can.</summary>
        public static Refusal CheckFirstDay(DateTime? from, DateTime today)
        {
            if (from == null) return null;
            if (from.Value.Date > today.Date)
                return new Refusal(RefusalCodes.OwnerPeriodDayToCome,
                    $"'From Date' ({from.Value:yyyy-MM-dd}) is after today ({today:yyyy-MM-dd}, UTC): a period that has not started or ended yet moves no work. Leave it empty for yesterday and today, or give a past day.");
            if (from.Value.Date < today.Date.AddDays(-MaxDaysBack))
                return new Refusal(RefusalCodes.OwnerPeriodTooFarBack,
                    $"'From Date' ({from.Value:yyyy-MM-dd}) is more than {MaxDaysBack} days ago. Give a day within the last year: the open work follows today's owners whatever day it starts from.");
            return null;
        }

        /// <summary>
        /// Whether the row's routing changed on a day from <paramref name="firstDay"/> through <paramref name="today"/>: its
        /// first day, or the day after its last, falls in them. A row with neither date changed nothing by the calendar.
        /// </summary>
        public static bool ChangedWithin(DateTime? validFrom, DateTime? validTo, DateTime firstDay, DateTime today)
        {
            DateTime first = firstDay.Date, last = today.Date;
            bool began = validFrom.HasValue && validFrom.Value.Date >= first && validFrom.Value.Date <= last;
            bool ended = validTo.HasValue && validTo.Value.Date < DateTime.MaxValue.Date
                && validTo.Value.Date.AddDays(1) >= first && validTo.Value.Date.AddDays(1) <= last;
            return began || ended;
        }
    }
}
