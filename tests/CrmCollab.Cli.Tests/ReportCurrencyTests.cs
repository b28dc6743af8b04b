using System;
using CrmCollab.Cli.Report;
using CrmCollab.Cli;
using CrmCollab.Cli.Commands;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    /// <summary>
    /// The report adds deals up (value held at the gate): a deal in yen counts at its value in the base currency, the base
    /// value Dataverse stamps (estimatedvalue / exchangerate), not as so many euros.
    /// </summary>
    public class ReportCurrencyTests
    {
        [Fact]
        public void A_deal_of_1600000_yen_is_worth_10000_in_the_report_beside_a_20000_deal_in_the_base_currency()
        {
            var engine = ShippedEngine.Boot(RepoPaths.Default("solution"), new EngineOptions { Seed = 7 });
            IOrganizationService system = engine.SystemService;
            Guid yen = system.Create(new Entity("transactioncurrency")
            {
                ["currencyname"] = "Yen", ["isocurrencycode"] = "JPY", ["currencysymbol"] = "¥", ["exchangerate"] = 160m,
            });
            Guid account = system.Create(new Entity("account") { ["name"] = "Contoso" });
            Guid inYen = system.Create(new Entity("opportunity")
            {
                ["name"] = "Tokyo line", ["customerid"] = new EntityReference("account", account), ["estimatedvalue"] = new Money(1600000m),
                ["transactioncurrencyid"] = new EntityReference("transactioncurrency", yen),
            });
            Guid inBase = system.Create(new Entity("opportunity")
            {
                ["name"] = "Lyon line", ["customerid"] = new EntityReference("account", account), ["estimatedvalue"] = new Money(20000m),
            });

            ReportData data = ReportData.Read(system);

            Assert.Equal(10000m, data.Deals[inYen].Value);
            Assert.Equal(20000m, data.Deals[inBase].Value);
        }
    }
}
