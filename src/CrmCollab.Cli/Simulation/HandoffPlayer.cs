using System;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>
    /// After the win: downstream owners accept their handoffs, trace deliveries and contracts, and close them
    /// (some try to close first, as people do); some deals are amended; the field raises signals to the rep.
    /// </summary>
    public sealed class HandoffPlayer
    {
        private readonly SimulatedOrganization _org;
        private readonly Random _random;
        private readonly Outcomes _outcomes;
        private readonly DataverseEngine _engine;

        public HandoffPlayer(SimulatedOrganization org, Outcomes outcomes)
        {
            _org = org;
            _random = org.Random;
            _outcomes = outcomes;
            _engine = org.Engine;
        }

        public void Play(Guid dealId, Guid rep)
        {
            var query = new QueryExpression("task") { ColumnSet = new ColumnSet("ownerid", "crmc_function", "crmc_handofftemplateid") };
            query.Criteria.AddCondition("crmc_opportunityid", ConditionOperator.Equal, dealId);
            LinkEntity template = query.AddLink("crmc_handofftemplate", "crmc_handofftemplateid", "crmc_handofftemplateid");
            template.EntityAlias = "t";
            template.Columns = new ColumnSet("crmc_requiredevidence");
            var tasks = _engine.SystemService.RetrieveMultiple(query).Entities;
            // Downstream people work in parallel: everyone accepts first, then each traces and closes their part.
            foreach (Entity task in tasks)
            {
                _org.Later(1, 12);
                if (_outcomes.Try(() => ServiceOf(task).Update(new Entity("task", task.Id) { ["crmc_acceptedon"] = _engine.Clock.UtcNow })))
                    _outcomes.Count("Handoffs accepted");
            }
            foreach (Entity task in tasks)
            {
                _org.Later(6, 60);
                IOrganizationService service = ServiceOf(task);
                if (_random.NextDouble() < 0.1) _outcomes.Try(() => Complete(service, task.Id)); // "to go faster"
                string evidence = (task.GetAttributeValue<AliasedValue>("t.crmc_requiredevidence")?.Value as string) ?? "";
                var traced = new Entity("task", task.Id);
                foreach (string column in CommaList.Parse(evidence))
                    traced[column] = column == "crmc_deliveredon" ? (object)_engine.Clock.UtcNow.Date : $"REF-{_random.Next(100000, 999999)}";
                if (traced.Attributes.Count > 0) service.Update(traced);
                if (_outcomes.Try(() => Complete(service, task.Id))) _outcomes.Count("Handoffs completed");
            }
            if (_random.NextDouble() < 0.1) Amend(dealId, rep);
            if (_random.NextDouble() < 0.3) RaiseSignal(dealId, rep);
        }

        private IOrganizationService ServiceOf(Entity task)
        {
            EntityReference owner = task.GetAttributeValue<EntityReference>("ownerid");
            return _engine.CreateService(owner?.LogicalName == "systemuser" ? owner.Id : _org.Admin);
        }

        private static void Complete(IOrganizationService service, Guid taskId) =>
            service.Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("task", taskId), State = new OptionSetValue(1), Status = new OptionSetValue(5),
            });

        /// <summary>The customer asks for a better discount after the win: only an approved amendment changes the deal.</summary>
        private void Amend(Guid dealId, Guid rep)
        {
            IOrganizationService sales = _engine.CreateService(rep);
            _outcomes.Try(() => sales.Update(new Entity("opportunity", dealId) { ["crmc_discountpercent"] = 20m })); // refused: locked
            Guid amendment = sales.Create(new Entity("crmc_amendment")
            {
                ["crmc_name"] = "Extra discount", ["crmc_opportunityid"] = new EntityReference("opportunity", dealId),
                ["crmc_newdiscountpercent"] = 20m, ["crmc_reason"] = "Volume commitment for next year",
            });
            sales.Update(new Entity("crmc_amendment", amendment) { ["crmc_state"] = new OptionSetValue(100000001) });
            _org.Later(4, 48);
            if (_outcomes.Try(() => _engine.CreateService(_org.Admin).Update(new Entity("crmc_amendment", amendment) { ["crmc_state"] = new OptionSetValue(100000002) })))
                _outcomes.Count("Amendments applied");
        }

        /// <summary>Downstream people see things first: a lead, a competitor, a churn risk, raised to the rep.</summary>
        private void RaiseSignal(Guid dealId, Guid rep)
        {
            BusinessFunction function = new[] { BusinessFunction.Adv, BusinessFunction.Logistics, BusinessFunction.Sav }[_random.Next(3)];
            Guid raiser = _org.People[function][1 + _random.Next(_org.People[function].Count - 1)];
            Entity deal = _engine.SystemService.Retrieve("opportunity", dealId, new ColumnSet("customerid"));
            int kind = new[] { 100000000, 100000002, 100000003, 100000004 }[_random.Next(4)];
            Guid signal = Guid.Empty;
            if (!_outcomes.Try(() => signal = _engine.CreateService(raiser).Create(new Entity("crmc_fieldsignal")
            {
                ["crmc_name"] = "Seen on site", ["crmc_accountid"] = deal.GetAttributeValue<EntityReference>("customerid"),
                ["crmc_kind"] = new OptionSetValue(kind), ["crmc_description"] = "Heard from the plant manager during commissioning",
                ["crmc_raisedbyfunction"] = new OptionSetValue((int)function),
            }))) return;
            _outcomes.Count("Signals raised");
            _org.Later(2, 72);
            if (_random.NextDouble() < 0.7 && _outcomes.Try(() =>
                    _engine.CreateService(rep).Update(new Entity("crmc_fieldsignal", signal) { ["crmc_acknowledgedon"] = _engine.Clock.UtcNow })))
                _outcomes.Count("Signals acknowledged");
        }
    }
}
