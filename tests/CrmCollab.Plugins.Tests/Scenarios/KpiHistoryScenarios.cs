using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Kpi;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>The shared objectives count what happened, whatever an administrator tidies up or reopens afterwards.</summary>
    public class KpiHistoryScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private KpiReport Kpis() => new KpiRepository(_org.System).Load(CrmCollabOrg.Start.AddDays(10));

        private static string HandoffFigures(KpiReport report) =>
            string.Join(";", report.HandoffsOnTime.Select(f => $"{f.Function} {f.Total}/{f.Part}")) + " accepted:" + report.HandoffAcceptanceMedianHours;

        [Fact]
        public void Deleting_a_retired_handoff_template_keeps_its_completed_handoffs_in_the_figures()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV");
            Guid template = _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: alice);
            Guid deal = _org.Deal(account);
            _org.Win(deal);
            Guid task = _org.HandoffOf(deal, BusinessFunction.Adv).Id;
            _org.As(alice).Update(new Entity("task", task) { ["crmc_acceptedon"] = _org.Engine.Clock.UtcNow });
            _org.As(alice).Update(new Entity("task", task) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5) });
            string before = HandoffFigures(Kpis());
            Assert.StartsWith("Adv 1/1", before);

            _org.As(_org.Admin).Delete("crmc_handofftemplate", template); // the platform removes the tasks' link to it

            Assert.Equal(before, HandoffFigures(Kpis()));
        }

        [Fact]
        public void Amendments_per_won_deal_count_only_the_deals_still_won()
        {
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: _org.User("Alice ADV", "CrmCollab ADV"));
            Guid amended = _org.Deal(account, "Amended"), plain = _org.Deal(account, "Plain");
            _org.Win(amended);
            _org.Win(plain);
            _org.Decide(_org.Amendment(amended), _org.Admin, AmendmentState.Approved);
            Assert.Equal(0.5, Kpis().AmendmentsPerWonDeal);

            // A manager who is a CrmCollab Administrator reopens the amended deal: it is no longer a won deal.
            Guid manager = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.As(_org.Rep).Execute(new AssignRequest { Target = new EntityReference("opportunity", amended), Assignee = new EntityReference("systemuser", manager) });
            _org.As(manager).Execute(new SetStateRequest { EntityMoniker = new EntityReference("opportunity", amended), State = new OptionSetValue(0), Status = new OptionSetValue(1) });

            Assert.Equal(0.0, Kpis().AmendmentsPerWonDeal);
        }
    }
}
