using System;
using CrmCollab.Cli.Commands;
using CrmCollab.Cli.Report;
using CrmCollab.Cli.Simulation;
using CrmCollab.Emulator.Engine;
using CrmCollab.Tooling.Setup;

namespace CrmCollab.Cli.Tests
{
    /// <summary>One small seeded run played in-process, shared by the report's figure tests: the engine stays open so
    /// each test can recompute a figure from the records with its own queries. The seed is one whose run ends with the
    /// rarer situations some tests need (a deal held at the gate today, unacknowledged churn risk); a change in how
    /// many service calls the plugins make moves every later id and draw, so such a change may need another seed.</summary>
    public sealed class ReportRunFixture
    {
        public const int Deals = 150, Seed = 7;

        public ReportRunFixture()
        {
            var options = new EngineOptions { Seed = Seed, StartTimeUtc = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc) };
            Engine = ShippedEngine.Boot(RepoPaths.Default("solution"), options);
            var templates = HandoffTemplateSetup.Read(RepoPaths.Default("setup/handoff-templates.json"));
            Targets = ReportTargets.Load(RepoPaths.Default("setup/report-targets.json"));
            Org = SimulationRun.Play(Engine, Seed, Deals, templates, new Outcomes());
            Report = ReportBuilder.Build(Engine.SystemService, Org.Log, Org.Outcomes, Targets, Targets.IndividualWeightPercent, Seed, Deals, Engine.AsyncFailures.Count);
        }

        public DataverseEngine Engine { get; }
        public SimulatedOrganization Org { get; }
        public ReportTargets Targets { get; }
        public CollaborationReport Report { get; }
        public DateTime Now => Org.Log.EndedOn;
    }
}
