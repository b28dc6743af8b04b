using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>
    /// After the win: each downstream owner accepts their handoff, does the work when their queue lets them, traces
    /// deliveries and contracts and closes it (some try to close first, as people do); some deals are amended; the
    /// field raises signals to the rep.
    /// </summary>
    public sealed class HandoffPlayer
    {
        private readonly SimulatedOrganization _org;
        private readonly Random _random;
        private readonly Outcomes _outcomes;
        private readonly DataverseEngine _engine;
        private readonly SignalPlayer _signals;

        public HandoffPlayer(SimulatedOrganization org)
        {
            _org = org;
            _random = org.Random;
            _outcomes = org.Outcomes;
            _engine = org.Engine;
            _signals = new SignalPlayer(org);
        }

        /// <summary>Starts every handoff of the won deal and what follows the win; returns how many handoff tasks it has.</summary>
        public int Start(Guid dealId, Guid rep)
        {
            var query = new QueryExpression("task") { ColumnSet = new ColumnSet("ownerid", "crmc_function", "crmc_handofftemplateid") };
            query.Criteria.AddCondition("crmc_opportunityid", ConditionOperator.Equal, dealId);
            query.AddOrder("createdon", OrderType.Ascending); // as the reviews' (ReviewPlayer): each handoff draws from the seed
            LinkEntity template = query.AddLink("crmc_handofftemplate", "crmc_handofftemplateid", "crmc_handofftemplateid");
            template.EntityAlias = "t";
            template.Columns = new ColumnSet("crmc_requiredevidence");
            var tasks = _engine.SystemService.RetrieveMultiple(query).Entities;
            foreach (Entity task in tasks) _org.Timeline.Start(Work(task), _org.Wait(1, 12));
            if (_random.NextDouble() < 0.1) _org.Timeline.Start(Amend(dealId, rep), _org.Wait(24, 240));
            if (_random.NextDouble() < 0.3) _org.Timeline.Start(_signals.Raise(dealId, rep), _org.Wait(24, 500));
            return tasks.Count;
        }

        private IEnumerable<TimeSpan> Work(Entity task)
        {
            EntityReference owner = task.GetAttributeValue<EntityReference>("ownerid");
            Guid person = owner?.LogicalName == "systemuser" ? owner.Id : _org.Admin;
            IOrganizationService service = _engine.CreateService(person);
            if (_outcomes.Try(() => service.Update(new Entity("task", task.Id) { ["crmc_acceptedon"] = _engine.Clock.UtcNow })))
                _outcomes.Count("Handoffs accepted");
            yield return _org.Work(person, 1, 10);
            if (_random.NextDouble() < 0.1) _outcomes.Try(() => Complete(service, task.Id)); // "to go faster"
            string evidence = (task.GetAttributeValue<AliasedValue>("t.crmc_requiredevidence")?.Value as string) ?? "";
            var traced = new Entity("task", task.Id);
            foreach (string column in CommaList.Parse(evidence))
                traced[column] = column == "crmc_deliveredon" ? (object)_engine.Clock.UtcNow.Date : $"REF-{_random.Next(100000, 999999)}";
            if (traced.Attributes.Count > 0) service.Update(traced);
            if (_outcomes.Try(() => Complete(service, task.Id))) _outcomes.Count("Handoffs completed");
        }

        // The status is saved with an Update, as Microsoft recommends (SetState is deprecated); SetState is guarded the
        // same way and has its own scenarios.
        private void Complete(IOrganizationService service, Guid taskId) =>
            _org.Meter.Measure(ActionMeter.CloseHandoff, () => service.Update(new Entity("task", taskId)
            {
                ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            }));

        /// <summary>The customer asks for a better discount after the win: only an approved amendment changes the deal.</summary>
        private IEnumerable<TimeSpan> Amend(Guid dealId, Guid rep)
        {
            IOrganizationService sales = _engine.CreateService(rep);
            _outcomes.Try(() => sales.Update(new Entity("opportunity", dealId) { ["crmc_discountpercent"] = 20m })); // refused: locked
            Guid amendment = sales.Create(new Entity("crmc_amendment")
            {
                ["crmc_name"] = "Extra discount", ["crmc_opportunityid"] = new EntityReference("opportunity", dealId),
                ["crmc_newdiscountpercent"] = 20m, ["crmc_reason"] = "Volume commitment for next year",
            });
            sales.Update(new Entity("crmc_amendment", amendment) { ["crmc_state"] = new OptionSetValue(100000001) });
            yield return _org.Wait(4, 48);
            if (_outcomes.Try(() => _engine.CreateService(_org.Admin).Update(new Entity("crmc_amendment", amendment) { ["crmc_state"] = new OptionSetValue(100000002) })))
                _outcomes.Count("Amendments applied");
        }
    }
}
