using System;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Work whose deal has no account (its customer a contact without one) is work nobody can be found for, so where an
    /// administrator has set up the unrouted desk (the Unrouted Handoffs Queue setting, here the shipped default "CrmCollab
    /// Unrouted", a queue Quinn keeps) it waits there, as all such work does — not with the salesperson, nor with a reviewer
    /// who left. Before, it skipped the desk: the deal's owner held a handoff, and a leaver's review stayed with them.
    /// </summary>
    public class NoAccountUnroutedDeskScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _quinn, _desk, _sid;

        public NoAccountUnroutedDeskScenarios()
        {
            _quinn = _org.User("Quinn Dispatch", "CrmCollab Logistics");
            _sid = _org.Setup.CreateUser("Sid Sysadmin", _org.Sales, "System Administrator", "CrmCollab Administrator");
            _desk = _org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted", ["ownerid"] = new EntityReference("systemuser", _quinn) });
        }

        private bool WaitsAtTheDesk(Guid record) => _org.WaitsIn(_desk, record);

        private static Guid OwnerOf(Entity row) => row.GetAttributeValue<EntityReference>("ownerid").Id;

        /// <summary>A won Fabrikam deal whose delivery Leo holds, reopened and given a walk-in contact as its customer.</summary>
        private (Guid Leo, Guid Deal, Guid Delivery) DeliveryOfADealThatLostItsAccount()
        {
            Guid leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            Guid fabrikam = _org.Account("Fabrikam");
            _org.DedicatedOwner(fabrikam, BusinessFunction.Logistics, user: leo);
            Guid deal = _org.Deal(fabrikam);
            _org.Win(deal);
            Guid delivery = _org.HandoffOf(deal, BusinessFunction.Logistics).Id;
            Assert.Equal(leo, OwnerOf(_org.Row("task", delivery, "ownerid")));
            _org.As(_sid).Execute(new SetStateRequest
                { EntityMoniker = new EntityReference("opportunity", deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            Guid walkIn = _org.As(_org.Rep).Create(new Entity("contact") { ["lastname"] = "Walker" });
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["customerid"] = new EntityReference("contact", walkIn) });
            _org.Engine.DrainAsync();
            return (leo, deal, delivery);
        }

        [Fact]
        public void The_delivery_of_a_deal_without_an_account_waits_at_the_unrouted_desk_when_its_logistics_owner_leaves()
        {
            var (leo, _, delivery) = DeliveryOfADealThatLostItsAccount();

            _org.Setup.DisableUser(leo);
            _org.Engine.DrainAsync();

            Entity task = _org.Row("task", delivery, "ownerid", "crmc_isunrouted", "crmc_routingpath");
            Assert.Equal(_quinn, OwnerOf(task)); // the desk's keeper holds what waits in it
            Assert.True(WaitsAtTheDesk(delivery));
            Assert.True(task.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.EndsWith("the deal has no account to route by → unrouted, queue CrmCollab Unrouted", task.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_delivery_reopened_on_a_deal_without_an_account_waits_at_the_unrouted_desk()
        {
            var (leo, deal, delivery) = DeliveryOfADealThatLostItsAccount();
            _org.As(leo).Execute(new SetStateRequest
                { EntityMoniker = new EntityReference("task", delivery), State = new OptionSetValue(1), Status = new OptionSetValue(-1) });

            _org.As(_sid).Execute(new SetStateRequest
                { EntityMoniker = new EntityReference("task", delivery), State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            _org.Engine.DrainAsync();

            Entity task = _org.Row("task", delivery, "ownerid", "crmc_isunrouted", "statecode");
            Assert.Equal(0, task.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(_quinn, OwnerOf(task));
            Assert.True(WaitsAtTheDesk(delivery));
            Assert.True(task.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_deal_without_an_account_handed_to_a_colleague_leaves_the_delivery_leo_works_on_with_him_not_at_the_desk()
        {
            var (leo, deal, delivery) = DeliveryOfADealThatLostItsAccount();
            Guid colleague = _org.User("Cleo Colleague", "CrmCollab Salesperson", _org.Sales);

            _org.As(_sid).Execute(new AssignRequest
                { Target = new EntityReference("opportunity", deal), Assignee = new EntityReference("systemuser", colleague) });
            _org.Engine.DrainAsync();

            Entity task = _org.Row("task", delivery, "ownerid", "crmc_isunrouted");
            Assert.Equal(leo, OwnerOf(task));
            Assert.False(task.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.False(WaitsAtTheDesk(delivery));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_leavers_review_of_a_deal_without_an_account_waits_at_the_unrouted_desk_instead_of_staying_with_her()
        {
            (Guid lena, Guid _, Guid _, Guid deal) = _org.CustomDealAwaitingReviews();
            Guid walkIn = _org.As(_org.Rep).Create(new Entity("contact") { ["lastname"] = "Walker" });
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["customerid"] = new EntityReference("contact", walkIn) });

            _org.Setup.DisableUser(lena);
            _org.Engine.DrainAsync();

            Entity review = _org.Row("crmc_feasibilityreview", _org.Review(deal, BusinessFunction.Logistics).Id, "ownerid", "crmc_routingpath", "crmc_routinghold");
            Assert.Equal(_quinn, OwnerOf(review));
            Assert.True(WaitsAtTheDesk(review.Id));
            Assert.Equal((int)RoutingHold.MovedBecauseOwnerDisabled, review.GetAttributeValue<OptionSetValue>("crmc_routinghold")?.Value);
            Assert.EndsWith("the deal has no account to route by → unrouted, queue CrmCollab Unrouted", review.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
