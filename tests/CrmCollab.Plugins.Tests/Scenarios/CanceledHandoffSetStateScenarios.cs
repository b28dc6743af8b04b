using System;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A delivery the administrator canceled (the customer would collect the machine himself) turns out to have been made
    /// after all, weeks past its due date: the administrator records it as done through SetState (an older client, the
    /// grid). Completed, it is dated the day it is recorded done and counted late, as the same move made by an Update is.
    /// Whether a task goes from Canceled to Completed directly, and whether a SetState runs the Update steps, are not
    /// documented: these scenarios run on an organisation whose task takes any move and where SetState runs no Update
    /// step of the handoff guard. Before, the completion kept the cancellation's date as its actual end and no on-time
    /// flag: the lateness figures counted it done on the day it was canceled, before its due date.
    /// </summary>
    public class CanceledHandoffSetStateScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
        {
            solution.Catalog.Table("task").StateTransitions.Clear();
            solution.Steps.RemoveAll(s => s.PluginTypeName.EndsWith(".HandoffGuard", StringComparison.Ordinal) && s.MessageName == "Update");
        });
        private readonly Guid _deal;

        public CanceledHandoffSetStateScenarios()
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: lena);
            _deal = _org.Deal(account);
            _org.Win(_deal);
            _org.As(lena).Update(new Entity("task", Delivery) { ["crmc_trackingnumber"] = "1Z999" });
            _org.As(_org.Admin).Update(new Entity("task", Delivery) { ["crmc_cancelreason"] = "The customer collects the machine himself" });
            _org.As(_org.Admin).Execute(CrmCollabOrg.StateChange("SetState", "task", Delivery, 2, 6));
        }

        private Guid Delivery => _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;

        [Theory]
        [InlineData("SetState")]
        [InlineData("SetStateDynamicEntity")]
        public void A_canceled_delivery_recorded_as_done_weeks_late_through_set_state_is_dated_that_day_and_counted_late(string message)
        {
            _org.Engine.Clock.Advance(TimeSpan.FromDays(40)); // well past its due date

            _org.As(_org.Admin).Execute(CrmCollabOrg.StateChange(message, "task", Delivery, 1, 5));

            Entity done = _org.Row("task", Delivery, "statecode", "actualend", "crmc_closedontime");
            Assert.Equal(1, done.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(_org.Engine.Clock.UtcNow.Date, done.GetAttributeValue<DateTime>("actualend").Date);
            Assert.False(done.GetAttributeValue<bool?>("crmc_closedontime"));
        }
    }
}
