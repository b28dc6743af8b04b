using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace CrmCollab.Cli.Report
{
    /// <summary>The report's JSON: camelCase keys (dictionary keys stay the labels they are), nulls left out, indented.</summary>
    public static class ReportJson
    {
        public static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } },
            NullValueHandling = NullValueHandling.Ignore,
            Formatting = Formatting.Indented,
            DateFormatString = "yyyy-MM-ddTHH:mm:ssZ",
        };

        public static string Serialize(CollaborationReport report) => JsonConvert.SerializeObject(report, Settings);
    }
}
