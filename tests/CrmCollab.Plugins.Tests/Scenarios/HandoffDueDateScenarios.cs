using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A template's "Due After (Days)" is "the task is due this many days after the deal is won": a contract due three
    /// days after a Monday 09:00 win is due on Thursday at 09:00, and one due 0 days after is never due before it was
    /// handed off. Before, the due date was the win's day at midnight (UTC) plus the days: due on Thursday at 00:00 — the
    /// Wednesday evening in the Americas —, so ADV's contract sent on Thursday morning, inside its three days, counted as
    /// late in the on-time figures, and a handoff due 0 days after the win was overdue before it existed.
    /// </summary>
    public class HandoffDueDateScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _contoso;

        public HandoffDueDateScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _contoso = _org.Account("Contoso");
            _org.DedicatedOwner(_contoso, BusinessFunction.Adv, user: _alice);
        }

        private Entity HandoffOf(Guid deal) => _org.Row("task", Assert.Single(_org.HandoffTasks(deal).Entities).Id,
            "scheduledend", "crmc_handedoffon", "crmc_closedontime", "actualend");

        [Fact]
        public void A_contract_due_three_days_after_the_win_and_sent_on_the_third_morning_is_on_time()
        {
            _org.Template("Draw up and send the contract", BusinessFunction.Adv, 3, 10, "crmc_contractnumber");
            Guid deal = _org.Deal(_contoso);
            _org.Win(deal); // Monday 23 November, 09:00 UTC

            Entity contract = HandoffOf(deal);
            _org.Engine.Clock.Set(CrmCollabOrg.Start.AddDays(3).AddHours(-1)); // Thursday 08:00: 71 hours after the win
            _org.As(_alice).Update(new Entity("task", contract.Id)
            {
                ["crmc_contractnumber"] = "CT-2026-118", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            });

            Assert.True(HandoffOf(deal).GetAttributeValue<bool>("crmc_closedontime"));
            Assert.Equal(CrmCollabOrg.Start.AddDays(3), HandoffOf(deal).GetAttributeValue<DateTime>("scheduledend"), TimeSpan.FromMinutes(1));
        }

        [Fact]
        public void A_handoff_due_the_day_of_the_win_is_never_due_before_it_was_handed_off()
        {
            _org.Template("Confirm the order to the customer", BusinessFunction.Adv, 0, 10);
            Guid deal = _org.Deal(_contoso);
            _org.Win(deal);

            Entity confirmation = HandoffOf(deal);
            Assert.True(confirmation.GetAttributeValue<DateTime>("scheduledend") >= confirmation.GetAttributeValue<DateTime>("crmc_handedoffon"));
        }
    }
}
