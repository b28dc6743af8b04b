using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Cli.Report;
using CrmCollab.Cli.Simulation;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    /// <summary>
    /// Each figure of the collaboration report on a small seeded run, against the same figure computed here from the
    /// records with the test's own queries (and, for refused gate moves, the run's log).
    /// </summary>
    public class ReportFigureTests : IClassFixture<ReportRunFixture>
    {
        private readonly ReportRunFixture _run;
        private readonly CollaborationReport _report;

        public ReportFigureTests(ReportRunFixture run)
        {
            _run = run;
            _report = run.Report;
        }

        private List<Entity> Rows(string table, params string[] columns) =>
            _run.Engine.SystemService.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(columns) }).Entities.ToList();

        private Dictionary<Guid, string> Names() => Rows("systemuser", "fullname").ToDictionary(u => u.Id, u => u.GetAttributeValue<string>("fullname"));

        private static int Choice(Entity row, string column) => row.GetAttributeValue<OptionSetValue>(column)?.Value ?? -1;

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        [Fact]
        public void The_run_leaves_work_in_flight_and_counts_the_backlog_each_week()
        {
            var snapshots = _report.Trend.Backlog;
            Assert.True(snapshots.Count >= 4, $"{snapshots.Count} snapshots");
            Assert.Contains(snapshots, s => s.HandoffsOpen > 0);
            Assert.Contains(snapshots, s => s.ReviewsPending > 0);
            var openTasks = Rows("task", "statecode", "scheduledend", "crmc_handofftemplateid")
                .Where(t => t.GetAttributeValue<EntityReference>("crmc_handofftemplateid") != null && Choice(t, "statecode") == 0).ToList();
            BacklogSnapshot last = snapshots.Last();
            Assert.Equal(_run.Now, last.At);
            Assert.Equal(openTasks.Count, last.HandoffsOpen);
            Assert.Equal(openTasks.Count(t => t.GetAttributeValue<DateTime>("scheduledend") < _run.Now), last.HandoffsOverdue);
            Assert.Equal(openTasks.Count, _report.Headline.HandoffsOpenNow);
            Assert.True(_report.Headline.HandoffsOpenNow > 0, "the run ended with no handoff in flight");
        }

        [Fact]
        public void The_weekly_backlog_counts_are_the_same_whether_the_platform_answers_the_aggregate_or_refuses_it()
        {
            // Limit 1: every count the platform would refuse (as above 50,000 records) is counted by pages instead.
            BacklogSnapshot counted = new BacklogObserver(_run.Org).Take(), paged = new BacklogObserver(_run.Org, aggregateLimit: 1).Take();
            var reviews = Rows("crmc_feasibilityreview", "crmc_decision", "crmc_duedate").Where(r => Choice(r, "crmc_decision") == 100000000).ToList();
            var signals = Rows("crmc_fieldsignal", "crmc_acknowledgedon").Where(s => s.GetAttributeValue<DateTime?>("crmc_acknowledgedon") == null).ToList();
            Assert.True(reviews.Count > 1 && signals.Count > 1, "the run ends with pending reviews and unacknowledged signals");
            foreach (BacklogSnapshot snapshot in new[] { counted, paged })
            {
                Assert.Equal(reviews.Count, snapshot.ReviewsPending);
                Assert.Equal(reviews.Count(r => r.GetAttributeValue<DateTime?>("crmc_duedate") < _run.Now), snapshot.ReviewsOverdue);
                Assert.Equal(signals.Count, snapshot.SignalsUnacknowledged);
                Assert.Equal(_report.Headline.HandoffsOpenNow, snapshot.HandoffsOpen);
            }
            Assert.Equal(counted.HandoffsOverdue, paged.HandoffsOverdue);
            Assert.Equal(_report.Trend.Backlog.Last().HandoffsOverdue, counted.HandoffsOverdue);
        }

        [Fact]
        public void Deals_stopped_at_the_gate_over_the_run_are_counted_by_function_with_the_value_they_hold()
        {
            var value = Rows("opportunity", "estimatedvalue").ToDictionary(d => d.Id, d => d.GetAttributeValue<Money>("estimatedvalue").Value);
            var blocks = _run.Org.Log.Blocks;
            Assert.NotEmpty(blocks);
            Assert.Equal(blocks.Count, _report.Blocking.OverRun.Deals);
            Assert.Equal((double)Math.Round(blocks.Sum(b => value[b.DealId])), _report.Blocking.OverRun.ValueHeld);
            foreach (GroupFigure figure in _report.Blocking.OverRun.ByFunction)
            {
                var held = blocks.Where(b => b.Blockers.Any(x => x.Function.Label() == figure.Function)).ToList();
                Assert.Equal(held.Count, figure.Count);
                Assert.Equal((double)Math.Round(held.Sum(b => value[b.DealId])), figure.ValueHeld);
                Assert.Equal(Math.Round(Median(held.Select(b => ((b.EndedOn ?? _run.Now) - b.StartedOn).TotalHours)), 1), figure.MedianHours);
            }
            var longest = blocks.Select(b => ((b.EndedOn ?? _run.Now) - b.StartedOn).TotalDays).OrderByDescending(d => d).Take(10).Select(d => Math.Round(d, 1));
            Assert.Equal(longest, _report.Blocking.Longest.Select(d => d.AgeDays));
        }

        [Fact]
        public void Deals_held_now_are_the_open_refused_deals_and_their_reviews_not_approved_today()
        {
            var open = Rows("opportunity", "statecode").Where(d => Choice(d, "statecode") == 0).Select(d => d.Id).ToHashSet();
            var refused = _run.Org.Log.Blocks.Where(b => b.Outcome == null && open.Contains(b.DealId)).Select(b => b.DealId).ToHashSet();
            var names = Names();
            var holding = Rows("crmc_feasibilityreview", "crmc_opportunityid", "crmc_decision", "ownerid")
                .Where(r => refused.Contains(r.GetAttributeValue<EntityReference>("crmc_opportunityid").Id)
                            && (Choice(r, "crmc_decision") == 100000000 || Choice(r, "crmc_decision") == 100000003)).ToList();
            var byReviewer = holding.GroupBy(r => names[r.GetAttributeValue<EntityReference>("ownerid").Id])
                .ToDictionary(g => g.Key, g => g.Select(r => r.GetAttributeValue<EntityReference>("crmc_opportunityid").Id).Distinct().Count());
            Assert.NotEmpty(byReviewer); // this seed ends with deals held at the gate
            Assert.Equal(holding.Select(r => r.GetAttributeValue<EntityReference>("crmc_opportunityid").Id).Distinct().Count(), _report.Blocking.Now.Deals);
            Assert.Equal(byReviewer, _report.Blocking.Now.ByReviewer.ToDictionary(f => f.Person, f => f.Count.Value));
        }

        [Fact]
        public void Handoffs_on_time_by_template_point_at_the_late_one()
        {
            var templates = Rows("crmc_handofftemplate", "crmc_subject").ToDictionary(t => t.Id, t => t.GetAttributeValue<string>("crmc_subject"));
            var tasks = Rows("task", "statecode", "scheduledend", "actualend", "crmc_handofftemplateid")
                .Where(t => t.GetAttributeValue<EntityReference>("crmc_handofftemplateid") != null).ToList();
            var done = tasks.Where(t => Choice(t, "statecode") == 1).ToList();
            Assert.Equal(templates.Count, _report.Lateness.HandoffsByTemplate.Count);
            foreach (GroupFigure figure in _report.Lateness.HandoffsByTemplate)
            {
                var mine = done.Where(t => templates[t.GetAttributeValue<EntityReference>("crmc_handofftemplateid").Id] == figure.Template).ToList();
                int onTime = mine.Count(t => t.GetAttributeValue<DateTime>("actualend") <= t.GetAttributeValue<DateTime>("scheduledend"));
                // Work still open past its due date at the end of the run is late already: it counts against the rate.
                int overdue = tasks.Count(t => Choice(t, "statecode") == 0 && t.GetAttributeValue<DateTime>("scheduledend") < _run.Now
                    && templates[t.GetAttributeValue<EntityReference>("crmc_handofftemplateid").Id] == figure.Template);
                Assert.Equal(mine.Count, figure.Count);
                Assert.Equal(onTime, figure.OnTime);
                Assert.Equal(overdue, figure.Overdue);
                Assert.Equal(Math.Round((double)onTime / (mine.Count + overdue), 3), figure.Rate);
                Assert.Equal(figure.Rate >= _run.Targets.Targets.HandoffsOnTime ? "green" : figure.Rate >= _run.Targets.Targets.HandoffsOnTime * 0.9 ? "amber" : "red", figure.Status);
            }
            var byFunction = _report.Lateness.HandoffsByFunction.ToDictionary(f => f.Function, f => f.OnTime);
            foreach (var function in _report.Lateness.HandoffsByTemplate.GroupBy(t => t.Function))
                Assert.Equal(function.Sum(t => t.OnTime), byFunction[function.Key]);
        }

        [Fact]
        public void Reviews_within_their_SLA_by_reviewer_and_the_decision_counts_agree()
        {
            var names = Names();
            var reviews = Rows("crmc_feasibilityreview", "crmc_decision", "crmc_decidedon", "crmc_duedate", "ownerid", "createdon");
            var decided = reviews.Where(r => r.GetAttributeValue<DateTime?>("crmc_decidedon") != null && Choice(r, "crmc_decision") != 100000000 && Choice(r, "crmc_decision") != 100000004).ToList();
            foreach (GroupFigure figure in _report.Lateness.ReviewsByReviewer.Where(f => f.Count > 0))
            {
                var mine = decided.Where(r => names[r.GetAttributeValue<EntityReference>("ownerid").Id] == figure.Person).ToList();
                Assert.Equal(mine.Count, figure.Count);
                Assert.Equal(mine.Count(r => r.GetAttributeValue<DateTime>("crmc_decidedon") <= r.GetAttributeValue<DateTime>("crmc_duedate")), figure.OnTime);
            }
            Assert.Equal(decided.Count, _report.Headline.ReviewsDecided);
            Assert.Equal(_run.Org.Outcomes.Counts["Review decisions taken"], _report.Headline.ReviewDecisionsTaken);
            Assert.Equal(reviews.Count(r => Choice(r, "crmc_decision") == 100000004), _report.Headline.ReviewsReopened);
        }

        [Fact]
        public void Weekly_series_count_what_happened_each_week()
        {
            DateTime start = _run.Org.Log.StartedOn;
            var signals = Rows("crmc_fieldsignal", "createdon", "crmc_acknowledgedon");
            var weeks = _report.Trend.Weeks;
            Assert.Equal(signals.Count, weeks.Sum(w => w.SignalsRaised));
            foreach (WeekFigure week in weeks.Take(weeks.Count - 1))
            {
                DateTime from = start.AddDays(7 * (week.Week - 1)), to = from.AddDays(7);
                Assert.Equal(signals.Count(s => s.GetAttributeValue<DateTime>("createdon") >= from && s.GetAttributeValue<DateTime>("createdon") < to), week.SignalsRaised);
            }
            Assert.Equal(_report.Headline.ReviewsDecided, weeks.Sum(w => w.ReviewsDecided));
        }

        [Fact]
        public void Accounts_with_unacknowledged_churn_risk_and_signals_by_function_and_kind()
        {
            var accounts = Rows("account", "name").ToDictionary(a => a.Id, a => a.GetAttributeValue<string>("name"));
            var signals = Rows("crmc_fieldsignal", "crmc_kind", "crmc_accountid", "crmc_acknowledgedon", "crmc_leadid", "crmc_raisedbyfunction");
            var open = signals.Where(s => Choice(s, "crmc_kind") == 100000002 && s.GetAttributeValue<DateTime?>("crmc_acknowledgedon") == null)
                .GroupBy(s => accounts[s.GetAttributeValue<EntityReference>("crmc_accountid").Id]).ToDictionary(g => g.Key, g => g.Count());
            Assert.NotEmpty(open); // this seed ends with churn risk nobody acknowledged
            Assert.Equal(open, _report.Attention.ChurnRisk.ToDictionary(a => a.Account, a => a.OpenChurnSignals));
            Assert.Equal(signals.Count, _report.Attention.SignalsByFunctionAndKind.Sum(s => s.Count));
            Assert.Equal(signals.Count(s => s.GetAttributeValue<EntityReference>("crmc_leadid") != null), _report.Attention.SignalsByFunctionAndKind.Sum(s => s.BecameLeads));
            var wonFromLeads = Rows("opportunity", "statecode", "originatingleadid").Where(d => Choice(d, "statecode") == 1 && d.GetAttributeValue<EntityReference>("originatingleadid") != null)
                .Select(d => d.GetAttributeValue<EntityReference>("originatingleadid").Id).ToHashSet();
            Assert.Equal(signals.Count(s => s.GetAttributeValue<EntityReference>("crmc_leadid") is EntityReference l && wonFromLeads.Contains(l.Id)),
                _report.Attention.SignalsByFunctionAndKind.Sum(s => s.BecameWonDeals));
        }

        [Fact]
        public void A_salespersons_score_weights_their_own_kpis_and_the_collective_ones_half_and_half()
        {
            var names = Names();
            var deals = Rows("opportunity", "ownerid", "statecode");
            Scorecard card = _report.Scorecards.People.First(p => p.Role == "Sales");
            var mine = deals.Where(d => names[d.GetAttributeValue<EntityReference>("ownerid").Id] == card.Person).ToList();
            int won = mine.Count(d => Choice(d, "statecode") == 1), lost = mine.Count(d => Choice(d, "statecode") == 2);
            KpiScore winRate = card.Individual.Single(k => k.Kpi == ScorecardAnalysis.WinRate);
            Assert.Equal(Math.Round((double)won / (won + lost), 3), winRate.Value);
            Assert.Equal(Math.Round(Math.Min(1, winRate.Value.Value / _run.Targets.Targets.WinRate), 3), winRate.Attainment);
            double own = Math.Round(card.Individual.Where(k => k.Attainment.HasValue).Average(k => k.Attainment.Value) * 100, 1);
            double collective = Math.Round(_report.Scorecards.Collective.Average(k => k.Attainment.Value) * 100, 1);
            Assert.Equal(50, _report.Scorecards.IndividualWeightPercent);
            Assert.Equal(Math.Round(own * 0.5 + collective * 0.5, 1), card.Score);
            Assert.Contains(_report.Scorecards.People, p => p.Role == "ADV" && p.Individual.Any(k => k.Kpi == ScorecardAnalysis.SignalsConverted));
        }

        [Fact]
        public void The_gate_costs_at_most_four_reads_and_a_wins_handoffs_at_most_two_reads_and_one_write_per_task()
        {
            var costs = _run.Org.Log.Costs;
            var gate = costs.Where(c => c.Action == ActionMeter.ThroughGate).ToList();
            Assert.NotEmpty(gate);
            // At least one read: a move through the gate that read nothing would mean the guard was not measured at all.
            Assert.All(gate, c => Assert.InRange(c.GateReads, 1, PlatformSection.GateReadsBudget));
            var wins = costs.Where(c => c.Action == ActionMeter.Win).ToList();
            Assert.NotEmpty(wins);
            Assert.All(wins, c =>
            {
                Assert.Equal(8, c.HandoffTasks);
                // At least one read and one write: a win whose handoffs cost nothing would mean their step was not measured.
                Assert.InRange(c.HandoffReads, 1, 2 * c.HandoffTasks);
                Assert.InRange(c.HandoffWrites, 1, c.HandoffTasks);
            });
            CostFigure figure = _report.Platform.Actions.Single(a => a.Action == ActionMeter.Win);
            Assert.Equal(wins.Count, figure.Count);
            Assert.Equal(wins.Max(c => c.Reads), figure.ReadsMax);
            Assert.Equal(Median(wins.Select(c => (double)c.Reads)), figure.ReadsMedian);
            Assert.InRange(_report.Platform.GateReadsMax, 1, PlatformSection.GateReadsBudget);
        }
    }
}
