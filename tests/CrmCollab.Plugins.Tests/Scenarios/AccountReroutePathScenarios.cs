using System;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A handoff's routing path says why it went where it is: logistics reads it to know why the Lille plant's delivery
    /// came to them. The plant moved under another group, or its duplicate merged into the account that stays, routes its
    /// open work again, and the path says so. Before, both read "after a dedicated owner change", though no dedicated
    /// owner row had changed, and sent whoever asked looking for a row that nobody had touched.
    /// </summary>
    public class AccountReroutePathScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) => solution.Roles.Add(AccountSegmentLockScenarios.AccountEditorRole()));
        private readonly Guid _ada, _mia, _leo, _group, _otherGroup, _plant, _deal;

        public AccountReroutePathScenarios()
        {
            _ada = _org.Setup.CreateUser("Ada Accounts", _org.Operations, "CrmCollab Administrator", AccountSegmentLockScenarios.AccountEditor);
            _mia = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            Guid lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _group = _org.Account("Contoso Group");
            _otherGroup = _org.Account("Fabrikam Group");
            _plant = _org.Account("Lille plant", parent: _group);
            GiveToMia(_plant); // the sales manager keeps the plant's account
            _org.DedicatedOwner(_group, BusinessFunction.Logistics, user: lena);
            _org.DedicatedOwner(_otherGroup, BusinessFunction.Logistics, user: _leo);
            _deal = _org.Deal(_plant);
            _org.Win(_deal);
        }

        private void GiveToMia(Guid account) => _org.System.Execute(new AssignRequest
            { Target = new EntityReference("account", account), Assignee = new EntityReference("systemuser", _mia) });

        private Entity Delivery() => _org.HandoffOf(_deal, BusinessFunction.Logistics);

        [Fact]
        public void A_plant_moved_under_another_group_says_its_delivery_moved_because_its_parent_changed()
        {
            _org.As(_ada).Update(new Entity("account", _plant) { ["parentaccountid"] = new EntityReference("account", _otherGroup) });
            _org.Engine.DrainAsync();

            Entity delivery = Delivery();
            Assert.Equal(_leo, delivery.GetAttributeValue<EntityReference>("ownerid").Id);
            string path = delivery.GetAttributeValue<string>("crmc_routingpath");
            Assert.Contains("after the account's industry, territory, size or parent account changed", path);
            Assert.DoesNotContain("dedicated owner change", path);
        }

        [Fact]
        public void A_plant_merged_into_one_of_the_other_group_says_its_delivery_moved_because_of_the_merge()
        {
            Guid fabrikamPlant = _org.Account("Fabrikam Lille plant", parent: _otherGroup);
            GiveToMia(fabrikamPlant);
            _org.As(_mia).Execute(new MergeRequest
            {
                Target = new EntityReference("account", fabrikamPlant), SubordinateId = _plant, UpdateContent = new Entity("account"),
            });
            _org.Engine.DrainAsync();

            Entity delivery = Delivery();
            Assert.Equal(_leo, delivery.GetAttributeValue<EntityReference>("ownerid").Id);
            string path = delivery.GetAttributeValue<string>("crmc_routingpath");
            Assert.Contains("after a merge of accounts", path);
            Assert.DoesNotContain("dedicated owner change", path);
        }
    }
}
