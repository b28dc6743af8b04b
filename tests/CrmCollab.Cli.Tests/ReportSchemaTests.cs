using System;
using System.IO;
using System.Linq;
using CrmCollab.Cli.Report;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    /// <summary>The report's JSON against the schema checked into docs/: camelCase keys, labels, no stray figure.</summary>
    public class ReportSchemaTests : IClassFixture<ReportRunFixture>
    {
        private static readonly JsonSchema Schema = JsonSchema.FromJsonAsync(File.ReadAllText(RepoPaths.Default("docs/simulation-report.schema.json"))).GetAwaiter().GetResult();
        private readonly JObject _json;

        public ReportSchemaTests(ReportRunFixture run)
        {
            run.Report.Run = new RunFacts { Seconds = 1, PlaySeconds = 1, PeakWorkingSetMb = 1 };
            _json = JObject.Parse(ReportJson.Serialize(run.Report));
        }

        [Fact]
        public void The_report_validates_against_the_schema()
        {
            var errors = Schema.Validate(_json.ToString());
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        }

        [Fact]
        public void Keys_are_camel_case_and_functions_are_labels()
        {
            var keys = _json.Descendants().OfType<JProperty>()
                .Where(p => p.Parent?.Parent is not JProperty { Name: "counts" or "refusals" or "handoffsOnTimeRate" }).Select(p => p.Name).Distinct();
            Assert.All(keys, key => Assert.True(char.IsLower(key[0]), $"key '{key}' is not camelCase"));
            Assert.Contains("ADV", _json["lateness"]["handoffsByFunction"].Select(f => (string)f["function"]));
            Assert.DoesNotContain(_json.Descendants().OfType<JValue>(), v => v.Type == JTokenType.String && ((string)v).StartsWith("10000", StringComparison.Ordinal));
        }

        [Fact]
        public void The_schema_refuses_a_figure_it_does_not_know_and_a_function_code()
        {
            var stray = (JObject)_json.DeepClone();
            ((JObject)stray["headline"]).Add("ReviewsDecided", 3);
            Assert.NotEmpty(Schema.Validate(stray.ToString()));

            var code = (JObject)_json.DeepClone();
            code["lateness"]["handoffsByFunction"][0]["function"] = "100000003";
            Assert.NotEmpty(Schema.Validate(code.ToString()));
        }

        [Fact]
        public void Numbers_are_rounded_for_reading()
        {
            foreach (JValue value in _json.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.Float))
            {
                double number = (double)value;
                Assert.True(Math.Abs(number * 1000 - Math.Round(number * 1000)) < 1e-6, $"{value.Path} = {number} has more than three decimals");
            }
        }
    }
}
