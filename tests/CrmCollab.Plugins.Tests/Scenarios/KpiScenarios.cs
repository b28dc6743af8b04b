using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Kpi;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>The KPI loader reads every page of the records people made and matches figures computed by hand.</summary>
    public class KpiScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private void At(double hours) => _org.Engine.Clock.Set(CrmCollabOrg.Start.AddHours(hours));

        private void Complete(Guid task, Guid asUser) => _org.As(asUser).Update(new Entity("task", task)
        {
            ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
        });

        private Guid Review(Guid deal, Guid reviewer, double dueInHours) => _org.FinanceReview(deal, reviewer, CrmCollabOrg.Start.AddHours(dueInHours));

        private void Approve(Guid review, Guid reviewer) =>
            _org.As(reviewer).Update(new Entity("crmc_feasibilityreview", review) { ["crmc_decision"] = new OptionSetValue(100000001) });

        private void Accept(Guid task, Guid owner) =>
            _org.As(owner).Update(new Entity("task", task) { ["crmc_acceptedon"] = _org.Engine.Clock.UtcNow });

        [Fact]
        public void The_loader_matches_hand_computed_values_across_pages()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV"), lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            Guid sally = _org.User("Sally SAV", "CrmCollab SAV"), rita = _org.User("Rita Reviewer", "CrmCollab Reviewer");
            _org.Template("Contract", BusinessFunction.Adv, 1, 10);
            _org.Template("Delivery", BusinessFunction.Logistics, 10, 20);
            _org.Template("Onboarding", BusinessFunction.Sav, 5, 30);
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: alice);
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: lena);
            _org.DedicatedOwner(account, BusinessFunction.Sav, user: sally);
            Guid reviewed = _org.Deal(account, "Still open"), won = _org.Deal(account, "Won"), alsoWon = _org.Deal(account, "Also won");

            // T0: three reviews requested (one due at +10 h), one deal won (three handoffs), an ADV lead signal.
            Guid r1 = Review(reviewed, rita, 48), r2 = Review(reviewed, rita, 48);
            Review(reviewed, rita, 10);
            _org.Win(won);
            _org.Signal(account, SignalKind.Lead, alice);
            At(2); // reviews decided in 2 h and 6 h; handoffs accepted in 2 h and 6 h
            Approve(r1, rita);
            Accept(_org.HandoffOf(won, BusinessFunction.Adv).Id, alice);
            Guid complaint = _org.Signal(account, SignalKind.Complaint, sally);
            At(6);
            Approve(r2, rita);
            Accept(_org.HandoffOf(won, BusinessFunction.Logistics).Id, lena);
            _org.Signal(account, SignalKind.ChurnRisk, sally);
            At(30); // ADV due the next day at 00:00: late; SAV due in 5 days: on time
            Complete(_org.HandoffOf(won, BusinessFunction.Adv).Id, alice);
            Complete(_org.HandoffOf(won, BusinessFunction.Sav).Id, sally);
            _org.As(_org.Rep).Update(new Entity("crmc_fieldsignal", complaint) { ["crmc_acknowledgedon"] = _org.Engine.Clock.UtcNow });
            _org.Decide(_org.Amendment(won), _org.Admin, AmendmentState.Approved);
            _org.Decide(_org.Amendment(won), _org.Admin, AmendmentState.Rejected, "No");
            _org.Win(alsoWon);

            KpiReport report = new KpiRepository(_org.System, pageSize: 2).Load(CrmCollabOrg.Start.AddHours(72));

            Assert.Equal(4, report.ReviewTurnaroundMedianHours.Value, 3);    // (2 + 6) / 2
            Assert.Equal(5.6, report.ReviewTurnaroundP90Hours.Value, 3);     // 2 + 0.9 × (6 − 2)
            Assert.Equal(2, report.ReviewsDecided);
            Assert.Equal(1, report.ReviewsOverdue);                          // pending, due at +10 h
            Assert.Equal(4, report.HandoffAcceptanceMedianHours.Value, 3);
            // ADV: the contract done late, and "Also won"'s contract overdue now (late already, as the report counts it).
            Assert.Equal(new[] { "Adv 2/0", "Sav 1/1" }, report.HandoffsOnTime.Select(f => $"{f.Function} {f.Total}/{f.Part}"));
            Assert.Equal(new[] { "Adv 1/0", "Sav 2/1" }, report.SignalsAcknowledged.Select(f => $"{f.Function} {f.Total}/{f.Part}"));
            Assert.Equal(0.5, report.AmendmentsPerWonDeal);                  // 1 applied (1 rejected) / 2 won
        }
    }
}
