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
    /// Work a team holds (a function's desk set as an account's dedicated owner) is shown under the team's name in the
    /// report's tables by person: not under "(no one)", and not added up with another team's work.
    /// </summary>
    public class TeamHeldWorkReportTests
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

        private static Guid Handoff(DataverseEngine engine, Guid team, string key, DateTime due) =>
            engine.SystemService.Create(new Entity("task")
            {
                ["subject"] = "Draw up the contract",
                ["crmc_handoffkey"] = "probe:" + key,
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Adv),
                ["scheduledend"] = due,
                ["crmc_handedoffon"] = Start.AddDays(-10),
                ["ownerid"] = new EntityReference("team", team),
            });
    }
}
