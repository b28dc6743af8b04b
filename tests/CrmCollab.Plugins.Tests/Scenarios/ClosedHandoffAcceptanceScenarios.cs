using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Lena completed Contoso's delivery without ever accepting it, then, a month later, ticks 'Accepted' on it. Accepting is
    /// taking on open work, and the function's time to accept is measured from the handoff to its acceptance: an acceptance
    /// a month after the work was done would count a month nobody waited. So a closed handoff is no longer accepted; one
    /// accepted before its close keeps its acceptance, and the same date sent again (a sync writing the task back whole)
    /// passes. Before, the server dated the late acceptance and the shared objectives counted it.
    /// </summary>
    public class ClosedHandoffAcceptanceScenarios
    {
        private static readonly string[] Touched = { "task", "opportunity" };
        private readonly ContractAndDeliveryOrg _contoso = new ContractAndDeliveryOrg();

        public ClosedHandoffAcceptanceScenarios() => _contoso.Org.Win(_contoso.Deal);

        private CrmCollabOrg Org => _contoso.Org;

        private Guid Delivery => Org.HandoffOf(_contoso.Deal, BusinessFunction.Logistics).Id;

        private void Complete(IOrganizationService lena)
        {
            lena.Update(new Entity("task", Delivery) { ["crmc_trackingnumber"] = "1Z999", ["crmc_deliveredon"] = CrmCollabOrg.Start.Date.AddDays(3) });
            lena.Execute(ContractAndDeliveryOrg.Close(Delivery, 1, 5));
        }

        [Theory]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        [InlineData("Upsert")]
        [InlineData("ExecuteMultiple")]
        [InlineData("ExecuteTransaction")]
        public void Lena_cannot_accept_the_delivery_a_month_after_she_completed_it(string channel)
        {
            IOrganizationService lena = Org.As(_contoso.Lena);
            Complete(lena);
            Org.Engine.Clock.Advance(TimeSpan.FromDays(30));

            string refusal = Org.Refused(RefusalCodes.HandoffClosed, () => CrmCollabOrg.UpdateThrough(channel, lena,
                new Entity("task", Delivery) { ["crmc_acceptedon"] = Org.Engine.Clock.UtcNow }), Touched);

            Assert.Equal("This handoff is completed: it is no longer accepted, since the function's time to accept would count the time " +
                "after the work was done. Leave 'Accepted on' empty; add a note to the task if something needs saying. [CRMC-HANDOFF-CLOSED]", refusal);
        }

        [Fact]
        public void A_canceled_handoff_is_not_accepted_either()
        {
            Org.As(Org.Admin).Update(new Entity("task", Delivery) { ["crmc_cancelreason"] = "The customer collects the machine himself" });
            Org.As(Org.Admin).Execute(ContractAndDeliveryOrg.Close(Delivery, 2, 6));

            string refusal = Org.Refused(RefusalCodes.HandoffClosed, () => Org.As(_contoso.Lena).Update(
                new Entity("task", Delivery) { ["crmc_acceptedon"] = Org.Engine.Clock.UtcNow }), Touched);

            Assert.StartsWith("This handoff is canceled: it is no longer accepted", refusal);
        }

        [Fact]
        public void A_delivery_accepted_before_its_close_is_written_back_whole_with_its_acceptance()
        {
            IOrganizationService lena = Org.As(_contoso.Lena);
            lena.Update(new Entity("task", Delivery) { ["crmc_acceptedon"] = Org.Engine.Clock.UtcNow });
            DateTime accepted = Org.Row("task", Delivery, "crmc_acceptedon").GetAttributeValue<DateTime>("crmc_acceptedon");
            Complete(lena);
            Org.Engine.Clock.Advance(TimeSpan.FromDays(30));

            CrmCollabOrg.InUpsert(lena, new Entity("task", Delivery) { ["crmc_acceptedon"] = accepted, ["crmc_trackingnumber"] = "1Z999" });

            Assert.Equal(accepted, Org.Row("task", Delivery, "crmc_acceptedon").GetAttributeValue<DateTime>("crmc_acceptedon"));
        }
    }
}
