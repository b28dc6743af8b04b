using System;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Lena completed Contoso's delivery on time; the administrator reopens it (it was closed by mistake). Open again, it has
    /// no actual end and no longer says it was closed on time: the form showed 'Closed on time: Yes' on open work, until it
    /// was closed again. Through an Update of its status and through SetState, also where a SetState runs no Update step.
    /// </summary>
    public class ReopenedHandoffStampsScenarios
    {
        private static Guid Completed(ContractAndDeliveryOrg contoso)
        {
            contoso.Org.Win(contoso.Deal);
            Guid delivery = contoso.Org.HandoffOf(contoso.Deal, BusinessFunction.Logistics).Id;
            IOrganizationService lena = contoso.Org.As(contoso.Lena);
            lena.Update(new Entity("task", delivery) { ["crmc_trackingnumber"] = "1Z999", ["crmc_deliveredon"] = CrmCollabOrg.Start.Date.AddDays(3) });
            lena.Execute(ContractAndDeliveryOrg.Close(delivery, 1, 5));
            Assert.True(contoso.Org.Row("task", delivery, "crmc_closedontime").GetAttributeValue<bool>("crmc_closedontime"));
            return delivery;
        }

        [Theory]
        [InlineData("Update", false)]
        [InlineData("SetState", false)]
        [InlineData("SetStateDynamicEntity", false)]
        [InlineData("SetState", true)]
        [InlineData("SetStateDynamicEntity", true)]
        public void A_delivery_the_administrator_reopens_no_longer_says_it_was_closed_on_time(string message, bool setStateRunsNoUpdateStep)
        {
            var contoso = new ContractAndDeliveryOrg(setStateRunsNoUpdateStep
                ? new CrmCollabOrg((solution, options) => solution.Steps.RemoveAll(s =>
                    s.PluginTypeName.EndsWith(".HandoffGuard", StringComparison.Ordinal) && s.MessageName == "Update"))
                : new CrmCollabOrg());
            Guid delivery = Completed(contoso);

            contoso.Org.As(contoso.Org.Admin).Execute(CrmCollabOrg.StateChange(message, "task", delivery, 0, 2));

            Entity reopened = contoso.Org.Row("task", delivery, "statecode", "actualend", "crmc_closedontime");
            Assert.Equal(0, reopened.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Null(reopened.GetAttributeValue<DateTime?>("actualend"));
            Assert.NotEqual(true, reopened.GetAttributeValue<bool?>("crmc_closedontime"));
        }
    }
}
