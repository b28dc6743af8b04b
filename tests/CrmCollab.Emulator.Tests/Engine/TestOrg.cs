using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Tests.Engine
{
    /// <summary>
    /// A small organisation for scenario tests: the built-in tables plus crmc_widget (a custom table with one
    /// column of each common type and an alternate key) and steps the test adds before Boot.
    /// </summary>
    public sealed class TestOrg
    {
        public SolutionDefinition Solution { get; } = new SolutionDefinition { UniqueName = "crmc_test", PublisherPrefix = "crmc" };
        public EngineOptions Options { get; } = new EngineOptions();

        public TestOrg()
        {
            BuiltInTables.AddTo(Solution.Catalog);
            TableBuilder.Create(Solution.Catalog, "crmc_widget", "crmc_Widget", 10001, OwnershipType.UserOwned, "crmc_widgetid", "crmc_name")
                .String("crmc_name", 20, RequiredLevel.ApplicationRequired)
                .String("crmc_code", 10)
                .Memo("crmc_notes", 100)
                .Int("crmc_quantity", 0, 1000)
                .Money("crmc_amount")
                .Bool("crmc_flag")
                .Date("crmc_dueday").DateOnly()
                .Date("crmc_startedat")
                .Picklist("crmc_category", (1, "Small"), (2, "Large"))
                .Lookup("crmc_accountid", "account").Rel("crmc_account_widgets", cascadeDelete: "Cascade")
                .Lookup("crmc_contactid", "contact").Rel("crmc_contact_widgets", cascadeDelete: "RemoveLink")
                .States((0, "Active", 1), (1, "Inactive", 2))
                .Statuses((1, "Active", 0), (2, "Inactive", 1), (3, "Retired", 1))
                .SystemColumns();
            var key = new AlternateKeyDefinition { LogicalName = "crmc_widget_code" };
            key.Columns.Add("crmc_code");
            Solution.Catalog.Table("crmc_widget").Keys.Add(key);
            BuiltInTables.ResolveRelationships(Solution.Catalog);
            Options.PluginAssemblies.Add(typeof(TestOrg).Assembly);
            Options.AsyncRetryCount = 2;
            // Pipeline, store and message tests are about platform semantics, not roles: security has its own tests.
            Options.EnforceSecurity = false;
        }

        /// <summary>Registers a step running <paramref name="body"/> (through <see cref="DelegatePlugin"/>).</summary>
        public StepDefinition Step(string message, string table, StepStage stage, Action<PluginRun> body,
            StepMode mode = StepMode.Synchronous, int rank = 1, string name = null)
        {
            var step = new StepDefinition
            {
                Id = Guid.NewGuid(), Name = name ?? $"{message}/{table}/{(int)stage}/{Solution.Steps.Count}", MessageName = message,
                PrimaryEntity = table, Stage = stage, Mode = mode, Rank = rank,
                PluginTypeName = typeof(DelegatePlugin).FullName,
            };
            step.UnsecureConfiguration = DelegatePlugin.Register(body);
            Solution.Steps.Add(step);
            return step;
        }

        public StepDefinition TypedStep<TPlugin>(string message, string table, StepStage stage, StepMode mode = StepMode.Synchronous)
        {
            var step = new StepDefinition
            {
                Id = Guid.NewGuid(), Name = typeof(TPlugin).Name, MessageName = message, PrimaryEntity = table, Stage = stage,
                Mode = mode, PluginTypeName = typeof(TPlugin).FullName,
            };
            Solution.Steps.Add(step);
            return step;
        }

        public DataverseEngine Boot() => DataverseEngine.Boot(Solution, Options);

        /// <summary>The widget with the currency columns its amount brings, as a solution's table gets them at load.</summary>
        public TestOrg WithWidgetCurrency()
        {
            CurrencyColumns.Complete(Solution.Catalog, Solution.Catalog.Table("crmc_widget"), custom: true);
            return this;
        }

        /// <summary>A currency at its rate to the base currency.</summary>
        public static Guid AddCurrency(IOrganizationService system, string code, decimal rate) => system.Create(new Entity("transactioncurrency")
        {
            ["currencyname"] = code, ["isocurrencycode"] = code, ["currencysymbol"] = code, ["exchangerate"] = rate,
        });

        /// <summary>How many rows the table holds, as SYSTEM sees them.</summary>
        public static int Count(DataverseEngine engine, string table) =>
            engine.SystemService.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(false) }).Entities.Count;

        public static Guid AddUser(DataverseEngine engine, string name) =>
            engine.SystemService.Create(new Entity("systemuser")
            {
                ["lastname"] = name, ["domainname"] = name + "@test",
                ["businessunitid"] = new EntityReference("businessunit", engine.RootBusinessUnitId),
            });
    }

    /// <summary>What a delegate plugin body gets.</summary>
    public sealed class PluginRun
    {
        public IServiceProvider Provider { get; internal set; }
        public IPluginExecutionContext7 Context { get; internal set; }
        public IOrganizationService Service { get; internal set; }
        public ITracingService Tracing { get; internal set; }
        public Entity Target => Context.InputParameters.TryGetValue("Target", out var t) ? t as Entity : null;
    }

    /// <summary>A plugin whose behaviour is a delegate chosen by the step's unsecure configuration.</summary>
    public sealed class DelegatePlugin : IPlugin
    {
        private static readonly ConcurrentDictionary<string, Action<PluginRun>> Bodies = new ConcurrentDictionary<string, Action<PluginRun>>();
        private readonly Action<PluginRun> _body;

        public DelegatePlugin(string unsecure, string secure) => _body = Bodies[unsecure];

        public static string Register(Action<PluginRun> body)
        {
            var key = Guid.NewGuid().ToString("N");
            Bodies[key] = body;
            return key;
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext7)serviceProvider.GetService(typeof(IPluginExecutionContext));
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory));
            _body(new PluginRun
            {
                Provider = serviceProvider, Context = context, Service = factory.CreateOrganizationService(context.UserId),
                Tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService)),
            });
        }
    }

    /// <summary>Keeps a count in a field: shows the one-instance-per-step caching.</summary>
    public sealed class CountingPlugin : IPlugin
    {
        public static readonly ConcurrentDictionary<Guid, List<int>> Seen = new ConcurrentDictionary<Guid, List<int>>();
        private int _count;

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            _count++;
            Seen.GetOrAdd(context.PrimaryEntityId, _ => new List<int>()).Add(_count);
        }
    }

    /// <summary>Grants everything; records what was asked. For tests only.</summary>
    public sealed class PermissiveGuard : ISecurityGuard
    {
        public HashSet<string> Privileges { get; } = new HashSet<string>();
        public List<(Guid User, string Table, AccessRight Right)> Demands { get; } = new List<(Guid, string, AccessRight)>();
        public void Demand(Guid userId, string table, AccessRight right, Entity row) => Demands.Add((userId, table, right));
        public bool CanRead(Guid userId, string table, Entity row) => true;
        public bool HasPrivilege(Guid userId, string privilegeName) => Privileges.Contains(privilegeName);
        public void DemandActiveUser(Guid userId) { }
        public Guid BusinessUnitOf(EntityReference owner) => WellKnownIds.RootBusinessUnitId;
        public bool IsSystem(Guid userId) => userId == WellKnownIds.SystemUserId;
    }
}
