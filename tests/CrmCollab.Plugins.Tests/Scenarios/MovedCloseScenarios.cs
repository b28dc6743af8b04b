using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A close activity's opportunity is writable on Update (OpportunityClose table reference: OpportunityId is a writable
    /// column, IsValidForUpdate not false), so a close can be moved from one deal to another without a Create or a Delete.
    /// </summary>
    public class MovedCloseScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _manager, _contoso, _deal;

        public MovedCloseScenarios()
        {
            (_manager, _, _contoso, _deal) = _org.WonContosoDelivery();
        }

        private void Reopen(Guid deal) =>
            _org.As(_manager).Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("opportunity", deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1),
            });

        private Guid LossOf(Guid deal)
        {
            var closes = new QueryExpression("opportunityclose") { ColumnSet = new ColumnSet("subject") };
            closes.Criteria.AddCondition("opportunityid", ConditionOperator.Equal, deal);
            return _org.System.RetrieveMultiple(closes).Entities.Single(c => c.GetAttributeValue<string>("subject") == "Lost to a competitor").Id;
        }

        private static Entity MovedTo(Guid close, Guid deal) =>
            new Entity("opportunityclose", close) { ["opportunityid"] = new EntityReference("opportunity", deal) };

        [Theory]
        [InlineData("Update")]
        [InlineData("ExecuteMultiple")]
        public void The_loss_of_a_deal_won_once_is_not_moved_to_another_deal_so_winning_it_again_still_brings_back_the_canceled_work(string channel)
        {
            Guid task = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            _org.HandToAndReopen(_deal, _manager);
            _org.As(_org.Admin).Update(new Entity("task", task)
            {
                ["crmc_cancelreason"] = "The customer paused the order", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });
            _org.Lose(_deal, _manager);
            Guid loss = LossOf(_deal);
            Guid elsewhere = _org.As(_manager).Create(new Entity("opportunity") { ["name"] = "Spare parts", ["customerid"] = new EntityReference("account", _contoso) });

            // The manager owns the loss and may edit their activities, but not move it off the deal: the next win reads it.
            IOrganizationService service = _org.As(_manager);
            Action attempt = channel == "ExecuteMultiple"
                ? () => CrmCollabOrg.InExecuteMultiple(service, new UpdateRequest { Target = MovedTo(loss, elsewhere) })
                : (Action)(() => service.Update(MovedTo(loss, elsewhere)));
            string message = _org.Refused(RefusalCodes.CloseHistoryKept, attempt, "opportunityclose", "task");
            Assert.StartsWith("The opportunity 'Line 4 retrofit' has been won", message);
            CrmCollabOrg.ShowsNoIdOrTypeName(message);

            _org.Engine.Clock.Advance(TimeSpan.FromDays(30));
            Reopen(_deal);
            _org.Win(_deal, _manager);

            Assert.Equal(0, _org.Row("task", task, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void Another_deals_close_is_not_moved_onto_a_deal_won_once_but_closes_of_deals_never_won_move_freely()
        {
            Guid lostDeal = _org.Deal(_contoso, "Spare parts");
            _org.Lose(lostDeal);
            Guid otherDeal = _org.Deal(_contoso, "Second line");
            Guid loss = LossOf(lostDeal);

            _org.Refused(RefusalCodes.CloseHistoryKept, () => _org.As(_org.Rep).Update(MovedTo(loss, _deal)), "opportunityclose", "task");

            _org.As(_org.Rep).Update(MovedTo(loss, otherDeal));
            Assert.Equal(otherDeal, _org.Row("opportunityclose", loss, "opportunityid").GetAttributeValue<EntityReference>("opportunityid").Id);
        }
    }
}
