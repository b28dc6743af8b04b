using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// "Last signal on" tells the churn-risk list how long an account has been quiet: it is the date its latest field
    /// signal was raised, recorded by CrmCollab. Nobody sets or clears it by hand, whatever the path; a merge may keep the
    /// merged-away account's date.
    /// </summary>
    public class AccountSignalDateScenarios
    {
        private static readonly string[] Touched = { "account" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _account, _sally;

        public AccountSignalDateScenarios()
        {
            _account = _org.Account("Contoso");
            _sally = _org.User("Sally SAV", "CrmCollab SAV");
        }

        private DateTime? LastSignalOn(Guid account) => _org.Row("account", account, "crmc_lastsignalon").GetAttributeValue<DateTime?>("crmc_lastsignalon");

        [Fact]
        public void Raising_a_signal_dates_the_account_and_nobody_sets_or_clears_that_date_by_hand()
        {
            _org.Signal(_account, SignalKind.Complaint, _sally, "Late deliveries again");
            Assert.Equal(CrmCollabOrg.Start, LastSignalOn(_account).Value, TimeSpan.FromSeconds(1));
            IOrganizationService rep = _org.As(_org.Rep), admin = _org.As(_org.Admin);
            var quiet = new Entity("account", _account) { ["crmc_lastsignalon"] = CrmCollabOrg.Start.AddYears(-2) };
            var cleared = new Entity("account", _account) { ["crmc_lastsignalon"] = null };

            string refusal = _org.RefusedNamingNoId(RefusalCodes.AccountSignalDate, () => rep.Update(quiet), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountSignalDate, () => admin.Update(cleared), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountSignalDate, () => CrmCollabOrg.InExecuteMultiple(rep, new UpdateRequest { Target = quiet }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountSignalDate, () => CrmCollabOrg.InExecuteTransaction(rep, new UpdateRequest { Target = cleared }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountSignalDate, () => CrmCollabOrg.InUpsert(rep, quiet), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountSignalDate, () => CrmCollabOrg.InUpdateMultiple(admin, quiet), Touched);

            Assert.Equal("'Last signal on' is the date the account's latest field signal was raised, recorded by CrmCollab when a signal " +
                "is raised; it cannot be set or cleared by hand. Remove it from the change and save again. [CRMC-ACCOUNT-SIGNAL-DATE]", refusal);
            rep.Update(new Entity("account", _account) { ["name"] = "Contoso Ltd" }); // the rest of the account is the rep's to edit
            DateTime asItIs = LastSignalOn(_account).Value; // an integration sending back what it read changes nothing
            rep.Update(new Entity("account", _account) { ["name"] = "Contoso Group", ["crmc_lastsignalon"] = asItIs });
            CrmCollabOrg.InUpsert(rep, new Entity("account", _account) { ["crmc_lastsignalon"] = asItIs });
            Assert.Equal(asItIs, LastSignalOn(_account));
        }

        [Fact]
        public void An_account_is_not_created_or_imported_with_a_signal_date()
        {
            var imported = new Entity("account") { ["name"] = "Fabrikam", ["crmc_lastsignalon"] = CrmCollabOrg.Start.AddDays(-3) };

            _org.RefusedNamingNoId(RefusalCodes.AccountSignalDate, () => _org.As(_org.Rep).Create(imported), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountSignalDate,
                () => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Rep), new CreateRequest { Target = imported }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountSignalDate, () => CrmCollabOrg.InUpsert(_org.As(_org.Rep), new Entity("account", Guid.NewGuid())
            {
                ["name"] = "Fabrikam", ["crmc_lastsignalon"] = CrmCollabOrg.Start,
            }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountSignalDate, () => _org.As(_org.Rep).Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new System.Collections.Generic.List<Entity> { new Entity("account") { ["name"] = "Northwind" }, imported })
                {
                    EntityName = "account",
                },
            }), Touched);
            Assert.NotEqual(Guid.Empty, _org.As(_org.Rep).Create(new Entity("account") { ["name"] = "Fabrikam", ["crmc_lastsignalon"] = null }));
        }

        [Fact]
        public void A_merge_keeps_the_merged_away_accounts_date_but_writes_no_other()
        {
            Guid duplicate = _org.Account("Contoso Ltd");
            _org.Signal(_account, SignalKind.Complaint, _sally, "Late deliveries again");
            _org.Engine.Clock.Advance(TimeSpan.FromDays(3));
            // The duplicate's signal is the latest of the two (a merge keeping an older date is put right after it:
            // MergedSignalAccountScenarios).
            _org.Signal(duplicate, SignalKind.ChurnRisk, _sally, "Their buyer is talking to a competitor");
            DateTime kept = LastSignalOn(_account).Value, mergedAway = LastSignalOn(duplicate).Value;
            MergeRequest Merge(DateTime? date) => new MergeRequest
            {
                Target = new EntityReference("account", _account), SubordinateId = duplicate,
                UpdateContent = new Entity("account") { ["crmc_lastsignalon"] = date },
            };

            _org.RefusedNamingNoId(RefusalCodes.AccountSignalDate, () => _org.As(_org.Rep).Execute(Merge(CrmCollabOrg.Start.AddDays(30))), "account", "opportunity");
            _org.RefusedNamingNoId(RefusalCodes.AccountSignalDate, () => _org.As(_org.Rep).Execute(Merge(null)), "account", "opportunity");
            _org.As(_org.Rep).Execute(Merge(mergedAway)); // the salesperson merges their duplicate accounts, keeping its date

            Assert.NotEqual(kept, mergedAway);
            Assert.Equal(mergedAway, LastSignalOn(_account));
        }
    }
}
