using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Tests.Scenarios;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;
using Xunit.Abstractions;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// Many people doing thousands of things, the refused ones included, in a seeded random order, each through
    /// IOrganizationService as that person; after every action the organisation's invariants must hold. The seed and
    /// the size come from CRMC_FUZZ_SEED / CRMC_FUZZ_ACTIONS (defaults keep CI fast); a failure prints the seed and
    /// the last actions, so it can be replayed; CRMC_FUZZ_LOG prints every action and its outcome (on a failure too).
    /// </summary>
    public class RandomOperationsTests
    {
        private readonly ITestOutputHelper _output;

        public RandomOperationsTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> Seeds()
        {
            string seed = Environment.GetEnvironmentVariable("CRMC_FUZZ_SEED");
            if (int.TryParse(seed, out int fixedSeed)) yield return new object[] { fixedSeed };
            else foreach (int s in new[] { 7, 42, 2026 }) yield return new object[] { s };
        }

        [Theory]
        [MemberData(nameof(Seeds))]
        public void Every_invariant_holds_after_every_action_of_many_people(int seed)
        {
            int actions = int.TryParse(Environment.GetEnvironmentVariable("CRMC_FUZZ_ACTIONS"), out int n) ? n : 400;
            var world = new FuzzWorld(seed);
            var log = new List<string>();
            int refused = 0, done = 0;
            for (int i = 0; i < actions; i++)
            {
                FuzzAction action = world.Next();
                TableSnapshot before = world.Snapshot();
                try
                {
                    action.Run();
                    done++;
                    log.Add($"{i}: {action.Name} — done");
                }
                catch (FaultException<OrganizationServiceFault> fault)
                {
                    refused++;
                    log.Add($"{i}: {action.Name} — refused: {fault.Detail?.Message}");
                    Check(seed, log, () => before.AssertUnchanged(world.Org.System));
                }
                catch (Xunit.Sdk.XunitException broken) // an action that checks a promise itself (FeasibilityAnswers)
                {
                    log.Add($"{i}: {action.Name} — broke its promise");
                    Check(seed, log, () => throw broken);
                }
                world.Org.Engine.DrainAsync();
                Check(seed, log, world.AssertInvariants);
            }
            _output.WriteLine($"seed {seed}: {done} done, {refused} refused, {world.WonDeals} won deals");
            if (Environment.GetEnvironmentVariable("CRMC_FUZZ_LOG") != null) foreach (string line in log) _output.WriteLine(line);
            Assert.True(done > actions / 4 && refused > actions / 20, $"seed {seed}: {done} done, {refused} refused — the mix exercises too little");
        }

        private void Check(int seed, List<string> log, Action assertion)
        {
            try
            {
                assertion();
            }
            catch (Exception broken)
            {
                _output.WriteLine($"Invariant broken with seed {seed} (replay: CRMC_FUZZ_SEED={seed}). Last actions:");
                bool whole = Environment.GetEnvironmentVariable("CRMC_FUZZ_LOG") != null; // the whole log when asked for
                foreach (string line in log.Skip(whole ? 0 : Math.Max(0, log.Count - 15))) _output.WriteLine("  " + line);
                throw new Xunit.Sdk.XunitException($"seed {seed}, after '{log.LastOrDefault()}': {broken.Message}");
            }
        }
    }
}
