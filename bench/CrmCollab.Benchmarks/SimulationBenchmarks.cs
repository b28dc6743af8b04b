using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CrmCollab.Cli.Commands;
using CrmCollab.Cli.Simulation;
using CrmCollab.Tooling.Setup;

namespace CrmCollab.Benchmarks
{
    /// <summary>
    /// What one deal of `crmcollab simulate` costs: the organisation booted from solution/ with the shipped plugins, set
    /// up and played as the command plays it (without the report), reported per deal (time and allocated bytes). Two
    /// sizes show whether a deal costs more in a bigger organisation. The run's own goal (issue 18: 100,000 deals in
    /// 60 s and 2.5 GB) is measured on the command itself (README, Scale); this is the figure that drives it, measured
    /// with the command's collector settings (Server GC, not concurrent). Each iteration is one whole run, so a run of
    /// this class takes about two minutes.
    /// </summary>
    [MemoryDiagnoser]
    [GcServer(true)]
    [GcConcurrent(false)]
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 7)]
    public class SimulationBenchmarks
    {
        private const int Small = 1_000, Large = 4_000, Seed = 42;
        private IReadOnlyList<HandoffTemplateSetup.TemplateData> _templates;

        [GlobalSetup]
        public void ReadTemplates() =>
            _templates = HandoffTemplateSetup.Read(Path.Combine(BenchOrganization.RepoRoot, "setup", "handoff-templates.json"));

        [Benchmark(Baseline = true, OperationsPerInvoke = Small, Description = "Simulate 1,000 deals (per deal)")]
        public SimulatedOrganization ThousandDeals() => Play(Small);

        [Benchmark(OperationsPerInvoke = Large, Description = "Simulate 4,000 deals (per deal)")]
        public SimulatedOrganization FourThousandDeals() => Play(Large);

        private SimulatedOrganization Play(int deals) =>
            SimulationRun.Play(ShippedEngine.Boot(BenchOrganization.SolutionFolder, SimulationRun.OrganizationOptions(Seed)), Seed, deals,
                _templates, new Outcomes());
    }
}
