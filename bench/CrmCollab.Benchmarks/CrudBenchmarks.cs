using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Benchmarks
{
    /// <summary>
    /// Create, Retrieve and Update through IOrganizationService, each next to the plain-collection work it cannot
    /// avoid (a dictionary insert of a cloned entity, a dictionary lookup). Goals: Create ≤ 3× its baseline,
    /// Retrieve ≤ 1 µs.
    /// </summary>
    [MemoryDiagnoser]
    public class CrudBenchmarks
    {
        private DataverseEngine _engine;
        private IOrganizationService _service;
        private Guid _existing;
        private readonly Dictionary<Guid, Entity> _dictionary = new Dictionary<Guid, Entity>();
        private readonly ColumnSet _columns = new ColumnSet("name", "accountnumber");
        private int _i;

        [GlobalSetup]
        public void Setup()
        {
            _engine = BenchOrganization.WithThreeUpdateSteps();
            _service = _engine.SystemService;
            _existing = _service.Create(BenchOrganization.Account(0));
            _dictionary[_existing] = BenchOrganization.Account(0);
        }

        [Benchmark(Baseline = true, Description = "baseline: Dictionary insert + clone")]
        public Entity DictionaryInsertClone()
        {
            var source = BenchOrganization.Account(_i++);
            var copy = new Entity(source.LogicalName, Guid.NewGuid());
            foreach (var pair in source.Attributes) copy[pair.Key] = pair.Value;
            _dictionary[copy.Id] = copy;
            return copy;
        }

        [Benchmark(Description = "Create account")]
        public Guid Create() => _service.Create(BenchOrganization.Account(_i++));

        [Benchmark(Description = "baseline: Dictionary lookup")]
        public Entity DictionaryLookup() => _dictionary[_existing];

        [Benchmark(Description = "Retrieve account (2 columns)")]
        public Entity Retrieve() => _service.Retrieve("account", _existing, _columns);

        [Benchmark(Description = "Update account, 3 sync steps")]
        public void UpdateWithThreeSteps() =>
            _service.Update(new Entity("account", _existing) { ["name"] = "Renamed " + (_i++ & 7) });
    }
}
