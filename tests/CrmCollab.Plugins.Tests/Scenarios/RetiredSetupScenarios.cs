using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An administrator retires a feasibility rule, a routing rule or a handoff template with the grid's Deactivate
    /// (SetState, or an Update of its status) as readily as with its 'Active' flag: either way it stops applying.
    /// </summary>
    public class RetiredSetupScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private Guid Named(string table, string name) => _org.System.RetrieveMultiple(new QueryExpression(table)
        {
            ColumnSet = new ColumnSet(false),
            Criteria = { Conditions = { new ConditionExpression("crmc_name", ConditionOperator.Equal, name) } },
        }).Entities.Single().Id;

        private void Deactivate(string table, Guid id, bool throughSetState)
        {
            _org.As(_org.Admin).Execute(CrmCollabOrg.StateChange(throughSetState ? "SetState" : "Update", table, id, 1, 2));
            _org.Engine.DrainAsync();
        }

        private int Decision(Guid deal, BusinessFunction function) =>
            _org.Review(deal, function).GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void A_deactivated_feasibility_rule_withdraws_its_pending_reviews_and_no_longer_holds_the_deal(bool throughSetState)
        {
            (_, _, _, Guid deal) = _org.CustomDealAwaitingReviews(); // 80k custom deal: logistics and finance pending
            Guid finance = Named("crmc_feasibilityrule", "Custom above 50k: finance");

            Deactivate("crmc_feasibilityrule", finance, throughSetState);

            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(deal, BusinessFunction.Finance));
            Assert.Equal((int)ReviewDecision.Pending, Decision(deal, BusinessFunction.Logistics));
            Assert.DoesNotContain("Finance", _org.DealState(deal).GetAttributeValue<string>("crmc_feasibilitysummary"));

            _org.As(_org.Admin).Execute(CrmCollabOrg.StateChange("SetState", "crmc_feasibilityrule", finance, 0, 1));
            _org.Engine.DrainAsync();
            Assert.Contains("Finance", _org.DealState(deal).GetAttributeValue<string>("crmc_feasibilitysummary")); // asked again
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void A_deactivated_handoff_template_makes_no_task_at_the_next_win(bool throughSetState)
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid delivery = _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: lena);
            Guid deal = _org.Deal(account);

            Deactivate("crmc_handofftemplate", delivery, throughSetState);
            _org.Win(deal);

            Assert.Equal(new[] { (int)BusinessFunction.Adv },
                _org.HandoffTasks(deal).Entities.Select(t => t.GetAttributeValue<OptionSetValue>("crmc_function").Value).ToArray());
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void A_deactivated_routing_rule_routes_no_new_handoff(bool throughSetState)
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            Guid marc = _org.User("Marc Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            Guid desk = _org.Rule("Logistics desk", BusinessFunction.Logistics, marc, priority: 10);
            _org.Rule("Logistics backup desk", BusinessFunction.Logistics, lena, priority: 100);
            Guid deal = _org.Deal(_org.Account("Contoso")); // no dedicated owner: the rules route

            Deactivate("crmc_routingrule", desk, throughSetState);
            _org.Win(deal);

            Assert.Equal(lena, _org.HandoffOf(deal, BusinessFunction.Logistics).GetAttributeValue<EntityReference>("ownerid").Id);
        }
    }
}
