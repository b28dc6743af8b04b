using System;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Engine
{
    /// <summary>
    /// Lookups come back with the referenced record's primary name, each one resolved for itself even when a row names
    /// the same record several times (creator, modifier and owner are often one user).
    /// </summary>
    public class FormattedLookupTests
    {
        [Fact]
        public void Every_lookup_to_the_same_user_carries_that_users_name()
        {
            var engine = new TestOrg().Boot();
            var id = engine.SystemService.Create(new Entity("crmc_widget") { ["crmc_name"] = "Pump" });

            var widget = engine.SystemService.Retrieve("crmc_widget", id, new ColumnSet("createdby", "modifiedby", "ownerid"));

            foreach (var column in new[] { "createdby", "modifiedby", "ownerid" })
            {
                Assert.Equal("SYSTEM", widget.GetAttributeValue<EntityReference>(column).Name);
                Assert.Equal("SYSTEM", widget.FormattedValues[column]);
            }
        }

        [Fact]
        public void A_lookup_keeps_the_record_not_the_writers_copy_of_it_with_an_old_name_and_row_version()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var accountId = svc.Create(new Entity("account") { ["name"] = "Contoso" });
            Entity account = svc.Retrieve("account", accountId, new ColumnSet("name"));
            EntityReference asRead = account.ToEntityReference(); // carries the account's row version as read
            asRead.Name = "Contoso (as the writer knew it)";
            Assert.NotNull(asRead.RowVersion);
            var widget = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "Pump", ["crmc_accountid"] = asRead });
            svc.Update(new Entity("account", accountId) { ["name"] = "Contoso Ltd" });

            var lookup = svc.Retrieve("crmc_widget", widget, new ColumnSet("crmc_accountid")).GetAttributeValue<EntityReference>("crmc_accountid");

            Assert.Equal(accountId, lookup.Id);
            Assert.Equal("account", lookup.LogicalName);
            Assert.Equal("Contoso Ltd", lookup.Name);
            Assert.Null(lookup.RowVersion);
            Assert.Empty(lookup.KeyAttributes);
        }

        [Fact]
        public void A_lookup_shows_the_name_the_record_has_now_after_a_rename_a_rollback_or_a_delete()
        {
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var account = svc.Create(new Entity("account") { ["name"] = "Contoso" });
            var widget = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "Pump", ["crmc_accountid"] = new EntityReference("account", account) });
            string NameShown() => svc.Retrieve("crmc_widget", widget, new ColumnSet("crmc_accountid")).FormattedValues["crmc_accountid"];
            Assert.Equal("Contoso", NameShown());

            svc.Update(new Entity("account", account) { ["name"] = "Contoso Ltd" });
            Assert.Equal("Contoso Ltd", NameShown());

            var failing = new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection
                {
                    new UpdateRequest { Target = new Entity("account", account) { ["name"] = "Renamed in vain" } },
                    new CreateRequest { Target = new Entity("crmc_widget") { ["crmc_name"] = new string('x', 50) } }, // too long
                },
            };
            Assert.ThrowsAny<Exception>(() => svc.Execute(failing));
            Assert.Equal("Contoso Ltd", NameShown());

            var stale = new Entity("crmc_widget") { ["crmc_accountid"] = new EntityReference("account", account) { Name = "as the caller knew it" } };
            svc.Delete("account", account); // the widget goes with it (cascade): format a detached row instead
            engine.Store.Format(stale);
            Assert.Equal("as the caller knew it", stale.FormattedValues["crmc_accountid"]);
        }

        [Fact]
        public void Lookups_to_a_missing_record_keep_each_their_own_name()
        {
            var engine = new TestOrg().Boot();
            var gone = Guid.NewGuid();
            var row = new Entity("crmc_widget")
            {
                ["createdby"] = new EntityReference("systemuser", gone) { Name = "First" },
                ["modifiedby"] = new EntityReference("systemuser", gone) { Name = "Second" },
                ["ownerid"] = new EntityReference("systemuser", WellKnownIds.SystemUserId) { Name = "stale" },
            };

            engine.Store.Format(row);

            Assert.Equal("First", row.FormattedValues["createdby"]);
            Assert.Equal("Second", row.FormattedValues["modifiedby"]);
            Assert.Equal("SYSTEM", row.FormattedValues["ownerid"]);
        }
    }
}
