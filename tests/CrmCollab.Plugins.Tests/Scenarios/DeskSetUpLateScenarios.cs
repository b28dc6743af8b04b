using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Northwind's deliveries have nobody to plan them, so each waits with its salesperson, flagged unrouted. The organisation
    /// then sets up its unrouted desk: the "CrmCollab Unrouted" queue (the setting's default name), kept by Dora, or a queue
    /// renamed to it, or a team of that name. The deliveries waiting unrouted go to the desk, as the next one will. Before,
    /// only work routed after the desk existed went there; what waited stayed with the salespeople.
    /// </summary>
    public class DeskSetUpLateScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _dora, _deal;

        public DeskSetUpLateScenarios()
        {
            _dora = _org.User("Dora Dispatch", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _deal = _org.Deal(_org.Account("Northwind"));
            _org.Win(_deal);
            Assert.Equal(_org.Rep, Owner(Delivery()));
        }

        private Entity Delivery() => _org.HandoffOf(_deal, BusinessFunction.Logistics);

        private static Guid Owner(Entity row) => row.GetAttributeValue<EntityReference>("ownerid").Id;

        private Guid[] QueuesOf(Guid record)
        {
            var query = new QueryExpression("queueitem") { ColumnSet = new ColumnSet("queueid") };
            query.Criteria.AddCondition("objectid", ConditionOperator.Equal, record);
            return _org.System.RetrieveMultiple(query).Entities.Select(i => i.GetAttributeValue<EntityReference>("queueid").Id).ToArray();
        }

        [Fact]
        public void The_desks_queue_made_takes_the_delivery_waiting_with_the_salesperson()
        {
            Guid desk = _org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted", ["ownerid"] = new EntityReference("systemuser", _dora) });
            _org.Engine.DrainAsync();

            Entity delivery = Delivery();
            Assert.Equal(_dora, Owner(delivery));
            Assert.Equal(new[] { desk }, QueuesOf(delivery.Id));
            Assert.True(delivery.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.StartsWith($"Re-routed {_org.Engine.Clock.UtcNow:yyyy-MM-dd} after the unrouted desk was set up or given to another owner",
                delivery.GetAttributeValue<string>("crmc_routingpath"));
        }

        [Fact]
        public void A_queue_renamed_to_the_desks_name_takes_it_too_and_another_queue_made_takes_nothing()
        {
            Guid queue = _org.System.Create(new Entity("queue") { ["name"] = "Dispatch", ["ownerid"] = new EntityReference("systemuser", _dora) });
            _org.Engine.DrainAsync();
            Assert.Equal(_org.Rep, Owner(Delivery()));

            _org.System.Update(new Entity("queue", queue) { ["name"] = "CrmCollab Unrouted" });
            _org.Engine.DrainAsync();

            Assert.Equal(_dora, Owner(Delivery()));
            Assert.Equal(new[] { queue }, QueuesOf(Delivery().Id));
        }

        [Fact]
        public void A_team_of_the_desks_name_takes_it()
        {
            Guid team = _org.Setup.CreateTeam("CrmCollab Unrouted", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Logistics");
            _org.Setup.AddMembers(team, _dora);
            _org.Engine.DrainAsync();

            Assert.Equal(team, Owner(Delivery()));
            Assert.Empty(QueuesOf(Delivery().Id));
        }

        [Fact]
        public void A_desk_set_up_after_more_deliveries_waited_than_one_background_run_takes_receives_every_one_share_by_share()
        {
            var deals = Enumerable.Range(0, DeskChange.MaxRecordsPerRun + 40).Select(i =>
            {
                Guid deal = _org.Deal(_org.Account($"Outlet {i}"));
                _org.Win(deal, drain: false);
                return deal;
            }).ToList();
            _org.Engine.DrainAsync();

            _org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted", ["ownerid"] = new EntityReference("systemuser", _dora) });
            _org.Engine.DrainAsync();

            Assert.All(deals.Append(_deal), deal => Assert.Equal(_dora, Owner(_org.HandoffOf(deal, BusinessFunction.Logistics))));
            // Each share was a background run of its own, started by a save of an account whose work waited.
            var carriers = new QueryExpression("account") { ColumnSet = new ColumnSet("crmc_reroutingbatch") };
            carriers.Criteria.AddCondition("crmc_reroutingbatch", ConditionOperator.NotNull);
            Assert.NotNull(DeskShare.Read(Assert.Single(_org.System.RetrieveMultiple(carriers).Entities).GetAttributeValue<string>("crmc_reroutingbatch")));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
