using BenchmarkDotNet.Attributes;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Solution;

namespace CrmCollab.Benchmarks
{
    /// <summary>Boot from solution/ (goal ≤ 200 ms), next to reading the same folder's XML alone.</summary>
    [MemoryDiagnoser]
    public class BootBenchmarks
    {
        [Benchmark(Baseline = true, Description = "baseline: load solution/ definitions only")]
        public object LoadOnly() => SolutionLoader.Load(BenchOrganization.SolutionFolder);

        [Benchmark(Description = "Boot engine from solution/")]
        public DataverseEngine Boot() => DataverseEngine.Boot(BenchOrganization.SolutionFolder);
    }
}
