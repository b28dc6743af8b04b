using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A deal won again after its handoffs were canceled and it was lost gets the canceled work back as a new handoff of
    /// this win. The template may have changed meanwhile (the administrator now asks logistics for the delivery date as well
    /// as the tracking number): the handoff given back carries the template's requirement as it stands at this win, as
    /// every other deal won that day does, and worded as the template words the work now.
    /// </summary>
    public class RewonHandoffTemplateChangeScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private static Entity Completion(Guid task) =>
            new Entity("task", task) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5) };

        [Fact]
        public void A_delivery_given_back_by_a_new_win_needs_the_evidence_the_template_asks_at_that_win()
        {
            (Guid manager, Guid lena, Guid contoso, Guid dealId) = _org.WonContosoDelivery(); // template asks the tracking number
            Guid delivery = _org.HandoffOf(dealId, BusinessFunction.Logistics).Id;
            Guid template = _org.Row("task", delivery, "crmc_handofftemplateid").GetAttributeValue<EntityReference>("crmc_handofftemplateid").Id;
            _org.HandToAndReopen(dealId, manager);
            _org.As(_org.Admin).Update(new Entity("task", delivery)
            {
                ["crmc_cancelreason"] = "The customer paused the order", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });
            _org.Lose(dealId, manager);

            // Meanwhile the administrator asks every delivery handoff for the day it was delivered too.
            _org.Engine.Clock.Advance(TimeSpan.FromDays(30));
            _org.As(_org.Admin).Update(new Entity("crmc_handofftemplate", template)
            {
                ["crmc_requiredevidence"] = "crmc_trackingnumber,crmc_deliveredon", ["crmc_subject"] = "Plan the delivery and the unloading",
            });
            Guid other = _org.Deal(contoso, "Line 5 retrofit");
            _org.Win(other);

            _org.Engine.Clock.Advance(TimeSpan.FromDays(1));
            var deal = new EntityReference("opportunity", dealId);
            _org.As(manager).Execute(new SetStateRequest { EntityMoniker = deal, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            _org.Win(dealId, manager);

            Assert.Equal(0, _org.Row("task", delivery, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
            // Worded as the template words the work now, as the other deal's is.
            Assert.Equal("Plan the delivery and the unloading – Line 4 retrofit", _org.Row("task", delivery, "subject").GetAttributeValue<string>("subject"));
            _org.As(lena).Update(new Entity("task", delivery) { ["crmc_trackingnumber"] = "1Z-NEW" });
            string missing = _org.Refused(RefusalCodes.HandoffEvidenceMissing, () => _org.As(lena).Update(Completion(delivery)), "task", "annotation");
            Assert.Contains("Delivered on", missing);
            // As the other deal won that day.
            Guid otherDelivery = _org.HandoffOf(other, BusinessFunction.Logistics).Id;
            _org.As(lena).Update(new Entity("task", otherDelivery) { ["crmc_trackingnumber"] = "1Z-OTHER" });
            _org.Refused(RefusalCodes.HandoffEvidenceMissing, () => _org.As(lena).Update(Completion(otherDelivery)), "task", "annotation");
        }
    }
}
