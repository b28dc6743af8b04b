using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
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
        public void A_handoff_given_back_when_its_deal_is_won_again_is_timed_from_that_win_not_from_the_first()
        {
            Guid leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            Guid manager = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: leo);
            Guid deal = _org.Deal(account);
            _org.Win(deal);
            Guid task = _org.HandoffOf(deal, BusinessFunction.Logistics).Id;
            // The customer pauses the order: the manager reopens the deal, cancels the delivery and loses the deal.
            var dealRef = new EntityReference("opportunity", deal);
            _org.As(_org.Rep).Execute(new AssignRequest { Target = dealRef, Assignee = new EntityReference("systemuser", manager) });
            _org.As(manager).Execute(new SetStateRequest { EntityMoniker = dealRef, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            _org.As(_org.Admin).Update(new Entity("task", task)
            {
                ["crmc_cancelreason"] = "The customer paused the order", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });
            _org.Lose(deal, manager);

            // A month later the customer comes back: the deal is won again and the delivery handed back to Leo,
            // who accepts it two hours later and completes it the same day.
            _org.Engine.Clock.Advance(TimeSpan.FromDays(30));
            _org.As(manager).Execute(new SetStateRequest { EntityMoniker = dealRef, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            _org.Win(deal, manager);
            _org.Engine.Clock.Advance(TimeSpan.FromHours(2));
            _org.As(leo).Update(new Entity("task", task) { ["crmc_acceptedon"] = _org.Engine.Clock.UtcNow });
            // The date it was handed off is CrmCollab's: nobody moves it to look quicker.
            _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(leo).Update(new Entity("task", task)
            {
                ["crmc_handedoffon"] = _org.Engine.Clock.UtcNow,
            }), "task");
            _org.Engine.Clock.Advance(TimeSpan.FromHours(4));
            _org.As(leo).Update(new Entity("task", task)
            {
                ["crmc_trackingnumber"] = "1Z999", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            });

            // Logistics took two hours to accept the work it was given, not the month the order was paused.
            KpiInputs inputs = new KpiRepository(_org.System).Read();
            HandoffRecord handoff = Assert.Single(inputs.Handoffs);
            Assert.InRange(inputs.Compute(_org.Engine.Clock.UtcNow).HandoffAcceptanceMedianHours.Value, 1.99, 2.01);
            Assert.InRange((handoff.CompletedOn.Value - handoff.CreatedOn).TotalHours, 5.99, 6.01);
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

        [Fact]
        public void An_approval_replaced_by_a_new_finance_review_when_the_deal_grew_is_not_a_decision_that_stands()
        {
            Guid fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Finance, user: fiona);
            _org.FeasibilityRule("Discounted custom deals: finance", BusinessFunction.Finance, "crmc_discountpercent");
            _org.FeasibilityRule("Above 500k: finance", BusinessFunction.Finance, "estimatedvalue,crmc_paymentterms", minAmount: 500000m, customOnly: false);
            Guid deal = _org.CustomDeal(account, amount: 80000m);
            _org.MoveTo(deal, SalesStage.Develop);
            _org.Engine.Clock.Advance(TimeSpan.FromHours(2));
            _org.Decide(fiona, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved); // 2 h for the 80k deal

            // The customer wants 900k: finance is asked again (the 80k approval never looked at the amount) and takes 10 h.
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["estimatedvalue"] = new Money(900000m) });
            _org.Engine.Clock.Advance(TimeSpan.FromHours(10));
            _org.Decide(fiona, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);

            // One decision stands, taken in 10 h; the first is history (superseded), not a second standing decision.
            KpiInputs inputs = new KpiRepository(_org.System).Read();
            Assert.Equal(2, inputs.Reviews.Count(r => r.DecidedOn.HasValue));
            KpiReport report = inputs.Compute(_org.Engine.Clock.UtcNow);
            Assert.Equal(1, report.ReviewsDecided);
            Assert.InRange(report.ReviewTurnaroundMedianHours.Value, 9.99, 10.01);
        }

        [Fact]
        public void A_handoff_canceled_when_its_deal_was_reopened_and_lost_is_neither_open_nor_overdue()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV");
            Guid manager = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: alice);
            Guid paused = _org.Deal(account, "Paused"), running = _org.Deal(account, "Running");
            _org.Win(paused);
            _org.Win(running);
            // The customer of "Paused" calls the order off: the manager reopens the deal, cancels its contract and loses it.
            var dealRef = new EntityReference("opportunity", paused);
            _org.As(_org.Rep).Execute(new AssignRequest { Target = dealRef, Assignee = new EntityReference("systemuser", manager) });
            _org.As(manager).Execute(new SetStateRequest { EntityMoniker = dealRef, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            _org.As(_org.Admin).Update(new Entity("task", _org.HandoffOf(paused, BusinessFunction.Adv).Id)
            {
                ["crmc_cancelreason"] = "The customer called the order off", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });
            _org.Lose(paused, manager);

            // Ten days later ADV has one contract to draw up, past its due date: the running deal's, not the canceled one.
            KpiReport report = new KpiRepository(_org.System).Load(_org.Engine.Clock.UtcNow.AddDays(10));
            Assert.Equal(1, report.HandoffsOpen);
            Assert.Equal(1, report.HandoffsOverdue);
            // Nothing completed: the running deal's overdue contract is the one late, the canceled one is not counted.
            Assert.Equal(new[] { "Adv 1/0" }, report.HandoffsOnTime.Select(f => $"{f.Function} {f.Total}/{f.Part}"));
        }
    }
}
