using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Security;
using CrmCollab.Tooling;
using CrmCollab.Tooling.Assemblies;
using CrmCollab.Tooling.Setup;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    /// <summary>
    /// Proves the build end to end: the deployable DLL has the right identity, the engine boots from solution/,
    /// and a won deal runs the shipped plugins (through the plugin base) to create routed handoff tasks.
    /// </summary>
    public sealed class SmokeCommand : Command<SmokeSettings>
    {
        public override int Execute(CommandContext context, SmokeSettings settings, CancellationToken cancellationToken)
        {
            PacConfig config = PackagingCommandSupport.Config(settings.Config);
            string solution = PackagingCommandSupport.SolutionFolder(settings.Solution);
            string templatesFile = CliPath.ExistingFile(settings.Templates, "setup/handoff-templates.json", "handoff templates file");
            Console.WriteLine($"Solution {config.Solution.UniqueName} {config.Solution.Version}, publisher {config.Publisher.UniqueName} (prefix {config.Publisher.CustomizationPrefix})");

            BuiltAssembly plugins = UserFacingException.From(() => BuiltAssembly.Read(RepoPaths.PluginDll(config)));
            var sdk = plugins.Reference("Microsoft.Xrm.Sdk");
            Console.WriteLine($"Deployable: {plugins.Identity.FullName}, strong-name signed: {plugins.IsStrongNameSigned}");
            Console.WriteLine($"  references {sdk?.FullName ?? "no Microsoft.Xrm.Sdk"}");

            DataverseEngine engine = ShippedEngine.Boot(solution, new EngineOptions());
            Console.WriteLine($"Engine booted: {engine.Catalog.Tables.Count} tables, {engine.Solution.Steps.Count} plugin steps, {engine.Solution.CustomApis.Count} custom APIs, {engine.Solution.Roles.Count} roles");

            var templates = UserFacingException.From(() => HandoffTemplateSetup.Read(templatesFile));
            ShippedEngine.CheckTemplates(engine, templatesFile, templates);
            int created = UserFacingException.From(() => HandoffTemplateSetup.Apply(engine.SystemService, templates));
            Console.WriteLine($"Default handoff templates loaded: {created}");

            IReadOnlyList<Entity> tasks = PlayADeal(engine);
            Console.WriteLine($"Won deal handed off: {tasks.Count} task(s)");
            foreach (Entity task in tasks)
                Console.WriteLine($"  {task.GetAttributeValue<DateTime>("scheduledend"):yyyy-MM-dd}  {task.GetAttributeValue<string>("subject")}  → {task.GetAttributeValue<EntityReference>("ownerid")?.Name ?? task.FormattedValues["ownerid"]}");
            Console.WriteLine("Plugin base trace of the handoff step:");
            foreach (string line in engine.Traces.Where(t => t.StepName.Contains("HandoffOnWin")).SelectMany(t => t.Text.Split('\n')).Take(3))
                Console.WriteLine("  " + line);

            bool ok = plugins.IsStrongNameSigned && sdk != null && BuiltAssembly.Hex(sdk.GetPublicKeyToken()) == "31bf3856ad364e35"
                && tasks.Count == templates.Count && engine.AsyncFailures.Count == 0;
            Console.WriteLine(ok ? "Smoke passed." : "Smoke FAILED: see above.");
            return ok ? ExitCodes.Ok : ExitCodes.Failed;
        }

        private static IReadOnlyList<Entity> PlayADeal(DataverseEngine engine)
        {
            var setup = new OrganizationSetup(engine.SystemService);
            Guid bu = setup.CreateBusinessUnit("France");
            Guid admin = setup.CreateUser("Ada Admin", bu, "CrmCollab Administrator");
            Guid rep = setup.CreateUser("Sam Sales", bu, "CrmCollab Salesperson");
            Guid adv = setup.CreateUser("Alice ADV", bu, "CrmCollab ADV");
            Guid logistics = setup.CreateUser("Lena Logistics", bu, "CrmCollab Logistics");
            Guid sav = setup.CreateUser("Sally SAV", bu, "CrmCollab SAV");
            Guid account = engine.SystemService.Create(new Entity("account") { ["name"] = "Contoso Lyon", ["ownerid"] = new EntityReference("systemuser", rep) });
            foreach (var (function, user) in new[] { (100000003, adv), (100000001, logistics), (100000004, sav) })
            {
                engine.CreateService(admin).Create(new Entity("crmc_dedicatedowner")
                {
                    ["crmc_name"] = "Contoso Lyon owner", ["crmc_accountid"] = new EntityReference("account", account),
                    ["crmc_function"] = new OptionSetValue(function), ["crmc_userid"] = new EntityReference("systemuser", user),
                    ["crmc_validfrom"] = engine.Clock.UtcNow.Date,
                });
            }
            IOrganizationService sales = engine.CreateService(rep);
            Guid deal = sales.Create(new Entity("opportunity")
            {
                ["name"] = "Line 4 retrofit", ["customerid"] = new EntityReference("account", account),
                ["estimatedvalue"] = new Money(125000m), ["crmc_discountpercent"] = 12.5m,
                // What the shipped crmc_StageRequirements ask before the deal is won.
                ["customerneed"] = "Retrofit line 4", ["decisionmaker"] = true,
                ["estimatedclosedate"] = engine.Clock.UtcNow.Date.AddDays(30), ["budgetamount"] = new Money(125000m),
            });
            sales.Execute(new WinOpportunityRequest
            {
                OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", deal), ["subject"] = "Won" },
                Status = new OptionSetValue(3),
            });
            engine.DrainAsync();
            var query = new QueryExpression("task") { ColumnSet = new ColumnSet("subject", "ownerid", "scheduledend") };
            query.Criteria.AddCondition("crmc_opportunityid", ConditionOperator.Equal, deal);
            query.AddOrder("scheduledend", OrderType.Ascending);
            return engine.SystemService.RetrieveMultiple(query).Entities;
        }
    }
}
