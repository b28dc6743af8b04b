using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Benchmarks
{
    /// <summary>
    /// Retrieve and Update through IOrganizationService, next to the plain-collection work a read cannot avoid (a
    /// dictionary lookup). Goals: Retrieve ≤ 1 µs (SYSTEM), ≤ 3 µs for a salesperson whose role is checked; a plain
    /// Update (no step registered on the table) allocates ≤ 3 KB per call.
    /// Create has its own class (<see cref="CreateBenchmarks"/>): it grows the table, so it needs bounded iterations.
    /// </summary>
    [MemoryDiagnoser]
    public class CrudBenchmarks
    {
        private DataverseEngine _engine;
        private IOrganizationService _service;
        private Guid _existing;
        private IOrganizationService _plain;
        private Guid _plainExisting;
        private IOrganizationService _salesperson;
        private Guid _salespersonAccount;
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
            _plain = BenchOrganization.WithoutSteps().SystemService;
            _plainExisting = _plain.Create(BenchOrganization.Account(0));

            // A salesperson in a child business unit, reading an account it owns through its role (Read: Local).
            var setup = new OrganizationSetup(_service);
            Guid sales = setup.CreateBusinessUnit("Sales");
            Guid user = setup.CreateUser("Sam Seller", sales, BenchOrganization.Salesperson);
            var owned = BenchOrganization.Account(1);
            owned["ownerid"] = new EntityReference("systemuser", user);
            _salespersonAccount = _service.Create(owned);
            _salesperson = _engine.CreateService(user);
            _salesperson.Retrieve("account", _salespersonAccount, _columns); // fails fast if the role does not grant read
        }

        [Benchmark(Baseline = true, Description = "baseline: Dictionary lookup")]
        public Entity DictionaryLookup() => _dictionary[_existing];

        [Benchmark(Description = "Retrieve account (2 columns)")]
        public Entity Retrieve() => _service.Retrieve("account", _existing, _columns);

        [Benchmark(Description = "Retrieve account as a salesperson")]
        public Entity RetrieveAsSalesperson() => _salesperson.Retrieve("account", _salespersonAccount, _columns);

        [Benchmark(Description = "Update account, no step")]
        public void UpdatePlain() =>
            _plain.Update(new Entity("account", _plainExisting) { ["name"] = "Renamed " + (_i++ & 7) });

        [Benchmark(Description = "Update account, 3 sync steps")]
        public void UpdateWithThreeSteps() =>
            _service.Update(new Entity("account", _existing) { ["name"] = "Renamed " + (_i++ & 7) });
    }
}
