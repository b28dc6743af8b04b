using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Security;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Tooling.Tests.Packaging;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Tooling.Tests.Solution
{
    /// <summary>An organisation booted from the shipped solution/ with the plugins, and one person in each shipped role.</summary>
    internal sealed class AppOrg
    {
        public static readonly DateTime Start = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

        public AppOrg()
        {
            var options = new EngineOptions { StartTimeUtc = Start };
            options.PluginAssemblies.Add(typeof(PluginBase).Assembly);
            Engine = DataverseEngine.Boot(PackagingFixture.Solution, options);
            var setup = new OrganizationSetup(Engine.SystemService);
            var sales = setup.CreateBusinessUnit("Sales");
            var operations = setup.CreateBusinessUnit("Operations");
            Admin = setup.CreateUser("Ada Admin", operations, "CrmCollab Administrator");
            Rep = setup.CreateUser("Sam Sales", sales, "CrmCollab Salesperson");
            Reviewer = setup.CreateUser("Rita Reviewer", operations, "CrmCollab Reviewer");
            Adv = setup.CreateUser("Alice ADV", operations, "CrmCollab ADV");
            Logistics = setup.CreateUser("Lena Logistics", operations, "CrmCollab Logistics");
            Sav = setup.CreateUser("Sally SAV", operations, "CrmCollab SAV");
        }

        public DataverseEngine Engine { get; }
        public IOrganizationService System => Engine.SystemService;
        public Guid Admin { get; }
        public Guid Rep { get; }
        public Guid Reviewer { get; }
        public Guid Adv { get; }
        public Guid Logistics { get; }
        public Guid Sav { get; }

        public IOrganizationService As(Guid user) => Engine.CreateService(user);

        public Guid Account(string name = "Acme Packaging") =>
            System.Create(new Entity("account") { ["name"] = name, ["ownerid"] = new EntityReference("systemuser", Rep) });

        /// <summary>A small, standard deal: below every shipped rule's thresholds, so no review gates it.</summary>
        public Guid SmallDeal(Guid account) => As(Rep).Create(new Entity("opportunity")
        {
            ["name"] = "Spare parts", ["customerid"] = new EntityReference("account", account),
            ["estimatedvalue"] = new Money(4000m), ["crmc_discountpercent"] = 0m, ["crmc_paymentterms"] = new OptionSetValue(100000000),
            ["customerneed"] = "Replace worn rollers", ["decisionmaker"] = true, ["estimatedclosedate"] = Start.AddDays(20),
            ["budgetamount"] = new Money(4000m),
        });
    }
}
