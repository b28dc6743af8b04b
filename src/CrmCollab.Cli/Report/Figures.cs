using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Kpi;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Cli.Report
{
    /// <summary>Rounding for reading (hours and days to 0.1, rates to 0.001, money to the unit) and the median.</summary>
    public static class Figures
    {
        public static double? Median(IEnumerable<double> values) => Hours(SharedObjectives.Percentile(values.ToList(), 0.5));

        public static double? Hours(double? hours) => hours.HasValue ? Math.Round(hours.Value, 1) : (double?)null;

        public static double Days(TimeSpan span) => Math.Round(span.TotalDays, 1);

        public static double? Rate(int part, int total) => total == 0 ? (double?)null : Math.Round((double)part / total, 3);

        public static double? Rate(double? rate) => rate.HasValue ? Math.Round(rate.Value, 3) : (double?)null;

        public static double Money(decimal value) => (double)Math.Round(value, 0);

        public static string Label(BusinessFunction function) => function.Label();

        public static string Date(DateTime value) => value.ToString("yyyy-MM-dd");
    }
}
