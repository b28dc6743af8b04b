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

        private static Guid Template(DataverseEngine engine, string subject, BusinessFunction function) =>
            engine.SystemService.Create(new Entity("crmc_handofftemplate")
            {
                ["crmc_name"] = subject, ["crmc_subject"] = subject, ["crmc_function"] = new OptionSetValue((int)function),
                ["crmc_dueoffsetdays"] = 5, ["crmc_sequence"] = 10, ["crmc_isactive"] = false,
            });

        private static Guid Handoff(DataverseEngine engine, Guid? team, string key, DateTime due, string subject = "Draw up the contract",
            BusinessFunction function = BusinessFunction.Adv, Guid? template = null)
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
            if (template.HasValue) task["crmc_handofftemplateid"] = new EntityReference("crmc_handofftemplate", template.Value);
            return engine.SystemService.Create(task);
        }
    }
}
