using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// 'Delivered on' is a Date Only column: Dataverse keeps its date alone (Microsoft Learn, "Behavior and format of the Date
    /// and Time column"). Lena completed Contoso's delivery, delivered on the 26th; the warehouse system then writes the delivery
    /// back as it does every night, its date as the time the pallet was scanned (14:30 on the 26th). That is the evidence as it
    /// stands, not a change of it, so the save goes through. Before, the handoff guard compared the time of day too and refused
    /// the re-send (CRMC-HANDOFF-CLOSED: its evidence (Delivered on) cannot change). Another day is still refused.
    /// </summary>
    public class CompletedDeliveryResendScenarios
    {
        private static readonly DateTime DeliveredOn = CrmCollabOrg.Start.Date.AddDays(3);
        private static readonly string[] Touched = { "task", "opportunity" };
        private readonly ContractAndDeliveryOrg _contoso = new ContractAndDeliveryOrg();

        public CompletedDeliveryResendScenarios()
        {
            _contoso.Org.Win(_contoso.Deal);
            IOrganizationService lena = _contoso.Org.As(_contoso.Lena);
            lena.Update(new Entity("task", Delivery) { ["crmc_trackingnumber"] = "1Z999", ["crmc_deliveredon"] = DeliveredOn });
            lena.Execute(ContractAndDeliveryOrg.Close(Delivery, 1, 5));
        }

        private Guid Delivery => _contoso.Org.HandoffOf(_contoso.Deal, BusinessFunction.Logistics).Id;

        private Entity WrittenBack(DateTime deliveredOn) =>
            new Entity("task", Delivery) { ["crmc_trackingnumber"] = "1Z999", ["crmc_deliveredon"] = deliveredOn };

        [Theory]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        [InlineData("Upsert")]
        [InlineData("ExecuteMultiple")]
        [InlineData("ExecuteTransaction")]
        public void The_warehouse_writing_a_completed_delivery_back_with_the_time_it_was_scanned_is_not_changing_its_evidence(string channel)
        {
            CrmCollabOrg.UpdateThrough(channel, _contoso.Org.As(_contoso.Lena), WrittenBack(DeliveredOn.AddHours(14.5)));

            Entity delivery = _contoso.Org.Row("task", Delivery, "crmc_deliveredon", "statecode");
            Assert.Equal(DeliveredOn, delivery.GetAttributeValue<DateTime>("crmc_deliveredon"));
            Assert.Equal(1, delivery.GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Theory]
        [InlineData("Update")]
        [InlineData("Upsert")]
        public void A_completed_delivery_written_back_as_delivered_another_day_is_still_refused(string channel)
        {
            string refusal = _contoso.Org.Refused(RefusalCodes.HandoffClosed,
                () => CrmCollabOrg.UpdateThrough(channel, _contoso.Org.As(_contoso.Lena), WrittenBack(DeliveredOn.AddDays(1).AddHours(8))), Touched);

            Assert.StartsWith("This handoff is completed: its evidence (Delivered on) is the record of what was delivered and cannot change.", refusal);
        }
    }
}
