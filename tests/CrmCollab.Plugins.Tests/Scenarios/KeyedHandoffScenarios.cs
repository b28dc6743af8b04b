using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The warehouse system traces Contoso's delivery: it writes the handoff back whole, naming its deal by the deal's ERP
    /// reference (an alternate key the organisation defined) in Regarding and Opportunity, as it names the deal everywhere.
    /// Sent again as they are, the deal's references change nothing, so the tracking number is saved and the delivery
    /// completed. Before, the handoff guard read the references' empty ids as another record and refused the save
    /// (CRMC-HANDOFF-SERVER-COLUMN: Regarding cannot be edited). Another deal, named by key, is still refused.
    /// </summary>
    public class KeyedHandoffScenarios
    {
        private static readonly string[] Touched = { "task", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
        {
            var dealReference = new Emulator.Metadata.AlternateKeyDefinition { LogicalName = "erp_dealname_key" };
            dealReference.Columns.Add("name");
            solution.Catalog.Table("opportunity").Keys.Add(dealReference);
        });
        private readonly Guid _lena, _deal;

        public KeyedHandoffScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            Guid contoso = _org.Account("Contoso");
            _org.DedicatedOwner(contoso, BusinessFunction.Logistics, user: _lena);
            _deal = _org.Deal(contoso, name: "ERP-77");
            _org.Win(_deal);
            _org.Win(_org.Deal(contoso, name: "ERP-78"));
        }

        private Guid Delivery => _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;

        private Entity Traced(string deal, bool complete = false)
        {
            var reference = new EntityReference("opportunity", "name", deal);
            var task = new Entity("task", Delivery)
            {
                ["regardingobjectid"] = reference, ["crmc_opportunityid"] = reference, ["crmc_trackingnumber"] = "1Z999",
            };
            if (complete)
            {
                task["statecode"] = new OptionSetValue(1);
                task["statuscode"] = new OptionSetValue(5);
            }
            return task;
        }

        [Theory]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        [InlineData("Upsert")]
        [InlineData("ExecuteMultiple")]
        [InlineData("ExecuteTransaction")]
        public void The_warehouse_writing_the_delivery_back_with_its_deal_named_by_the_erp_reference_traces_and_completes_it(string channel)
        {
            CrmCollabOrg.UpdateThrough(channel, _org.As(_lena), Traced("ERP-77"));
            CrmCollabOrg.UpdateThrough(channel, _org.As(_lena), Traced("ERP-77", complete: true));

            Entity delivery = _org.Row("task", Delivery, "crmc_trackingnumber", "statecode", "regardingobjectid", "crmc_opportunityid");
            Assert.Equal("1Z999", delivery.GetAttributeValue<string>("crmc_trackingnumber"));
            Assert.Equal(1, delivery.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(_deal, delivery.GetAttributeValue<EntityReference>("regardingobjectid").Id);
            Assert.Equal(_deal, delivery.GetAttributeValue<EntityReference>("crmc_opportunityid").Id);
        }

        [Fact]
        public void Named_by_key_a_handoff_is_still_not_moved_to_another_deal()
        {
            string refusal = _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(_lena).Update(Traced("ERP-78")), Touched);

            Assert.Contains("Regarding", refusal);
            Assert.Contains("Opportunity", refusal);
        }
    }
}
