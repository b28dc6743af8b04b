using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The ERP's nightly account sync writes each account back whole, naming its parent by the group's customer number (an
    /// alternate key the organisation defined on the account), as the salesperson who owns it (the integration runs in the
    /// account owner's name). Sent again as it is, the parent changes nothing (README, Upgrade note 23): the sync passes
    /// while the plant has open deals, and the work passed on by hand stays where it was passed. Before, the key's empty id
    /// read as a new parent: the sync was refused as a change of the plant's parent that only a CrmCollab Administrator may
    /// make (CRMC-ACCOUNT-SEGMENT-ADMIN-ONLY), though the same save naming the parent by id passed.
    /// </summary>
    public class KeyedAccountSyncScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
        {
            var customerNumber = new Emulator.Metadata.AlternateKeyDefinition { LogicalName = "erp_customernumber_key" };
            customerNumber.Columns.Add("accountnumber");
            solution.Catalog.Table("account").Keys.Add(customerNumber);
        });

        [Fact]
        public void The_nightly_sync_of_a_plant_with_open_deals_naming_its_group_by_customer_number_passes()
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            Guid group = _org.Account("Contoso Group");
            _org.System.Update(new Entity("account", group) { ["accountnumber"] = "G-100" });
            Guid plant = _org.Account("Contoso Lille plant", parent: group);
            _org.DedicatedOwner(group, BusinessFunction.Logistics, user: lena);
            _org.Deal(plant); // an open deal the plant routes

            _org.As(_org.Rep).Update(new Entity("account", plant)
            {
                ["name"] = "Contoso Lille plant", ["parentaccountid"] = new EntityReference("account", "accountnumber", "G-100"),
            });

            Assert.Equal(group, _org.Row("account", plant, "parentaccountid").GetAttributeValue<EntityReference>("parentaccountid").Id);

            // Another group named by its number is a new parent, as by id: the administrator's to make.
            Guid other = _org.Account("Fabrikam Group");
            _org.System.Update(new Entity("account", other) { ["accountnumber"] = "G-200" });
            _org.Refused(RefusalCodes.AccountSegmentAdminOnly, () => _org.As(_org.Rep).Update(new Entity("account", plant)
            {
                ["parentaccountid"] = new EntityReference("account", "accountnumber", "G-200"),
            }), "account");
        }
    }
}
