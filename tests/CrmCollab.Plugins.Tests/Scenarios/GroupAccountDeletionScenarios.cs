using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A group account deleted: the platform clears the Parent Account of the plants below it (account_parent_account:
    /// Delete RemoveLink) and deletes the group's dedicated owners (Cascade), below the plants' own steps. The plants' work
    /// then falls back elsewhere, as after a change of their parent: it follows its routing, and while they have open deals
    /// only a CrmCollab Administrator may make that change.
    /// </summary>
    public class GroupAccountDeletionScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _leo, _group, _plant, _deal;

        public GroupAccountDeletionScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _org.Rule("Logistics desk", BusinessFunction.Logistics, _leo);
            _group = _org.Account("Contoso Group");
            _plant = _org.Account("Lille plant", parent: _group);
            _org.DedicatedOwner(_group, BusinessFunction.Logistics, user: _lena); // the plant falls back to the group's
            _deal = _org.Deal(_plant);
            _org.Win(_deal);
        }

        private Entity Delivery() => _org.HandoffTasks(_deal).Entities
            .Single(t => t.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)BusinessFunction.Logistics);

        private EntityReference ParentOf(Guid account) =>
            _org.System.Retrieve("account", account, new ColumnSet("parentaccountid")).GetAttributeValue<EntityReference>("parentaccountid");

        [Fact]
        public void The_plants_open_delivery_follows_its_routing_when_its_group_account_is_deleted()
        {
            Assert.Equal(_lena, Delivery().GetAttributeValue<EntityReference>("ownerid").Id);

            _org.As(_org.Rep).Delete("account", _group); // no open deal below: the salesperson may tidy the group away
            _org.Engine.DrainAsync();

            // Before: the delivery stayed with the group's logistics contact, whom nothing routes it to any more.
            Assert.Null(ParentOf(_plant));
            Entity delivery = Delivery();
            Assert.Equal(_leo, delivery.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("after the account's industry, territory, size or parent account changed", delivery.GetAttributeValue<string>("crmc_routingpath"));
        }

        [Fact]
        public void A_salesperson_cannot_delete_a_group_account_whose_plant_has_an_open_deal()
        {
            _org.Deal(_plant, "Second line");
            IOrganizationService rep = _org.As(_org.Rep);
            string[] touched = { "account", "crmc_dedicatedowner", "task" };

            // Before: the group went, the plant lost its parent — who reviews its open deal — without an administrator.
            string message = _org.Refused(RefusalCodes.AccountSegmentAdminOnly, () => rep.Delete("account", _group), touched);
            _org.Refused(RefusalCodes.AccountSegmentAdminOnly,
                () => CrmCollabOrg.InExecuteTransaction(rep, new DeleteRequest { Target = new EntityReference("account", _group) }), touched);

            Assert.StartsWith("The accounts below this one have an open deal", message);
            Assert.Equal(_group, ParentOf(_plant).Id);
        }

        [Fact]
        public void A_crmcollab_administrator_may_delete_a_group_account_whose_plant_has_an_open_deal()
        {
            _org.Deal(_plant, "Second line");
            Guid boss = _org.Setup.CreateUser("Bea Boss", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.System.Execute(new AssignRequest { Target = new EntityReference("account", _group), Assignee = new EntityReference("systemuser", boss) });

            _org.As(boss).Delete("account", _group);
            _org.Engine.DrainAsync();

            Assert.Null(ParentOf(_plant));
            Assert.Equal(_leo, Delivery().GetAttributeValue<EntityReference>("ownerid").Id);
        }
    }
}
