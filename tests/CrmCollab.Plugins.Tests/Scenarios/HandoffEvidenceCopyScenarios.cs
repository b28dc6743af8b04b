using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A handoff needs the evidence its template asked when it was handed off: the list is copied onto the task at the win,
    /// and a later change of the template applies to the deals won next. That holds for a template that asked for nothing
    /// too: before, a handoff copied with no requirement read the template's requirement as it is now, so the administrator
    /// adding one for the deals to come blocked the handoffs already open (and only those whose template had asked nothing).
    /// </summary>
    public class HandoffEvidenceCopyScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private static Entity Completion(Guid task) =>
            new Entity("task", task) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5) };

        [Fact]
        public void Evidence_added_to_a_template_is_asked_of_the_deals_won_next_not_of_the_handoffs_already_open()
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            Guid training = _org.Template("Train the operators", BusinessFunction.Logistics, 10, 30);
            Guid contoso = _org.Account("Contoso");
            _org.DedicatedOwner(contoso, BusinessFunction.Logistics, user: lena);
            Guid before = _org.Deal(contoso, "Line 4 retrofit");
            _org.Win(before);

            // From now on the administrator wants the service reference of the training booked.
            _org.Engine.Clock.Advance(TimeSpan.FromDays(2));
            _org.As(_org.Admin).Update(new Entity("crmc_handofftemplate", training) { ["crmc_requiredevidence"] = "crmc_servicereference" });
            Guid after = _org.Deal(contoso, "Line 5 retrofit");
            _org.Win(after);

            // The training handed off before the change closes as it was handed off; the one handed off after it needs the reference.
            _org.As(lena).Update(Completion(_org.HandoffOf(before, BusinessFunction.Logistics).Id));
            Assert.Equal(1, _org.Row("task", _org.HandoffOf(before, BusinessFunction.Logistics).Id, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
            string missing = _org.Refused(RefusalCodes.HandoffEvidenceMissing,
                () => _org.As(lena).Update(Completion(_org.HandoffOf(after, BusinessFunction.Logistics).Id)), "task", "annotation");
            Assert.Contains("Service reference", missing);
        }

        [Fact]
        public void A_handoff_made_before_the_requirement_was_copied_still_needs_its_templates_evidence()
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            Guid delivery = _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            Guid contoso = _org.Account("Contoso");
            Guid deal = _org.Deal(contoso);
            // A handoff an earlier version made: its key and template, no copy of the requirement, no date it was handed off.
            Guid task = _org.System.Create(new Entity("task")
            {
                ["subject"] = "Plan the delivery – Line 4 retrofit", ["ownerid"] = new EntityReference("systemuser", lena),
                ["crmc_opportunityid"] = new EntityReference("opportunity", deal), ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics),
                ["crmc_handofftemplateid"] = new EntityReference("crmc_handofftemplate", delivery), ["crmc_handoffkey"] = $"{deal:N}:{delivery:N}",
            });

            string missing = _org.Refused(RefusalCodes.HandoffEvidenceMissing, () => _org.As(lena).Update(Completion(task)), "task", "annotation");
            Assert.Contains("Tracking number", missing);
        }
    }
}
