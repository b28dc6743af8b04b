using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The ERP's nightly master-data sync writes each dedicated owner row back whole, naming its account by the customer
    /// number (an alternate key the organisation defined on the account). Sent again as it is, the row changes nothing: the
    /// delivery Lena passed to Leo by hand stays with Leo (README, Upgrade note 23), and the row is not judged as moved to
    /// another account, so a backup who has left since does not make the sync fail. Before, the key's empty id read as
    /// another account: every night the row was checked as a new one — refused once Lena's backup had left — and, when it
    /// passed, the account's open logistics work was routed again, taking the delivery back from Leo. The same for a routing
    /// rule the sync writes back naming its territory by name.
    /// </summary>
    public class KeyedOwnerRowScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
        {
            var customerNumber = new Emulator.Metadata.AlternateKeyDefinition { LogicalName = "erp_customernumber_key" };
            customerNumber.Columns.Add("accountnumber");
            solution.Catalog.Table("account").Keys.Add(customerNumber);
            var territoryName = new Emulator.Metadata.AlternateKeyDefinition { LogicalName = "erp_territoryname_key" };
            territoryName.Columns.Add("name");
            solution.Catalog.Table("territory").Keys.Add(territoryName);
        });
        private readonly Guid _lena, _leo, _bob, _contoso, _row, _deal;

        public KeyedOwnerRowScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            _bob = _org.User("Bob Logistics backup", "CrmCollab Logistics");
            _org.Rule("Logistics default", BusinessFunction.Logistics, _leo);
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            _contoso = _org.Account("Contoso");
            _org.System.Update(new Entity("account", _contoso) { ["accountnumber"] = "C-001" });
            _row = _org.DedicatedOwner(_contoso, BusinessFunction.Logistics, user: _lena, backup: _bob);
            _deal = _org.Deal(_contoso);
            _org.Win(_deal);
        }

        /// <summary>The row as the ERP holds it: every column, the account by its customer number.</summary>
        private Entity AsTheErpSendsIt() => new Entity("crmc_dedicatedowner", _row)
        {
            ["crmc_accountid"] = new EntityReference("account", "accountnumber", "C-001"),
            ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics),
            ["crmc_userid"] = new EntityReference("systemuser", _lena),
            ["crmc_backupuserid"] = new EntityReference("systemuser", _bob),
            ["crmc_validfrom"] = CrmCollabOrg.Start.Date.AddYears(-1),
        };

        [Fact]
        public void The_nightly_sync_leaves_the_delivery_lena_passed_to_leo_with_leo()
        {
            Guid delivery = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            _org.As(_lena).Execute(new AssignRequest { Target = new EntityReference("task", delivery), Assignee = new EntityReference("systemuser", _leo) });

            _org.As(_org.Admin).Update(AsTheErpSendsIt());
            _org.Engine.DrainAsync();

            Assert.Equal(_leo, _org.Row("task", delivery, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void The_nightly_sync_of_a_row_whose_backup_has_left_since_passes_as_it_does_naming_the_account_by_id()
        {
            _org.Setup.DisableUser(_bob);
            _org.Engine.DrainAsync();

            _org.As(_org.Admin).Update(AsTheErpSendsIt());

            Entity saved = _org.Row("crmc_dedicatedowner", _row, "crmc_accountid");
            Assert.Equal(_contoso, saved.GetAttributeValue<EntityReference>("crmc_accountid").Id);
        }

        [Fact]
        public void The_nightly_sync_of_a_desks_rule_naming_its_territory_by_name_passes_after_the_desks_last_member_left()
        {
            Guid nadia = _org.User("Nadia North", "CrmCollab Logistics");
            Guid desk = _org.Setup.CreateTeam("Logistics North", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Logistics");
            _org.Setup.AddMembers(desk, nadia);
            Guid north = _org.System.Create(new Entity("territory") { ["name"] = "North" });
            Guid rule = _org.As(_org.Admin).Create(new Entity("crmc_routingrule")
            {
                ["crmc_name"] = "Logistics North", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics),
                ["crmc_territoryid"] = new EntityReference("territory", north), ["crmc_teamid"] = new EntityReference("team", desk),
                ["crmc_priority"] = 10, ["crmc_isactive"] = true,
            });
            _org.Setup.DisableUser(nadia); // the desk's last member left; the administrator has not replaced her yet
            _org.Engine.DrainAsync();

            _org.As(_org.Admin).Update(new Entity("crmc_routingrule", rule)
            {
                ["crmc_name"] = "Logistics North", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics),
                ["crmc_territoryid"] = new EntityReference("territory", "name", "North"), ["crmc_teamid"] = new EntityReference("team", desk),
                ["crmc_priority"] = 10, ["crmc_isactive"] = true,
            });

            Assert.Equal(north, _org.Row("crmc_routingrule", rule, "crmc_territoryid").GetAttributeValue<EntityReference>("crmc_territoryid").Id);
        }
    }
}
