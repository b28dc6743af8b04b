using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// No Microsoft page says that a SetState runs the table's Update steps, so a handoff closed, canceled or reopened
    /// through SetState must be guarded by a step on SetState itself. These scenarios run on an organisation where
    /// SetState runs no Update step of the handoff guard at all: what holds is the SetState step alone.
    /// </summary>
    public class HandoffSetStateScenarios
    {
        private static readonly string[] Touched = { "task", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
            solution.Steps.RemoveAll(s => s.PluginTypeName.EndsWith(".HandoffGuard", StringComparison.Ordinal) && s.MessageName == "Update"));
        private readonly Guid _lena, _deal;

        public HandoffSetStateScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber,crmc_deliveredon");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: _lena);
            _deal = _org.Deal(account);
            _org.Win(_deal);
        }

        private Guid Delivery => _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;

        private static OrganizationRequest SetState(string message, Guid task, int state, int status) =>
            CrmCollabOrg.StateChange(message, "task", task, state, status);

        [Theory]
        [InlineData("SetState")]
        [InlineData("SetStateDynamicEntity")]
        public void A_handoff_completed_through_set_state_needs_its_evidence_and_gets_the_server_stamps(string message)
        {
            string missing = _org.Refused(RefusalCodes.HandoffEvidenceMissing, () => _org.As(_lena).Execute(SetState(message, Delivery, 1, 5)), Touched);
            _org.Refused(RefusalCodes.HandoffEvidenceMissing, () => CrmCollabOrg.InExecuteMultiple(_org.As(_lena), SetState(message, Delivery, 1, 5)), Touched);
            Assert.Contains("fill in Tracking number, Delivered on first", missing);

            _org.As(_lena).Update(new Entity("task", Delivery) { ["crmc_trackingnumber"] = "1Z999", ["crmc_deliveredon"] = CrmCollabOrg.Start.AddDays(3) });
            _org.Engine.Clock.Advance(TimeSpan.FromDays(40)); // after its due date
            _org.As(_lena).Execute(SetState(message, Delivery, 1, 5));

            Entity closed = _org.Row("task", Delivery, "statecode", "actualend", "crmc_closedontime");
            Assert.Equal(1, closed.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(_org.Engine.Clock.UtcNow.Date, closed.GetAttributeValue<DateTime>("actualend").Date);
            Assert.False(closed.GetAttributeValue<bool>("crmc_closedontime"));
        }

        [Fact]
        public void A_plain_task_completed_through_set_state_gets_none_of_a_handoffs_stamps()
        {
            Guid call = _org.As(_lena).Create(new Entity("task") { ["subject"] = "Call the carrier" });

            _org.As(_lena).Execute(SetState("SetState", call, 1, 5));

            Entity closed = _org.Row("task", call, "statecode", "actualend", "crmc_closedontime");
            Assert.Equal(1, closed.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Null(closed.GetAttributeValue<DateTime?>("actualend"));
            Assert.NotEqual(true, closed.GetAttributeValue<bool?>("crmc_closedontime"));
        }

        [Fact]
        public void Only_an_administrator_cancels_or_reopens_a_handoff_through_set_state()
        {
            _org.Refused(RefusalCodes.HandoffCancelAdminOnly, () => _org.As(_lena).Execute(SetState("SetState", Delivery, 2, 6)), Touched);
            _org.Refused(RefusalCodes.HandoffCancelReason, () => _org.As(_org.Admin).Execute(SetState("SetStateDynamicEntity", Delivery, 2, 6)), Touched);
            _org.As(_org.Admin).Update(new Entity("task", Delivery) { ["crmc_cancelreason"] = "The customer collects the machine himself" });
            _org.As(_org.Admin).Execute(SetState("SetState", Delivery, 2, 6));

            _org.Refused(RefusalCodes.HandoffReopenAdminOnly, () => _org.As(_lena).Execute(SetState("SetState", Delivery, 0, 2)), Touched);
            Assert.Equal(2, _org.Row("task", Delivery, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Theory]
        [InlineData("SetState")]
        [InlineData("SetStateDynamicEntity")]
        public void A_handoff_canceled_through_set_state_is_dated_and_reopened_it_loses_the_date(string message)
        {
            _org.As(_org.Admin).Update(new Entity("task", Delivery) { ["crmc_cancelreason"] = "The customer paused the order" });
            _org.Engine.Clock.Advance(TimeSpan.FromDays(2));
            DateTime canceled = _org.Engine.Clock.UtcNow;
            _org.As(_org.Admin).Execute(SetState(message, Delivery, 2, 6));

            // Later writes (here the task's description) leave the date of the cancellation, which a re-win compares with the loss.
            _org.Engine.Clock.Advance(TimeSpan.FromDays(30));
            _org.As(_org.Admin).Update(new Entity("task", Delivery) { ["description"] = "See the customer's letter" });
            Assert.InRange(_org.Row("task", Delivery, "actualend").GetAttributeValue<DateTime>("actualend"), canceled, canceled.AddSeconds(1));

            _org.As(_org.Admin).Execute(SetState(message, Delivery, 0, 2));
            Assert.Null(_org.Row("task", Delivery, "actualend").GetAttributeValue<DateTime?>("actualend"));
        }
    }
}
