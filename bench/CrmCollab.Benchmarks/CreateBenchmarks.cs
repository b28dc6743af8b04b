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

        /// <summary>
        /// The floor under any store that keeps what Dataverse keeps: the baseline's copy with the columns the platform
        /// stamps on every Create of a user-owned table (created and modified on and by, owner, owning user and business
        /// unit, state, status, primary id, version number), its references and choices shared as a store shares them,
        /// before any validation, privilege check, pipeline, transaction or response.
        /// </summary>
        [Benchmark(Description = "floor: clone + the platform's stamped columns")]
        public Entity StampedClone()
        {
            Entity source = BenchOrganization.Account(_i++);
            var copy = new Entity(source.LogicalName, Guid.NewGuid());
            foreach (var pair in source.Attributes) copy[pair.Key] = pair.Value;
            object now = DateTime.UtcNow;
            copy["createdon"] = now;
            copy["modifiedon"] = now;
            copy["createdby"] = Caller;
            copy["modifiedby"] = Caller;
            copy["ownerid"] = Caller;
            copy["owninguser"] = Caller;
            copy["owningbusinessunit"] = Unit;
            copy["statecode"] = Active;
            copy["statuscode"] = ActiveStatus;
            copy["accountid"] = copy.Id;
            long version = ++_version;
            copy["versionnumber"] = version;
            copy.RowVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _dictionary[copy.Id] = copy;
            return copy;
        }

        private static readonly EntityReference Caller = new EntityReference("systemuser", Guid.NewGuid());
        private static readonly EntityReference Unit = new EntityReference("businessunit", Guid.NewGuid());
        private static readonly OptionSetValue Active = new OptionSetValue(0), ActiveStatus = new OptionSetValue(1);
        private long _version;

        [Benchmark(Description = "Create account")]
        public Guid Create() => _service.Create(BenchOrganization.Account(_i++));
    }
}
