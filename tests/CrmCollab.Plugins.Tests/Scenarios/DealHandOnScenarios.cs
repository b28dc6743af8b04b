using System;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A salesperson hands a deal to a colleague (Assign, or a save of its owner). Dataverse cascades the owner change to the tasks regarding the deal
    /// (Opportunity_Tasks ships Assign: Cascade), the handoffs included: the deal must move, and the handoffs must stay
    /// with the ADV, logistics and SAV people they were routed to — a completed one with who did it.
    /// </summary>
    public class DealHandOnScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _alice, _colleague, _account;

        public DealHandOnScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _colleague = _org.User("Chris Sales", "CrmCollab Salesperson", _org.Sales);
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            _org.Template("Open the order", BusinessFunction.Adv, 5, 10);
            _account = _org.Account("Contoso");
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _lena);
            _org.Rule("ADV desk", BusinessFunction.Adv, _alice);
        }

        private AssignRequest HandOn(Guid deal) => new AssignRequest
        {
            Target = new EntityReference("opportunity", deal), Assignee = new EntityReference("systemuser", _colleague),
        };

        private Guid OwnerOf(string table, Guid id) => _org.Row(table, id, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id;

        [Theory]
        [InlineData("Assign")]
        [InlineData("ExecuteMultiple")]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        public void A_salesperson_hands_a_won_deal_to_a_colleague_the_deal_moves_the_logistics_handoff_stays_with_Lena(string channel)
        {
            Guid deal = _org.Deal(_account);
            _org.Win(deal);
            Guid delivery = _org.HandoffOf(deal, BusinessFunction.Logistics).Id, order = _org.HandoffOf(deal, BusinessFunction.Adv).Id;
            IOrganizationService rep = _org.As(_org.Rep);

            // Update: the form's owner field and the Web API (which has no Assign) give the deal by saving its owner.
            var save = new Entity("opportunity", deal) { ["ownerid"] = new EntityReference("systemuser", _colleague) };
            if (channel == "ExecuteMultiple") CrmCollabOrg.InExecuteMultiple(rep, HandOn(deal));
            else if (channel == "Update") rep.Update(save);
            else if (channel == "UpdateMultiple") CrmCollabOrg.InUpdateMultiple(rep, save);
            else rep.Execute(HandOn(deal));

            Assert.Equal(_colleague, OwnerOf("opportunity", deal));
            Assert.Equal(_lena, OwnerOf("task", delivery));
            Assert.Equal(_alice, OwnerOf("task", order));
        }

        [Fact]
        public void A_completed_handoff_stays_with_who_did_it_when_the_won_deal_is_handed_to_a_colleague()
        {
            Guid deal = _org.Deal(_account);
            _org.Win(deal);
            Guid delivery = _org.HandoffOf(deal, BusinessFunction.Logistics).Id;
            _org.As(_lena).Update(new Entity("task", delivery)
            {
                ["crmc_trackingnumber"] = "1Z999", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            });

            _org.As(_org.Rep).Execute(HandOn(deal));

            Assert.Equal(_colleague, OwnerOf("opportunity", deal));
            Assert.Equal(_lena, OwnerOf("task", delivery));
        }

        [Fact]
        public void An_open_deal_without_handoffs_moves_to_the_colleague_with_the_salespersons_own_follow_up_task()
        {
            Guid deal = _org.Deal(_account);
            Guid followUp = _org.As(_org.Rep).Create(new Entity("task")
            {
                ["subject"] = "Call the buyer back", ["regardingobjectid"] = new EntityReference("opportunity", deal),
            });

            _org.As(_org.Rep).Execute(HandOn(deal));

            Assert.Equal(_colleague, OwnerOf("opportunity", deal));
            Assert.Equal(_colleague, OwnerOf("task", followUp));
        }
    }
}
