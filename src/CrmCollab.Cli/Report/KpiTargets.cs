using Newtonsoft.Json;

namespace CrmCollab.Cli.Report
{
    /// <summary>The defaults are the ones shipped in setup/report-targets.json.</summary>
    public sealed class KpiTargets
    {
        [JsonProperty("reviewTurnaroundMedianHours")] public double ReviewTurnaroundMedianHours { get; set; } = 24;
        [JsonProperty("reviewsWithinSla")] public double ReviewsWithinSla { get; set; } = 0.85;
        [JsonProperty("handoffsOnTime")] public double HandoffsOnTime { get; set; } = 0.9;
        [JsonProperty("signalsAcknowledged")] public double SignalsAcknowledged { get; set; } = 0.8;
        [JsonProperty("winRate")] public double WinRate { get; set; } = 0.5;
        [JsonProperty("signalsConverted")] public double SignalsConverted { get; set; } = 1;

        internal string Problem()
        {
            if (ReviewTurnaroundMedianHours <= 0) return "targets.reviewTurnaroundMedianHours must be more than 0";
            foreach (var (name, rate) in new[] { ("reviewsWithinSla", ReviewsWithinSla), ("handoffsOnTime", HandoffsOnTime),
                         ("signalsAcknowledged", SignalsAcknowledged), ("winRate", WinRate) })
                if (rate <= 0 || rate > 1) return $"targets.{name} must be a rate above 0 and at most 1";
            return SignalsConverted < 0 ? "targets.signalsConverted must be 0 or more" : null;
        }
    }
}
