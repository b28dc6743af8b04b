using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>
    /// A currency that accounts or deals are priced in cannot be deleted: transactioncurrency_account and
    /// transactioncurrency_opportunity have CascadeConfiguration Delete: Restrict (powerapps-docs,
    /// developer/data-platform/reference/entities/account.md and opportunity.md, Many-to-One relationships).
    /// </summary>
    public class CurrencyInUseTests
    {
        private readonly DataverseEngine _engine = new TestOrg().Boot();
        private IOrganizationService System => _engine.SystemService;

        [Fact]
        public void An_admin_cannot_delete_the_currency_a_deal_is_priced_in_and_the_deal_keeps_it()
        {
            Guid franc = TestOrg.AddCurrency(System, "CHF", 0.95m);
            Guid deal = System.Create(new Entity("opportunity")
            {
                ["name"] = "Swiss rollout", ["transactioncurrencyid"] = new EntityReference("transactioncurrency", franc),
            });

            Assert.Equal(ErrorCodes.CannotDeleteDueToAssociation, Fails(() => System.Delete("transactioncurrency", franc)).Detail.ErrorCode);
            Assert.Equal(franc, System.Retrieve("opportunity", deal, new ColumnSet("transactioncurrencyid"))
                .GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
        }

        [Fact]
        public void An_admin_cannot_delete_the_currency_of_an_account_but_may_delete_an_unused_one()
        {
            Guid franc = TestOrg.AddCurrency(System, "CHF", 0.95m), krone = TestOrg.AddCurrency(System, "DKK", 7.4m);
            System.Create(new Entity("account") { ["name"] = "Zurich AG", ["transactioncurrencyid"] = new EntityReference("transactioncurrency", franc) });

            Assert.Equal(ErrorCodes.CannotDeleteDueToAssociation, Fails(() => System.Delete("transactioncurrency", franc)).Detail.ErrorCode);
            System.Delete("transactioncurrency", krone);
        }
    }
}
