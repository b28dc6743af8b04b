using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Emulator.Solution;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Tests.Scenarios;
using Xunit;

namespace CrmCollab.Plugins.Tests.Registration
{
    /// <summary>
    /// Registrations have one source: what each plugin declares with Register(...) (message, table, stage, mode,
    /// filtering attributes, images) must be exactly what solution/SdkMessageProcessingSteps ships, both ways.
    /// </summary>
    public class RegistrationConsistencyTests
    {
        private sealed class ShippedStep
        {
            public string File, Type, Message, Table;
            public int Stage;
            public bool Async;
            public SortedSet<string> Filter;
            public SortedSet<string> Images;
        }

        private static IEnumerable<ShippedStep> Shipped() =>
            Directory.GetFiles(Path.Combine(CrmCollabOrg.SolutionFolder, "SdkMessageProcessingSteps"), "*.xml").Select(file =>
            {
                XElement step = XDocument.Load(file).Root;
                string Text(string name) => (string)step.Element(name);
                return new ShippedStep
                {
                    File = Path.GetFileName(file),
                    Type = Text("PluginTypeName").Split(',')[0].Trim(),
                    Message = SdkMessages.Resolve(Guid.Parse(Text("SdkMessageId")), (string)step.Attribute("Name")),
                    Table = Text("PrimaryEntity"),
                    Stage = int.Parse(Text("Stage")),
                    Async = Text("Mode") == "1",
                    Filter = Set(Text("FilteringAttributes")),
                    Images = new SortedSet<string>(step.Descendants("SdkMessageProcessingStepImage").Select(i =>
                        $"{(string)i.Element("EntityAlias")}:{((string)i.Element("ImageType") == "1" ? "post" : "pre")}:{string.Join(",", Set((string)i.Element("Attributes")))}")),
                };
            });

        private static SortedSet<string> Set(string columns) =>
            new SortedSet<string>((columns ?? "").Split(',').Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0), StringComparer.Ordinal);

        private static IEnumerable<(string Type, RegisteredEvent Event)> Declared() =>
            typeof(PluginBase).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(PluginBase).IsAssignableFrom(t))
                .SelectMany(t => ((PluginBase)Activator.CreateInstance(t, new object[] { null, null })).RegisteredEvents.Select(e => (t.FullName, e)));

        /// <summary>For a step on any BPF table, the table's deal lookup stands where the code says opportunityid.</summary>
        private static SortedSet<string> ForTable(IEnumerable<string> columns, string table, RegisteredEvent declared) =>
            new SortedSet<string>(columns.Select(c => declared.EntityName == null && c == ProcessFlow.OpportunityId && !ProcessFlow.OutOfBoxTables.Contains(table)
                ? ProcessFlow.CustomOpportunityId : c.ToLowerInvariant()), StringComparer.Ordinal);

        private static bool Same(RegisteredEvent declared, ShippedStep step) =>
            ForTable(declared.FilteringAttributes, step.Table, declared).SetEquals(step.Filter)
            && new SortedSet<string>(declared.Images.Select(i => $"{i.Alias}:{(i.IsPost ? "post" : "pre")}:{string.Join(",", ForTable(i.Columns, step.Table, declared))}")).SetEquals(step.Images)
            && declared.IsAsynchronous == step.Async;

        private static bool Matches(string type, RegisteredEvent declared, ShippedStep step) =>
            step.Type == type && string.Equals(step.Message, declared.MessageName, StringComparison.OrdinalIgnoreCase)
            && step.Stage == (int)declared.Stage && (declared.EntityName == null || declared.EntityName == step.Table);

        [Fact]
        public void Every_shipped_step_is_declared_by_its_plugin_with_the_same_mode_filter_and_images()
        {
            var declared = Declared().ToList();
            var problems = new List<string>();
            foreach (ShippedStep step in Shipped())
            {
                var match = declared.Where(d => Matches(d.Type, d.Event, step)).ToList();
                if (match.Count == 0) problems.Add($"{step.File}: {step.Type} {step.Message} of {step.Table} at {step.Stage} has no Register(...) in its plugin");
                else if (!Same(match[0].Event, step))
                    problems.Add($"{step.File}: {step.Type} {step.Message} of {step.Table}: solution has mode {(step.Async ? "async" : "sync")}, " +
                        $"filter [{string.Join(",", step.Filter)}], images [{string.Join(" ", step.Images)}]; the code declares " +
                        $"{(match[0].Event.IsAsynchronous ? "async" : "sync")}, [{string.Join(",", ForTable(match[0].Event.FilteringAttributes, step.Table, match[0].Event))}], " +
                        $"[{string.Join(" ", match[0].Event.Images.Select(i => $"{i.Alias}:{(i.IsPost ? "post" : "pre")}:{string.Join(",", ForTable(i.Columns, step.Table, match[0].Event))}"))}]");
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Every_declared_event_ships_a_step_and_a_shared_guard_covers_each_out_of_box_flow()
        {
            var shipped = Shipped().ToList();
            var problems = new List<string>();
            foreach (var (type, declared) in Declared())
            {
                var steps = shipped.Where(s => Matches(type, declared, s)).ToList();
                if (declared.WithoutStep)
                {
                    if (steps.Count > 0) problems.Add($"{type}: {declared} is declared without a step, but solution/ ships one");
                    continue;
                }
                if (declared.EntityName != null && steps.Count != 1)
                    problems.Add($"{type}: {declared} has {steps.Count} step(s) in solution/, not one");
                if (declared.EntityName == null)
                    foreach (string table in ProcessFlow.OutOfBoxTables.Where(t => steps.All(s => s.Table != t)))
                        problems.Add($"{type}: {declared} has no step on the business process flow table {table}");
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Every_custom_api_a_plugin_implements_ships_naming_that_plugin_and_every_shipped_one_is_implemented()
        {
            XDocument assembly = XDocument.Load(Directory.GetFiles(Path.Combine(CrmCollabOrg.SolutionFolder, "PluginAssemblies"), "*.data.xml", SearchOption.AllDirectories).Single());
            Dictionary<Guid, string> typeById = assembly.Descendants("PluginType")
                .ToDictionary(t => Guid.Parse((string)t.Attribute("PluginTypeId")), t => (string)t.Attribute("Name"));
            Dictionary<string, string> shipped = Directory.GetDirectories(Path.Combine(CrmCollabOrg.SolutionFolder, "customapis"))
                .Select(folder => XDocument.Load(Path.Combine(folder, "customapi.xml")).Root)
                .ToDictionary(api => (string)api.Attribute("uniquename"),
                    api => typeById.TryGetValue(Guid.Parse(((string)api.Element("plugintypeid").Element("plugintypeid")).Trim('{', '}')), out string type) ? type : "(no such plug-in type)",
                    StringComparer.OrdinalIgnoreCase);
            var declared = Declared().Where(d => d.Event.IsCustomApi).ToList();
            var problems = new List<string>();
            foreach (var (type, api) in declared)
            {
                if (!shipped.TryGetValue(api.MessageName, out string shippedType)) problems.Add($"{type}: custom API {api.MessageName} is not in solution/customapis");
                else if (shippedType != type) problems.Add($"{type}: custom API {api.MessageName} names {shippedType} in solution/customapis");
                if (api.Stage != PipelineStage.MainOperation || api.EntityName != null) problems.Add($"{type}: {api} is not a main operation declared for any table (its binding in customapi.xml decides)");
            }
            foreach (string name in shipped.Keys.Where(name => declared.All(d => !string.Equals(d.Event.MessageName, name, StringComparison.OrdinalIgnoreCase))))
                problems.Add($"solution/customapis/{name}: no plug-in declares it (RegisterCustomApi)");
            Assert.NotEmpty(declared);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }
}
