using System;
using System.Linq;
using CrmCollab.Cli.Commands;
using CrmCollab.Cli.Report;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Security;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    /// <summary>
    /// The report's tables by person and by template keep apart what is not the same: work a team holds (a function's desk
    /// set as an account's dedicated owner) under the team's name, not "(no one)"; handoffs of deleted templates under each
    /// template's own work, not one "(template deleted)" row adding up another function's.
    /// </summary>
    public class ReportGroupsKeptApartTests
    {
        private static readonly DateTime Start = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void Handoffs_two_adv_desks_hold_are_shown_under_each_desks_name_not_lumped_under_no_one()
        {
            DataverseEngine engine = ShippedEngine.Boot(RepoPaths.Default("solution"), new EngineOptions { Seed = 3, StartTimeUtc = Start });
            var setup = new OrganizationSetup(engine.SystemService);
            Guid north = setup.CreateTeam("ADV desk North", setup.RootBusinessUnitId, TeamType.Owner, "CrmCollab ADV");
            Guid south = setup.CreateTeam("ADV desk South", setup.RootBusinessUnitId, TeamType.Owner, "CrmCollab ADV");
            // Two overdue contracts held by North, one completed on time by South (as CrmCollab's win would hand them off).
            Handoff(engine, north, "a", Start.AddDays(-3));
            Handoff(engine, north, "b", Start.AddDays(-2));
            Guid done = Handoff(engine, south, "c", Start.AddDays(5));
            engine.SystemService.Update(new Entity("task", done)
            {
                ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            });

            LatenessSection lateness = LatenessAnalysis.Build(ReportData.Read(engine.SystemService), new ReportTargets(), Start.AddDays(1));

            Assert.DoesNotContain(lateness.HandoffsByOwner, f => f.Person == "(no one)");
            GroupFigure northFigure = Assert.Single(lateness.HandoffsByOwner, f => f.Person == "ADV desk North (team)");
            Assert.Equal(2, northFigure.Overdue);
            Assert.Equal(0, northFigure.Count);
            GroupFigure southFigure = Assert.Single(lateness.HandoffsByOwner, f => f.Person == "ADV desk South (team)");
            Assert.Equal(1, southFigure.OnTime);
            Assert.Equal(0, southFigure.Overdue);
        }

        [Fact]
        public void Handoffs_of_two_deleted_templates_are_shown_per_template_not_added_up_under_one_function()
        {
            DataverseEngine engine = ShippedEngine.Boot(RepoPaths.Default("solution"), new EngineOptions { Seed = 3, StartTimeUtc = Start });
            Guid contract = Template(engine, "Draw up the contract", BusinessFunction.Adv);
            Guid delivery = Template(engine, "Plan the delivery", BusinessFunction.Logistics);
            Guid deal = Guid.NewGuid();
            // A contract completed late, a delivery on time; then both pieces of work are retired and their templates deleted.
            Guid late = Handoff(engine, null, $"{deal:N}:{contract:N}", Start.AddDays(-5), "Draw up the contract", BusinessFunction.Adv, contract);
            Guid onTime = Handoff(engine, null, $"{deal:N}:{delivery:N}", Start.AddDays(3), "Plan the delivery", BusinessFunction.Logistics, delivery);
            foreach (Guid task in new[] { late, onTime })
                engine.SystemService.Update(new Entity("task", task) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5) });
            engine.SystemService.Delete("crmc_handofftemplate", contract);
            engine.SystemService.Delete("crmc_handofftemplate", delivery);

            LatenessSection lateness = LatenessAnalysis.Build(ReportData.Read(engine.SystemService), new ReportTargets(), Start.AddDays(1));

            Assert.Equal(2, lateness.HandoffsByTemplate.Count);
            GroupFigure contracts = Assert.Single(lateness.HandoffsByTemplate, f => f.Function == "ADV");
            Assert.Equal("Draw up the contract (template deleted)", contracts.Template);
            Assert.Equal((1, 1, 0), (contracts.Count.Value, contracts.Late.Value, contracts.Overdue.Value));
            GroupFigure deliveries = Assert.Single(lateness.HandoffsByTemplate, f => f.Function == "Logistics");
            Assert.Equal("Plan the delivery (template deleted)", deliveries.Template);
            Assert.Equal((1, 1, 0), (deliveries.Count.Value, deliveries.OnTime.Value, deliveries.Late.Value));
        }

        [Fact]
        public void Handoffs_already_past_due_count_as_late_so_whoever_sits_on_their_work_heads_the_lowest_first_table()
        {
            DataverseEngine engine = ShippedEngine.Boot(RepoPaths.Default("solution"), new EngineOptions { Seed = 3, StartTimeUtc = Start });
            var setup = new OrganizationSetup(engine.SystemService);
            Guid alice = setup.CreateUser("Alice ADV", setup.RootBusinessUnitId, "CrmCollab ADV");
            Guid bob = setup.CreateUser("Bob ADV", setup.RootBusinessUnitId, "CrmCollab ADV");
            Guid carol = setup.CreateUser("Carol ADV", setup.RootBusinessUnitId, "CrmCollab ADV");
            // Alice and Bob each completed one contract on time; Alice sits on three more past their due date, Carol on two.
            foreach (Guid person in new[] { alice, bob })
                engine.SystemService.Update(new Entity("task", Handoff(engine, null, "done-" + person, Start.AddDays(2), owner: person))
                {
                    ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
                });
            for (int i = 0; i < 3; i++) Handoff(engine, null, "alice-" + i, Start.AddDays(-3), owner: alice);
            for (int i = 0; i < 2; i++) Handoff(engine, null, "carol-" + i, Start.AddDays(-3), owner: carol);
            ReportData data = ReportData.Read(engine.SystemService);

            LatenessSection lateness = LatenessAnalysis.Build(data, new ReportTargets(), Start.AddDays(1));
            ScorecardSection cards = ScorecardAnalysis.Build(data, new ReportTargets(), 50, Start.AddDays(1));

            // Overdue work is late already, whenever it is done: Carol first, then Alice (1 on time of 4), then Bob.
            Assert.Equal(new[] { "Carol ADV 0", "Alice ADV 0.25", "Bob ADV 1" }, lateness.HandoffsByOwner.Select(f => $"{f.Person} {f.Rate}"));
            Assert.Equal("red", lateness.HandoffsByOwner[0].Status);
            Assert.Equal(0.25, cards.People.Single(p => p.Person == "Alice ADV").Individual.Single(k => k.Kpi == ScorecardAnalysis.HandoffsOnTime).Value);
            Assert.Equal(0.0, cards.People.Single(p => p.Person == "Carol ADV").Individual.Single(k => k.Kpi == ScorecardAnalysis.HandoffsOnTime).Value);
            Assert.Equal(Math.Round(2.0 / 7, 3), cards.Collective.Single(k => k.Kpi == ScorecardAnalysis.HandoffsOnTime).Value);
        }

        private static Guid Template(DataverseEngine engine, string subject, BusinessFunction function) =>
            engine.SystemService.Create(new Entity("crmc_handofftemplate")
            {
                ["crmc_name"] = subject, ["crmc_subject"] = subject, ["crmc_function"] = new OptionSetValue((int)function),
                ["crmc_dueoffsetdays"] = 5, ["crmc_sequence"] = 10, ["crmc_isactive"] = false,
            });

        private static Guid Handoff(DataverseEngine engine, Guid? team, string key, DateTime due, string subject = "Draw up the contract",
            BusinessFunction function = BusinessFunction.Adv, Guid? template = null, Guid? owner = null)
        {
            var task = new Entity("task")
            {
                ["subject"] = subject,
                ["crmc_handoffkey"] = key.Contains(':') ? key : "probe:" + key,
                ["crmc_function"] = new OptionSetValue((int)function),
                ["scheduledend"] = due,
                ["crmc_handedoffon"] = Start.AddDays(-10),
            };
            if (team.HasValue) task["ownerid"] = new EntityReference("team", team.Value);
            if (owner.HasValue) task["ownerid"] = new EntityReference("systemuser", owner.Value);
            if (template.HasValue) task["crmc_handofftemplateid"] = new EntityReference("crmc_handofftemplate", template.Value);
            return engine.SystemService.Create(task);
        }
    }
}
