using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Benchmarks
{
    /// <summary>
    /// Create through IOrganizationService next to what a store cannot avoid: inserting a copy of the row into a
    /// dictionary. Every iteration starts from an empty table and an empty dictionary and inserts 10,000 rows, so both
    /// sides grow to the same size and the ratio compares work, not ever-growing heaps. Goal (issue 18): Create ≤ 1.5× its
    /// baseline.
    /// </summary>
    [MemoryDiagnoser]
    [InvocationCount(RowsPerIteration)]
    public class CreateBenchmarks
    {
        private const int RowsPerIteration = 10_000;
        private IOrganizationService _service;
        private Dictionary<Guid, Entity> _dictionary;
        private int _i;

        [IterationSetup]
        public void EmptyTables()
        {
            _service = BenchOrganization.WithThreeUpdateSteps().SystemService;
            _dictionary = new Dictionary<Guid, Entity>();
            _i = 0;
        }

        [Benchmark(Baseline = true, Description = "baseline: Dictionary insert + clone")]
        public Entity DictionaryInsertClone()
        {
            Entity source = BenchOrganization.Account(_i++);
            var copy = new Entity(source.LogicalName, Guid.NewGuid());
            foreach (var pair in source.Attributes) copy[pair.Key] = pair.Value;
            _dictionary[copy.Id] = copy;
            return copy;
        }

        [Benchmark(Description = "Create account")]
        public Guid Create() => _service.Create(BenchOrganization.Account(_i++));
    }
}
