using System;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Litware has no sales administration owner until Bruno's period begins on 1 December, so its won deal's contract waits
    /// at the unrouted desk (a queue Quinn keeps). Bruno is on leave when his period begins: the morning run finds the
    /// contract still belongs at the desk, now because Bruno is disabled, and says so with the hold by which his return
    /// brings it to him. Random operations, seed 7011 (the first run with a desk): the run left the contract as it was —
    /// already at the desk — so Bruno's return passed it over and it waited at the desk while the routing named him.
    /// </summary>
    public class DeskHoldScenarios
    {
        private static readonly DateTime FirstDayOfBruno = new DateTime(2026, 12, 1);
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _quinn, _bruno, _deal;

        public DeskHoldScenarios()
        {
            _quinn = _org.User("Quinn Dispatch", "CrmCollab ADV", _org.Operations);
            _org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted", ["ownerid"] = new EntityReference("systemuser", _quinn) });
            _bruno = _org.User("Bruno ADV", "CrmCollab ADV", _org.Operations);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 20, 10);
            Guid litware = _org.Account("Litware");
            _org.DedicatedOwner(litware, BusinessFunction.Adv, user: _bruno, from: FirstDayOfBruno);
            _deal = _org.Deal(litware);
            _org.Win(_deal);
            Entity contract = Contract();
            Assert.Equal(_quinn, OwnerOf(contract)); // nobody's yet: at the desk
            Assert.Null(contract.GetAttributeValue<OptionSetValue>("crmc_routinghold"));
        }

        private Entity Contract() =>
            _org.Row("task", _org.HandoffOf(_deal, BusinessFunction.Adv).Id, "ownerid", "crmc_isunrouted", "crmc_routingpath", "crmc_routinghold");

        private static Guid OwnerOf(Entity row) => row.GetAttributeValue<EntityReference>("ownerid").Id;

        [Fact]
        public void A_contract_waiting_at_the_desk_when_its_new_owner_starts_on_leave_goes_to_him_when_he_returns()
        {
            _org.Setup.DisableUser(_bruno);
            _org.Engine.DrainAsync();

            _org.Engine.Clock.Set(FirstDayOfBruno.AddHours(6));
            _org.As(_org.Admin).Execute(new OrganizationRequest(OwnerPeriodRerouting.ApiName));
            _org.Engine.DrainAsync();

            Entity waiting = Contract();
            Assert.Equal(_quinn, OwnerOf(waiting)); // Bruno is on leave: it still waits at the desk
            Assert.True(waiting.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Equal((int)RoutingHold.MovedBecauseOwnerDisabled, waiting.GetAttributeValue<OptionSetValue>("crmc_routinghold")?.Value);
            Assert.Contains("Bruno ADV", waiting.GetAttributeValue<string>("crmc_routingpath"));

            _org.Setup.EnableUser(_bruno);
            _org.Engine.DrainAsync();

            Entity back = Contract();
            Assert.Equal(_bruno, OwnerOf(back));
            Assert.False(back.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Null(back.GetAttributeValue<OptionSetValue>("crmc_routinghold"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
