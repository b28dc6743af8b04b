using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A closed handoff changes state only by a CrmCollab Administrator (or CrmCollab itself): a delivery the
    /// administrator canceled, with its reason, is not turned into a completed one by its owner, where it would count in
    /// the function's on-time figures as work done. Whether Dataverse lets a task go from Canceled to Completed directly
    /// is not documented (the engine's task table allows only moves to and from Open): these scenarios run on an
    /// organisation whose task takes any move between its states, so the rule holds whatever the platform allows.
    /// </summary>
    public class CanceledHandoffCompletionScenarios
    {
        private static readonly string[] Touched = { "task" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) => solution.Catalog.Table("task").StateTransitions.Clear());
        private readonly Guid _lena, _deal;

        public CanceledHandoffCompletionScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: _lena);
            _deal = _org.Deal(account);
            _org.Win(_deal);
            // Lena had started it (its tracking number is in), then the customer decided to collect the machine himself.
            _org.As(_lena).Update(new Entity("task", Delivery) { ["crmc_trackingnumber"] = "1Z999" });
            _org.As(_org.Admin).Update(new Entity("task", Delivery)
            {
                ["crmc_cancelreason"] = "The customer collects the machine himself", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });
        }

        private Guid Delivery => _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;

        [Theory]
        [InlineData("Update")]
        [InlineData("SetState")]
        [InlineData("SetStateDynamicEntity")]
        [InlineData("UpdateMultiple")]
        [InlineData("ExecuteMultiple")]
        [InlineData("ExecuteTransaction")]
        public void Lena_cannot_turn_the_delivery_handoff_the_administrator_canceled_into_a_completed_one(string channel)
        {
            IOrganizationService lena = _org.As(_lena);
            OrganizationRequest complete = CrmCollabOrg.StateChange(channel.StartsWith("SetState", StringComparison.Ordinal) ? channel : "Update", "task", Delivery, 1, 5);
            Action attempt;
            switch (channel)
            {
                case "UpdateMultiple":
                    attempt = () => CrmCollabOrg.InUpdateMultiple(lena, new Entity("task", Delivery) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5) });
                    break;
                case "ExecuteMultiple": attempt = () => CrmCollabOrg.InExecuteMultiple(lena, complete); break;
                case "ExecuteTransaction": attempt = () => CrmCollabOrg.InExecuteTransaction(lena, complete); break;
                default: attempt = () => lena.Execute(complete); break;
            }

            string message = _org.RefusedNamingNoId(RefusalCodes.HandoffClosedStateAdminOnly, attempt, Touched);
            Assert.Contains("canceled", message);
            Assert.Equal(2, _org.Row("task", Delivery, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void An_administrator_may_still_record_the_canceled_delivery_as_done_after_all()
        {
            _org.As(_org.Admin).Execute(CrmCollabOrg.StateChange("SetState", "task", Delivery, 1, 5));

            Entity done = _org.Row("task", Delivery, "statecode", "actualend");
            Assert.Equal(1, done.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.NotNull(done.GetAttributeValue<DateTime?>("actualend"));
        }
    }
}
