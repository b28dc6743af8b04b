using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Contoso asked for its delivery a week later; Lena, then the CrmCollab Administrator she turns to, try to move the
    /// delivery handoff's due date. The due date is CrmCollab's (the win plus the template's 'Due After (Days)'), for an
    /// administrator too, so the refusal tells each of them what they can do: a CrmCollab Administrator corrects the
    /// template for the deals won next, and the deadline agreed for this handoff goes in a note. Before, it told both to
    /// ask their CrmCollab administrator, who was refused the same save with the same advice.
    /// </summary>
    public class HandoffDueDateRefusalScenarios
    {
        private static readonly string[] Touched = { "task", "opportunity" };
        private readonly ContractAndDeliveryOrg _contoso = new ContractAndDeliveryOrg();

        public HandoffDueDateRefusalScenarios() => _contoso.Org.Win(_contoso.Deal);

        private Guid Delivery => _contoso.Org.HandoffOf(_contoso.Deal, BusinessFunction.Logistics).Id;

        [Fact]
        public void Lena_and_the_administrator_she_asks_are_both_told_what_they_can_do_about_a_due_date_that_moved()
        {
            CrmCollabOrg org = _contoso.Org;
            DateTime due = org.Row("task", Delivery, "scheduledend").GetAttributeValue<DateTime>("scheduledend");
            var later = new Entity("task", Delivery) { ["scheduledend"] = due.AddDays(7) };

            string lena = org.Refused(RefusalCodes.HandoffServerColumn, () => org.As(_contoso.Lena).Update(later), Touched);
            string admin = org.Refused(RefusalCodes.HandoffServerColumn, () => org.As(org.Admin).Update(later), Touched);

            Assert.Equal(lena, admin);
            Assert.DoesNotContain("ask your CrmCollab administrator", admin);
            Assert.Equal("These columns of a handoff are set by CrmCollab (its deal and due date when the deal is won, its actual end when it is " +
                "completed) and cannot be edited: Due date. Leave them out of the save. A due date is the win plus the handoff template's " +
                "'Due After (Days)', which a CrmCollab Administrator corrects for the deals won next; to record a deadline agreed since, add a note " +
                "to the task. [CRMC-HANDOFF-SERVER-COLUMN]", admin);
        }
    }
}
