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
        public static string RepoRoot =>
            typeof(BenchOrganization).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value;

        public static string SolutionFolder => System.IO.Path.Combine(RepoRoot, "solution");

        /// <summary>Built-in tables only, no plugin step: the engine's own cost of each message.</summary>
        public static DataverseEngine WithoutSteps()
        {
            var solution = new SolutionDefinition();
            BuiltInTables.AddTo(solution.Catalog);
            return DataverseEngine.Boot(solution, new EngineOptions());
        }

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
            solution.Roles.Add(SalespersonRole());
            var options = new EngineOptions();
            options.PluginAssemblies.Add(typeof(TouchPlugin).Assembly);
            return DataverseEngine.Boot(solution, options);
        }

        public const string Salesperson = "Bench Salesperson";

        /// <summary>Reads accounts in its business unit, creates and writes its own (as solution/'s Salesperson role).</summary>
        public static RoleDefinition SalespersonRole()
        {
            var role = new RoleDefinition { Id = new Guid("5a1e5a1e-0000-4000-8000-000000000001"), Name = Salesperson };
            role.Privileges[("account", AccessRight.Read)] = PrivilegeDepth.Local;
            role.Privileges[("account", AccessRight.Create)] = PrivilegeDepth.Basic;
            role.Privileges[("account", AccessRight.Write)] = PrivilegeDepth.Basic;
            role.Privileges[("systemuser", AccessRight.Read)] = PrivilegeDepth.Global;
            role.Privileges[("businessunit", AccessRight.Read)] = PrivilegeDepth.Global;
            return role;
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
