using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A lost deal has no open post-sale handoff: it is lost only once they are canceled or done (CRMC-HANDOFF-OPEN-ON-LOSS),
    /// and a canceled one of a lost deal is not reopened either, even by a CrmCollab Administrator — Lena would deliver for a
    /// deal the customer turned down. Winning the deal again gives its canceled handoffs back (HandoffCreation).
    /// </summary>
    public class LostDealHandoffReopenScenarios
    {
        private static readonly string[] Touched = { "task", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _manager, _deal, _delivery;

        /// <summary>Mia, a sales manager and CrmCollab Administrator, reopens a won deal, cancels its delivery and loses it.</summary>
        public LostDealHandoffReopenScenarios()
        {
            (_manager, _, _, _deal) = _org.WonContosoDelivery();
            _delivery = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            _org.HandToAndReopen(_deal, _manager);
            _org.As(_manager).Update(new Entity("task", _delivery)
            {
                ["crmc_cancelreason"] = "The customer cancelled the order", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });
            _org.Lose(_deal, _manager);
        }

        private int StateOf(Guid task) => _org.Row("task", task, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value;

        [Theory]
        [InlineData("Update")]
        [InlineData("SetState")]
        [InlineData("ExecuteMultiple")]
        [InlineData("ExecuteTransaction")]
        public void A_canceled_delivery_of_a_lost_deal_is_not_reopened_even_by_an_administrator(string channel)
        {
            IOrganizationService admin = _org.As(_org.Admin);
            OrganizationRequest reopen = channel == "SetState"
                ? new SetStateRequest { EntityMoniker = new EntityReference("task", _delivery), State = new OptionSetValue(0), Status = new OptionSetValue(2) }
                : (OrganizationRequest)new UpdateRequest { Target = new Entity("task", _delivery) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(2) } };
            Action attempt;
            switch (channel)
            {
                case "ExecuteMultiple": attempt = () => CrmCollabOrg.InExecuteMultiple(admin, reopen); break;
                case "ExecuteTransaction": attempt = () => CrmCollabOrg.InExecuteTransaction(admin, reopen); break;
                default: attempt = () => admin.Execute(reopen); break;
            }

            string message = _org.Refused(RefusalCodes.HandoffReopenLostDeal, attempt, Touched);

            Assert.StartsWith("'Line 4 retrofit' was lost", message);
            CrmCollabOrg.ShowsNoIdOrTypeName(message);
            Assert.Equal(2, StateOf(_delivery));
        }

        [Fact]
        public void Once_the_deal_is_reopened_an_administrator_may_reopen_its_canceled_delivery()
        {
            _org.As(_manager).Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1),
            });

            _org.As(_org.Admin).Update(new Entity("task", _delivery) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(2) });

            Assert.Equal(0, StateOf(_delivery));
        }
    }
}
