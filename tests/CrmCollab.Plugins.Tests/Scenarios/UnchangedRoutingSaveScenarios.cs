using System;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Alice plans Northwind's contracts (by a routing rule, or as its dedicated ADV owner); the administrator passes one
    /// contract on to Bruno by hand. Then the routing set-up, or the account, is written back as it is — the data import of
    /// its sheet, the nightly sync of the ERP, every column sent, none changed. Nothing routing reads changed, so nothing is re-routed: Bruno keeps the contract. Before,
    /// each such save re-routed the function's open work as a real change does, and took back what was passed on by hand.
    /// </summary>
    public class UnchangedRoutingSaveScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly IOrganizationService _admin;
        private readonly Guid _alice, _bruno, _account;

        public UnchangedRoutingSaveScenarios()
        {
            _admin = _org.As(_org.Admin);
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _bruno = _org.User("Bruno ADV", "CrmCollab ADV");
            _account = _org.Account("Northwind");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            _org.Engine.DrainAsync();
        }

        private Guid ContractPassedToBruno()
        {
            Guid deal = _org.Deal(_account);
            _org.Win(deal);
            Assert.Equal(_alice, Owner(deal));
            _admin.Execute(new AssignRequest { Target = _org.HandoffOf(deal, BusinessFunction.Adv).ToEntityReference(), Assignee = new EntityReference("systemuser", _bruno) });
            return deal;
        }

        private Guid Owner(Guid deal) => _org.HandoffOf(deal, BusinessFunction.Adv).GetAttributeValue<EntityReference>("ownerid").Id;

        [Fact]
        public void A_routing_rule_written_back_unchanged_leaves_the_contract_passed_on_by_hand_where_it_is()
        {
            Guid rule = _org.Rule("ADV default", BusinessFunction.Adv, _alice);
            Guid deal = ContractPassedToBruno();

            _admin.Update(new Entity("crmc_routingrule", rule)
            {
                ["crmc_name"] = "ADV default", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Adv),
                ["crmc_userid"] = new EntityReference("systemuser", _alice), ["crmc_teamid"] = null, ["crmc_queueid"] = null,
                ["crmc_industrycode"] = null, ["crmc_priority"] = 100, ["crmc_isactive"] = true,
            });
            _org.Engine.DrainAsync();

            Assert.Equal(_bruno, Owner(deal));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_dedicated_owner_row_written_back_unchanged_its_date_sent_at_another_hour_leaves_it_too()
        {
            Guid row = _org.DedicatedOwner(_account, BusinessFunction.Adv, user: _alice);
            Guid deal = ContractPassedToBruno();

            _admin.Update(new Entity("crmc_dedicatedowner", row)
            {
                ["crmc_accountid"] = new EntityReference("account", _account), ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Adv),
                ["crmc_userid"] = new EntityReference("systemuser", _alice), ["crmc_teamid"] = null, ["crmc_backupuserid"] = null,
                ["crmc_validfrom"] = CrmCollabOrg.Start.Date.AddYears(-1).AddHours(14), ["crmc_validto"] = null,
            });
            _org.Engine.DrainAsync();

            Assert.Equal(_bruno, Owner(deal));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_real_change_of_the_row_still_re_routes_the_contract()
        {
            Guid carla = _org.User("Carla ADV", "CrmCollab ADV");
            Guid row = _org.DedicatedOwner(_account, BusinessFunction.Adv, user: _alice);
            Guid deal = ContractPassedToBruno();

            _admin.Update(new Entity("crmc_dedicatedowner", row) { ["crmc_userid"] = new EntityReference("systemuser", carla) });
            _org.Engine.DrainAsync();

            Assert.Equal(carla, Owner(deal));
        }

        [Fact]
        public void The_account_written_back_as_it_is_by_the_nightly_erp_sync_leaves_it_too()
        {
            Guid group = _org.Account("Northwind Group");
            _org.System.Update(new Entity("account", _account) { ["parentaccountid"] = new EntityReference("account", group), ["industrycode"] = new OptionSetValue(12) });
            _org.Rule("ADV default", BusinessFunction.Adv, _alice);
            _org.Engine.DrainAsync();
            Guid deal = ContractPassedToBruno();

            _org.System.Update(new Entity("account", _account) // the integration's application user
            {
                ["name"] = "Northwind", ["parentaccountid"] = new EntityReference("account", group), ["industrycode"] = new OptionSetValue(12),
                ["territoryid"] = null, ["customersizecode"] = null,
            });
            _org.Engine.DrainAsync();

            Assert.Equal(_bruno, Owner(deal));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
