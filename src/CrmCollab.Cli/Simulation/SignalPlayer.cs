using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>
    /// Downstream people see things first: a lead, a competitor, a churn risk, raised to the rep, who acknowledges most
    /// of them (some late, some never) and qualifies half of the leads into a deal.
    /// </summary>
    public sealed class SignalPlayer
    {
        private static readonly int[] Kinds = { 100000000, 100000002, 100000003, 100000004 };
        private readonly SimulatedOrganization _org;
        private readonly Random _random;
        private readonly Outcomes _outcomes;
        private readonly DataverseEngine _engine;

        public SignalPlayer(SimulatedOrganization org)
        {
            _org = org;
            _random = org.Random;
            _outcomes = org.Outcomes;
            _engine = org.Engine;
        }

        public IEnumerable<TimeSpan> Raise(Guid dealId, Guid rep)
        {
            BusinessFunction function = new[] { BusinessFunction.Adv, BusinessFunction.Logistics, BusinessFunction.Sav }[_random.Next(3)];
            Guid raiser = _org.People[function][1 + _random.Next(_org.People[function].Count - 1)];
            EntityReference account = _engine.SystemService.Retrieve("opportunity", dealId, new ColumnSet("customerid")).GetAttributeValue<EntityReference>("customerid");
            int kind = Kinds[_random.Next(Kinds.Length)];
            Guid signal = Guid.Empty;
            if (!_outcomes.Try(() => _org.Meter.Measure(ActionMeter.RaiseSignal, () => signal = _engine.CreateService(raiser).Create(new Entity("crmc_fieldsignal")
            {
                ["crmc_name"] = "Seen on site", ["crmc_accountid"] = account,
                ["crmc_kind"] = new OptionSetValue(kind), ["crmc_description"] = "Heard from the plant manager during commissioning",
                ["crmc_raisedbyfunction"] = new OptionSetValue((int)function),
            })))) yield break;
            _outcomes.Count("Signals raised");
            var lead = _engine.SystemService.Retrieve("crmc_fieldsignal", signal, new ColumnSet("crmc_leadid")).GetAttributeValue<EntityReference>("crmc_leadid");
            if (lead != null && _random.NextDouble() < 0.5) _org.Leads.Enqueue((lead.Id, account.Id));
            if (_random.NextDouble() >= 0.75) yield break; // never acknowledged
            yield return _org.Work(rep, 2, 60);
            if (_outcomes.Try(() => _org.Meter.Measure(ActionMeter.AcknowledgeSignal, () =>
                    _engine.CreateService(rep).Update(new Entity("crmc_fieldsignal", signal) { ["crmc_acknowledgedon"] = _engine.Clock.UtcNow }))))
                _outcomes.Count("Signals acknowledged");
        }
    }
}
