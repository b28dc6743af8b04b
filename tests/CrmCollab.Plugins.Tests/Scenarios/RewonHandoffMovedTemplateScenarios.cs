using System;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A canceled handoff given back at a re-win stands for its template as it is at that win: when an administrator has
    /// moved the template to another function in between, the handoff is that function's work — its function, place,
    /// owner and routing path agree. Random operations, seed 6789: the contract, canceled, then its template moved from ADV
    /// to Logistics, came back routed to Logistics' Lena while it still said ADV, so the ADV routing and every view by
    /// function disagreed with who held it.
    /// </summary>
    public class RewonHandoffMovedTemplateScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        [Fact]
        public void A_canceled_contract_whose_template_moved_to_logistics_comes_back_at_the_re_win_as_logistics_work()
        {
            Guid manager = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            Guid lena = _org.User("Lena Logistics", "CrmCollab Logistics"), alice = _org.User("Alice ADV", "CrmCollab ADV");
            Guid template = _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid contoso = _org.Account("Contoso");
            _org.DedicatedOwner(contoso, BusinessFunction.Logistics, user: lena);
            _org.DedicatedOwner(contoso, BusinessFunction.Adv, user: alice);
            Guid deal = _org.Deal(contoso);
            _org.Win(deal);
            Guid contract = _org.HandoffOf(deal, BusinessFunction.Adv).Id;
            var dealRef = new EntityReference("opportunity", deal);
            _org.As(_org.Rep).Execute(new AssignRequest { Target = dealRef, Assignee = new EntityReference("systemuser", manager) });
            _org.As(manager).Execute(new SetStateRequest { EntityMoniker = dealRef, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            _org.As(_org.Admin).Update(new Entity("task", contract)
            {
                ["crmc_cancelreason"] = "The customer paused the order", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });
            _org.Lose(deal, manager);
            // Meanwhile the contract becomes Logistics' step (it now drafts the delivery contract with the carrier).
            _org.As(_org.Admin).Update(new Entity("crmc_handofftemplate", template) { ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics) });

            _org.Engine.Clock.Advance(TimeSpan.FromDays(30));
            _org.As(manager).Execute(new SetStateRequest { EntityMoniker = dealRef, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            _org.Win(deal, manager);

            Entity back = _org.Row("task", contract, "statecode", "ownerid", "crmc_function", "crmc_routingpath");
            Assert.Equal(0, back.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal((int)BusinessFunction.Logistics, back.GetAttributeValue<OptionSetValue>("crmc_function").Value);
            Assert.Equal(lena, back.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("Logistics: dedicated owner of account Contoso", back.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
