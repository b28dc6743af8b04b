using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>
    /// A new row that names another takes Append on itself and AppendTo on the row it names (Microsoft's "Security roles
    /// and privileges": "To create an opportunity, you must have the access right appendto on accounts and the access right
    /// append on opportunities"). Create alone makes a row that names nothing.
    /// </summary>
    public class LookupAppendOnCreateTests
    {
        private readonly LookupAppendOrg _org = new LookupAppendOrg();

        [Fact]
        public void Creating_a_widget_that_names_an_account_is_refused_without_append_on_widgets()
        {
            var nina = _org.As(_org.Nina);
            nina.Create(LookupAppendOrg.Widget()); // Create alone: a widget naming nothing

            var fault = Fails(() => nina.Create(LookupAppendOrg.Widget(_org.AnnsAccount)), SecurityFaults.PrivilegeDenied);

            Assert.Contains("is missing prvAppendcrmc_Widget privilege", fault.Message);
            Assert.Equal(1, _org.Widgets());
        }

        [Fact]
        public void Creating_a_widget_that_names_a_contact_is_refused_without_append_to_on_contacts()
        {
            var widget = LookupAppendOrg.Widget();
            widget["crmc_contactid"] = new EntityReference("contact", _org.Contact);

            var fault = Fails(() => _org.As(_org.Ann).Create(widget), SecurityFaults.PrivilegeDenied);

            Assert.Contains("is missing prvAppendToContact privilege", fault.Message);
            Assert.Equal(0, _org.Widgets());
        }

        [Fact]
        public void Append_to_at_basic_depth_reaches_only_the_accounts_the_user_owns()
        {
            var ann = _org.As(_org.Ann);
            Guid own = ann.Create(LookupAppendOrg.Widget(_org.AnnsAccount));

            var fault = Fails(() => ann.Create(LookupAppendOrg.Widget(_org.BobsAccount)), SecurityFaults.AccessCheckFailed);

            Assert.Contains("does not have AppendToAccess right(s)", fault.Message);
            Assert.Contains($"record with Id = {_org.BobsAccount} of entity 'account'", fault.Message);
            Assert.Contains("Its prvAppendToAccount privilege reaches Basic (User) depth only", fault.Message);
            Assert.Equal(_org.AnnsAccount, _org.AccountNamedBy(own));
            Assert.Equal(1, _org.Widgets());
        }

        [Fact]
        public void Append_on_a_new_row_is_judged_at_the_owner_it_will_have()
        {
            var ann = _org.As(_org.Ann);
            ann.Create(LookupAppendOrg.Widget(owner: _org.Bob)); // Create reaches the business unit: a widget for Bob

            // Append is Basic: a widget that will be Bob's is not Ann's to link, even to her own account.
            var fault = Fails(() => ann.Create(LookupAppendOrg.Widget(_org.AnnsAccount, owner: _org.Bob)), SecurityFaults.AccessCheckFailed);

            Assert.Contains("does not have AppendAccess right(s)", fault.Message);
            Assert.Contains("prvAppendcrmc_Widget privilege reaches Basic (User) depth only", fault.Message);
            Assert.Equal(1, _org.Widgets());
        }

        [Theory]
        [InlineData("account", true)]
        [InlineData("systemuser", true)] // prvAppendToUser
        [InlineData("transactioncurrency", true)] // organization-owned: prvAppendToTransactionCurrency, Global only
        [InlineData("workflow", true)] // a flow's process: prvAppendToWorkflow
        [InlineData("processstage", false)] // no ProcessStage privilege in Microsoft's lists
        [InlineData("businessunit", false)] // its append-to right is prvAppendBusinessUnit, not a prvAppendTo name
        [InlineData("teammembership", false)] // an intersect table: no privileges at all
        public void Which_tables_a_lookup_asks_append_to_on(string table, bool asked)
        {
            var catalog = BuiltInTables.CreateCatalog();

            Assert.Equal(asked, PrivilegeNames.HasAppendTo(catalog.Table(table)));
            Assert.False(PrivilegeNames.HasAppendTo(null));
        }

        [Fact]
        public void SYSTEM_names_any_row_without_a_role()
        {
            Guid widget = _org.Engine.SystemService.Create(LookupAppendOrg.Widget(_org.BobsAccount, owner: _org.Nina));

            Assert.Equal(_org.BobsAccount, _org.AccountNamedBy(widget));
        }

        [Fact]
        public void A_plugin_writing_through_the_SYSTEM_service_names_rows_the_user_could_not()
        {
            // As CrmCollab's steps do: the user's save is theirs, what the step writes as SYSTEM is not asked of them.
            Guid bobsAccount = Guid.Empty;
            var org = new LookupAppendOrg(test => test.Step("Create", "crmc_widget", StepStage.PostOperation, run =>
            {
                var factory = (IOrganizationServiceFactory)run.Provider.GetService(typeof(IOrganizationServiceFactory));
                factory.CreateOrganizationService(null).Update(LookupAppendOrg.Naming(run.Context.PrimaryEntityId, bobsAccount));
            }));
            bobsAccount = org.BobsAccount;

            Guid widget = org.As(org.Nina).Create(LookupAppendOrg.Widget());

            Assert.Equal(org.BobsAccount, org.AccountNamedBy(widget));
        }

        [Fact]
        public void A_lookup_a_PreOperation_step_adds_to_the_users_save_is_asked_of_the_user()
        {
            // The platform writes the Target as PreOperation left it, with the caller's rights: a stamped lookup counts.
            Guid contact = Guid.Empty;
            var org = new LookupAppendOrg(test => test.Step("Create", "crmc_widget", StepStage.PreOperation,
                run => run.Target["crmc_contactid"] = new EntityReference("contact", contact)));
            contact = org.Contact;

            var fault = Fails(() => org.As(org.Ann).Create(LookupAppendOrg.Widget()), SecurityFaults.PrivilegeDenied);

            Assert.Contains("is missing prvAppendToContact privilege", fault.Message);
            Assert.Equal(0, org.Widgets());
        }
    }
}
