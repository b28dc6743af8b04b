using System;
using System.IO;
using System.Linq;
using System.Reflection;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Security;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An organisation booted from the shipped solution/ with the real plugin assembly: every action goes through
    /// IOrganizationService as the right person, so every registered step fires as it will on the server.
    /// </summary>
    public sealed partial class CrmCollabOrg
    {
        public static readonly DateTime Start = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

        /// <param name="customise">Test-only changes to the loaded solution (e.g. an extra step) before boot.</param>
        /// <param name="folder">Another unpacked solution folder than the repository's (e.g. a copy an admin changed).</param>
        /// <param name="load">Load options, e.g. the tables the organisation already has outside the solution.</param>
        public CrmCollabOrg(Action<Emulator.Metadata.SolutionDefinition, EngineOptions> customise = null, string folder = null,
            Emulator.Solution.SolutionLoadOptions load = null)
        {
            var options = new EngineOptions { StartTimeUtc = Start };
            options.PluginAssemblies.Add(typeof(PluginBase).Assembly);
            var solution = Emulator.Solution.SolutionLoader.Load(folder ?? SolutionFolder, load);
            customise?.Invoke(solution, options);
            Engine = DataverseEngine.Boot(solution, options);
            Setup = new OrganizationSetup(Engine.SystemService);
            Sales = Setup.CreateBusinessUnit("Sales");
            Operations = Setup.CreateBusinessUnit("Operations");
            Admin = Setup.CreateUser("Ada Admin", Operations, "CrmCollab Administrator");
            Rep = Setup.CreateUser("Sam Sales", Sales, "CrmCollab Salesperson");
        }

        public static string SolutionFolder => Path.Combine(typeof(CrmCollabOrg).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value, "solution");

        public DataverseEngine Engine { get; }
        public OrganizationSetup Setup { get; }
        public Guid Sales { get; }
        public Guid Operations { get; }
        public Guid Admin { get; }
        public Guid Rep { get; }

        public IOrganizationService As(Guid user) => Engine.CreateService(user);
        public IOrganizationService System => Engine.SystemService;

        public Guid User(string name, string role, Guid? businessUnit = null) =>
            Setup.CreateUser(name, businessUnit ?? Operations, role);

        public Guid Account(string name, Guid? parent = null, int? industry = null)
        {
            var account = new Entity("account") { ["name"] = name, ["ownerid"] = new EntityReference("systemuser", Rep) };
            if (parent.HasValue) account["parentaccountid"] = new EntityReference("account", parent.Value);
            if (industry.HasValue) account["industrycode"] = new OptionSetValue(industry.Value);
            return System.Create(account);
        }

        public Guid DedicatedOwner(Guid account, BusinessFunction function, Guid? user = null, Guid? team = null,
            Guid? backup = null, DateTime? from = null, DateTime? to = null)
        {
            var row = new Entity("crmc_dedicatedowner")
            {
                ["crmc_name"] = $"{function.Label()} owner",
                ["crmc_accountid"] = new EntityReference("account", account),
                ["crmc_function"] = new OptionSetValue((int)function),
                ["crmc_validfrom"] = from ?? Start.Date.AddYears(-1),
            };
            if (user.HasValue) row["crmc_userid"] = new EntityReference("systemuser", user.Value);
            if (team.HasValue) row["crmc_teamid"] = new EntityReference("team", team.Value);
            if (backup.HasValue) row["crmc_backupuserid"] = new EntityReference("systemuser", backup.Value);
            if (to.HasValue) row["crmc_validto"] = to.Value;
            return As(Admin).Create(row);
        }

        public Guid Rule(string name, BusinessFunction function, Guid user, int priority = 100, int? industry = null) =>
            Rule(name, function, new EntityReference("systemuser", user), priority, industry);

        /// <summary>An active routing rule to a user, a team or a queue (the lookup its target's table names).</summary>
        public Guid Rule(string name, BusinessFunction function, EntityReference target, int priority = 100, int? industry = null)
        {
            string column = target.LogicalName == "team" ? "crmc_teamid" : target.LogicalName == "queue" ? "crmc_queueid" : "crmc_userid";
            var rule = new Entity("crmc_routingrule")
            {
                ["crmc_name"] = name,
                ["crmc_function"] = new OptionSetValue((int)function),
                [column] = target,
                ["crmc_priority"] = priority,
                ["crmc_isactive"] = true,
            };
            if (industry.HasValue) rule["crmc_industrycode"] = new OptionSetValue(industry.Value);
            return As(Admin).Create(rule);
        }

        public Guid Template(string subject, BusinessFunction function, int dueOffsetDays, int sequence, string evidence = null)
        {
            var template = new Entity("crmc_handofftemplate")
            {
                ["crmc_name"] = subject,
                ["crmc_subject"] = subject,
                ["crmc_function"] = new OptionSetValue((int)function),
                ["crmc_dueoffsetdays"] = dueOffsetDays,
                ["crmc_sequence"] = sequence,
                ["crmc_isactive"] = true,
            };
            if (evidence != null) template["crmc_requiredevidence"] = evidence;
            return As(Admin).Create(template);
        }

        public Guid Deal(Guid account, string name = "Line 4 retrofit", decimal amount = 80000m, decimal discount = 10m)
        {
            return As(Rep).Create(new Entity("opportunity")
            {
                ["name"] = name,
                ["customerid"] = new EntityReference("account", account),
                ["estimatedvalue"] = new Money(amount),
                ["crmc_discountpercent"] = discount,
                ["crmc_paymentterms"] = new OptionSetValue(100000000),
                ["customerneed"] = "Replace the packaging line",
                ["decisionmaker"] = true,
                ["estimatedclosedate"] = Start.AddDays(45),
                ["budgetamount"] = new Money(amount),
            });
        }

        /// <summary>The salesperson wins the deal; the asynchronous handoff step then runs (unless told not to drain).</summary>
        public void Win(Guid opportunity, Guid? asUser = null, bool drain = true)
        {
            As(asUser ?? Rep).Execute(WinRequest(opportunity));
            if (drain) Engine.DrainAsync();
        }

        /// <summary>The form's Close as Won: a WinOpportunityRequest with its opportunity close.</summary>
        public static WinOpportunityRequest WinRequest(Guid opportunity) => new WinOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose")
            {
                ["opportunityid"] = new EntityReference("opportunity", opportunity),
                ["subject"] = "Won",
            },
            Status = new OptionSetValue(3),
        };

        /// <summary>The form's Close as Lost: a LoseOpportunityRequest with its opportunity close.</summary>
        public static LoseOpportunityRequest LoseRequest(Guid opportunity) => new LoseOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose")
            {
                ["opportunityid"] = new EntityReference("opportunity", opportunity),
                ["subject"] = "Lost to a competitor",
            },
            Status = new OptionSetValue(4),
        };

        /// <summary>The salesperson loses the deal.</summary>
        public void Lose(Guid opportunity, Guid? asUser = null) => As(asUser ?? Rep).Execute(LoseRequest(opportunity));

        public EntityCollection HandoffTasks(Guid opportunity)
        {
            var query = new QueryExpression("task")
            {
                ColumnSet = new ColumnSet("subject", "ownerid", "crmc_function", "crmc_routingpath", "crmc_isunrouted",
                    "scheduledend", "crmc_agreedterms", "crmc_handoffkey", "statecode"),
            };
            query.Criteria.AddCondition("crmc_opportunityid", ConditionOperator.Equal, opportunity);
            query.AddOrder("subject", OrderType.Ascending);
            return System.RetrieveMultiple(query);
        }
    }
}
