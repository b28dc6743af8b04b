using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Cli.Report;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Security;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Tooling.Setup;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>
    /// A reproducible organisation: business units, people in the shipped roles, accounts with parents, industries
    /// and dedicated owners (some missing, some disabled, to exercise the fallbacks), rules and templates.
    /// Everything is created through IOrganizationService, so the shipped plugins validate the set-up too.
    /// </summary>
    public sealed class SimulatedOrganization
    {
        private static readonly int[] Industries = { 1, 6, 7, 12, 19, 27, 28, 30 };
        private static readonly BusinessFunction[] Downstream = { BusinessFunction.Adv, BusinessFunction.Logistics, BusinessFunction.Sav };

        public SimulatedOrganization(DataverseEngine engine, Random random, int deals, IReadOnlyList<HandoffTemplateSetup.TemplateData> templates,
            Outcomes outcomes)
        {
            Engine = engine;
            Random = random;
            Outcomes = outcomes;
            Log = new RunLog { StartedOn = engine.Clock.UtcNow };
            Timeline = new Timeline(engine.Clock, outcomes);
            Meter = new ActionMeter(engine, Log);
            var setup = new OrganizationSetup(engine.SystemService);
            string[] regions = { "North", "South", "East", "West" };
            var units = regions.Select(r => setup.CreateBusinessUnit(r)).ToList();
            Guid operations = setup.CreateBusinessUnit("Operations");
            Admin = setup.CreateUser("Ada Admin", operations, "CrmCollab Administrator");
            int reps = Math.Max(4, Math.Min(400, deals / 50));
            Salespeople = Enumerable.Range(1, reps).Select(i => setup.CreateUser($"Rep {i:000}", units[i % units.Count], "CrmCollab Salesperson")).ToList();
            int perFunction = Math.Max(3, Math.Min(100, deals / 100));
            People[BusinessFunction.Adv] = Team(setup, "ADV", "CrmCollab ADV", operations, perFunction);
            People[BusinessFunction.Logistics] = Team(setup, "Logistics", "CrmCollab Logistics", operations, perFunction);
            People[BusinessFunction.Sav] = Team(setup, "SAV", "CrmCollab SAV", operations, perFunction);
            People[BusinessFunction.Finance] = Team(setup, "Finance", "CrmCollab Reviewer", operations, perFunction);
            People[BusinessFunction.Operations] = Team(setup, "Operations", "CrmCollab Reviewer", operations, perFunction);
            foreach (var function in Downstream)
                foreach (Guid person in People[function]) setup.AssignRole(person, "CrmCollab Reviewer");

            IOrganizationService admin = engine.CreateService(Admin);
            HandoffTemplateSetup.Apply(admin, templates);
            engine.SystemService.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted" });
            SeedTerritories(perFunction);
            SeedRules(admin);
            SeedAccounts(random, admin, deals);
            // A few downstream people leave: their dedicated rows fall back to the backup, or further.
            foreach (var function in Downstream) setup.DisableUser(People[function][0]);
            engine.DrainAsync(); // the set-up's own asynchronous steps run before business starts
            // Everyone has their own pace: how long a piece of work takes them compared with the typical person.
            foreach (Guid person in People.Values.SelectMany(p => p).Concat(Salespeople).Append(Admin).Distinct())
                _pace[person] = 0.6 + random.NextDouble() * 1.4;
        }

        private readonly Dictionary<Guid, double> _pace = new Dictionary<Guid, double>();
        private readonly Dictionary<Guid, DateTime> _busyUntil = new Dictionary<Guid, DateTime>();

        public DataverseEngine Engine { get; }
        public Outcomes Outcomes { get; }
        public RunLog Log { get; }
        public Timeline Timeline { get; }
        public ActionMeter Meter { get; }

        /// <summary>Leads the field raised that the rep will qualify into the next deal on that account.</summary>
        public Queue<(Guid Lead, Guid Account)> Leads { get; } = new Queue<(Guid, Guid)>();

        /// <summary>The run's one source of chance (seeded): set-up and every choice people make draw from it in order.</summary>
        public Random Random { get; }
        public Guid Admin { get; }
        public IReadOnlyList<Guid> Salespeople { get; }
        public Dictionary<BusinessFunction, List<Guid>> People { get; } = new Dictionary<BusinessFunction, List<Guid>>();
        public List<Guid> Accounts { get; } = new List<Guid>();
        public Dictionary<Guid, Guid> AccountOwner { get; } = new Dictionary<Guid, Guid>();
        public List<Guid> Territories { get; } = new List<Guid>();

        /// <summary>Time passes between two actions of one person: a random number of whole hours in [min, max).</summary>
        public TimeSpan Wait(int minHours, int maxHours) => TimeSpan.FromHours(Random.Next(minHours, maxHours));

        /// <summary>
        /// A person takes on a piece of work (never starting it at the weekend) of <paramref name="minHours"/> to <paramref name="maxHours"/> (at a typical
        /// pace): they start once what they already took on is done, one thing at a time. Returns the wait until it is done.
        /// </summary>
        public TimeSpan Work(Guid person, int minHours, int maxHours)
        {
            DateTime now = Engine.Clock.UtcNow;
            DateTime start = NotAtWeekends(_busyUntil.TryGetValue(person, out DateTime busy) && busy > now ? busy : now);
            double hours = Random.Next(minHours, maxHours) * (_pace.TryGetValue(person, out double pace) ? pace : 1.0);
            DateTime done = start + TimeSpan.FromHours(Math.Round(hours, 1));
            _busyUntil[person] = done;
            return done - now;
        }

        /// <summary>Work that would start on a Saturday or a Sunday starts on Monday at 8:00.</summary>
        public static DateTime NotAtWeekends(DateTime at) =>
            at.DayOfWeek == DayOfWeek.Saturday ? at.Date.AddDays(2).AddHours(8)
            : at.DayOfWeek == DayOfWeek.Sunday ? at.Date.AddDays(1).AddHours(8) : at;

        private static List<Guid> Team(OrganizationSetup setup, string name, string role, Guid unit, int count) =>
            Enumerable.Range(1, count).Select(i => setup.CreateUser($"{name} {i:00}", unit, role)).ToList();

        private void SeedRules(IOrganizationService admin)
        {
            Rule(admin, "Custom above 50k: logistics", BusinessFunction.Logistics, 50000m, true, null, "crmc_requesteddelivery,products", 48);
            Rule(admin, "Custom above 50k: finance", BusinessFunction.Finance, 50000m, true, null, "crmc_discountpercent,estimatedvalue", 24);
            Rule(admin, "Big discounts: finance", BusinessFunction.Finance, null, false, 15m, "crmc_discountpercent,crmc_paymentterms", 24);
            Rule(admin, "Large projects: operations", BusinessFunction.Operations, 250000m, false, null, "crmc_requesteddelivery", 72);
            foreach (BusinessFunction function in new[] { BusinessFunction.Adv, BusinessFunction.Logistics, BusinessFunction.Sav, BusinessFunction.Finance, BusinessFunction.Operations })
            {
                admin.Create(RuleRow($"{function.Label()} desk (default)", function, People[function][People[function].Count - 1], 100, null));
                // One sector desk per industry, spread over the team, so a bigger organisation shares the reviews out.
                for (int i = 0; i < Industries.Length; i++)
                    admin.Create(RuleRow($"{function.Label()} desk, industry {Industries[i]}", function, People[function][(i + 1) % People[function].Count], 10, Industries[i]));
                // A team larger than the sectors splits each sector by territory: otherwise the people past the
                // ninth would never receive a review, and a 100-person finance team would work as a 9-person one.
                for (int i = 0; i < Industries.Length; i++)
                    for (int t = 0; t < Territories.Count; t++)
                        admin.Create(RuleRow($"{function.Label()} desk, industry {Industries[i]}, territory {t + 1}", function,
                            People[function][(i * Territories.Count + t + 1) % People[function].Count], 10, Industries[i], Territories[t]));
            }
        }

        /// <summary>Sales territories, only once a function's team outnumbers the sector desks (none for a small organisation).</summary>
        private void SeedTerritories(int perFunction)
        {
            if (perFunction <= Industries.Length + 1) return;
            int count = (perFunction + Industries.Length - 1) / Industries.Length;
            for (int t = 0; t < count; t++) Territories.Add(Engine.SystemService.Create(new Entity("territory") { ["name"] = $"Territory {t + 1:00}" }));
        }

        private static void Rule(IOrganizationService admin, string name, BusinessFunction function, decimal? minAmount, bool customOnly,
            decimal? minDiscount, string relevant, int sla)
        {
            var rule = new Entity("crmc_feasibilityrule")
            {
                ["crmc_name"] = name, ["crmc_function"] = new OptionSetValue((int)function), ["crmc_customonly"] = customOnly,
                ["crmc_triggerstage"] = new OptionSetValue(SalesStage.Develop), ["crmc_gatestage"] = new OptionSetValue(SalesStage.Propose),
                ["crmc_slahours"] = sla, ["crmc_relevantcolumns"] = relevant, ["crmc_isactive"] = true,
            };
            if (minAmount.HasValue) rule["crmc_minamount"] = new Money(minAmount.Value);
            if (minDiscount.HasValue) rule["crmc_mindiscountpercent"] = minDiscount.Value;
            admin.Create(rule);
        }

        private static Entity RuleRow(string name, BusinessFunction function, Guid user, int priority, int? industry, Guid? territory = null)
        {
            var rule = new Entity("crmc_routingrule")
            {
                ["crmc_name"] = name, ["crmc_function"] = new OptionSetValue((int)function),
                ["crmc_userid"] = new EntityReference("systemuser", user), ["crmc_priority"] = priority, ["crmc_isactive"] = true,
            };
            if (industry.HasValue) rule["crmc_industrycode"] = new OptionSetValue(industry.Value);
            if (territory.HasValue) rule["crmc_territoryid"] = new EntityReference("territory", territory.Value);
            return rule;
        }

        /// <summary>Groups with plants; most plants or groups have their own ADV, logistics and SAV people.</summary>
        private void SeedAccounts(Random random, IOrganizationService admin, int deals)
        {
            int groups = Math.Max(3, deals / 40);
            for (int g = 0; g < groups; g++)
            {
                Guid rep = Salespeople[random.Next(Salespeople.Count)];
                int industry = Industries[random.Next(Industries.Length)];
                Guid? territory = Territories.Count == 0 ? (Guid?)null : Territories[random.Next(Territories.Count)];
                Guid group = CreateAccount($"Group {g:0000}", rep, industry, territory, null);
                int plants = random.Next(0, 3);
                for (int p = 0; p < plants; p++) CreateAccount($"Group {g:0000} plant {p + 1}", rep, industry, territory, group);
                foreach (var function in Downstream)
                {
                    double dice = random.NextDouble();
                    if (dice < 0.15) continue; // no dedicated owner: parent, rules or unrouted take over
                    var row = new Entity("crmc_dedicatedowner")
                    {
                        ["crmc_name"] = $"Group {g:0000} {function.Label()}",
                        ["crmc_accountid"] = new EntityReference("account", group),
                        ["crmc_function"] = new OptionSetValue((int)function),
                        ["crmc_userid"] = new EntityReference("systemuser", People[function][random.Next(People[function].Count)]),
                        ["crmc_validfrom"] = Engine.Clock.UtcNow.Date.AddYears(-1),
                    };
                    if (dice < 0.6) row["crmc_backupuserid"] = new EntityReference("systemuser", People[function][random.Next(People[function].Count)]);
                    admin.Create(row);
                }
            }
        }

        private Guid CreateAccount(string name, Guid rep, int industry, Guid? territory, Guid? parent)
        {
            var account = new Entity("account")
            {
                ["name"] = name, ["ownerid"] = new EntityReference("systemuser", rep), ["industrycode"] = new OptionSetValue(industry),
            };
            if (territory.HasValue) account["territoryid"] = new EntityReference("territory", territory.Value);
            if (parent.HasValue) account["parentaccountid"] = new EntityReference("account", parent.Value);
            Guid id = Engine.SystemService.Create(account);
            Accounts.Add(id);
            AccountOwner[id] = rep;
            return id;
        }
    }
}
