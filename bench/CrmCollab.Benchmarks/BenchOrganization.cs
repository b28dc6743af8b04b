using System;
using System.Linq;
using System.Reflection;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Benchmarks
{
    /// <summary>Builds the organisations the benchmarks run against.</summary>
    internal static class BenchOrganization
    {
        public static string SolutionFolder =>
            System.IO.Path.Combine(typeof(BenchOrganization).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "RepoRoot").Value, "solution");

        /// <summary>Built-in tables only, plus three synchronous Update steps on account (stages 10, 20, 40).</summary>
        public static DataverseEngine WithThreeUpdateSteps()
        {
            var solution = new SolutionDefinition();
            BuiltInTables.AddTo(solution.Catalog);
            int rank = 1;
            foreach (StepStage stage in new[] { StepStage.PreValidation, StepStage.PreOperation, StepStage.PostOperation })
            {
                var step = new StepDefinition
                {
                    Id = Guid.NewGuid(), Name = $"Bench step {stage}", MessageName = "Update", PrimaryEntity = "account",
                    PluginTypeName = typeof(TouchPlugin).FullName, Stage = stage, Mode = StepMode.Synchronous, Rank = rank++,
                };
                step.FilteringAttributes.Add("name");
                solution.Steps.Add(step);
            }
            var options = new EngineOptions();
            options.PluginAssemblies.Add(typeof(TouchPlugin).Assembly);
            return DataverseEngine.Boot(solution, options);
        }

        public static Entity Account(int i) => new Entity("account") { ["name"] = "Account " + i, ["accountnumber"] = "A-" + (i % 100) };
    }

    /// <summary>The cheapest useful plugin: reads its context and target, as every real step does.</summary>
    public sealed class TouchPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            var target = (Entity)context.InputParameters["Target"];
            if (target.LogicalName != "account") throw new InvalidPluginExecutionException("Unexpected table.");
        }
    }
}
