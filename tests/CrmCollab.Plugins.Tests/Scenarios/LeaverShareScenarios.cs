using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Someone leaves holding more open work than one background run may take (the 2-minute limit of a plug-in): the
    /// handover splits it into shares, each handed over by a background run of its own, so all of it reaches the people
    /// the routing names. Before, one run took the oldest 250 and the rest stayed with the leaver until some user was enabled.
    /// </summary>
    public class LeaverShareScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _bruno, _account;

        public LeaverShareScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV", _org.Operations);
            _bruno = _org.User("Bruno ADV", "CrmCollab ADV", _org.Operations);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            _account = _org.Account("Fabrikam");
            _org.DedicatedOwner(_account, BusinessFunction.Adv, user: _alice, backup: _bruno);
        }

        private Guid[] WonDeals(int count) => Enumerable.Range(0, count).Select(_ =>
        {
            Guid deal = _org.Deal(_account);
            _org.Win(deal);
            return deal;
        }).ToArray();

        private Guid ContractOwner(Guid deal) => _org.HandoffOf(deal, BusinessFunction.Adv).GetAttributeValue<EntityReference>("ownerid").Id;

        [Fact]
        public void An_adv_owner_who_leaves_holding_more_contracts_than_one_run_takes_hands_every_one_to_her_backup()
        {
            Guid[] deals = WonDeals(DisabledOwnerHandover.MaxPerRun + 40);
            Assert.All(deals, deal => Assert.Equal(_alice, ContractOwner(deal)));

            _org.Setup.DisableUser(_alice);
            _org.Engine.DrainAsync();

            Assert.All(deals, deal => Assert.Equal(_bruno, ContractOwner(deal)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_share_that_runs_after_its_user_was_enabled_again_leaves_her_work_with_her()
        {
            // Contoso's ADV work is Bruno's by routing; he passed its contracts to Alice by hand.
            Guid contoso = _org.Account("Contoso");
            _org.DedicatedOwner(contoso, BusinessFunction.Adv, user: _bruno);
            Guid[] deals = Enumerable.Range(0, 3).Select(_ => { Guid deal = _org.Deal(contoso); _org.Win(deal); return deal; }).ToArray();
            foreach (Guid deal in deals)
                _org.As(_org.Admin).Execute(new Microsoft.Crm.Sdk.Messages.AssignRequest
                    { Target = _org.HandoffOf(deal, BusinessFunction.Adv).ToEntityReference(), Assignee = new EntityReference("systemuser", _alice) });
            _org.Engine.DrainAsync();
            Assert.All(deals, deal => Assert.Equal(_alice, ContractOwner(deal)));

            // What a share started by her disable finds when she came back before it ran: she is enabled, so nothing moves.
            _org.System.Update(new Entity("systemuser", _alice) { ["crmc_handovershare"] = new HandoverShare { Share = new WorkShare { Index = 0, Count = 1 }, Pass = HandoverShare.Leaver }.Write() });
            _org.Engine.DrainAsync();

            Assert.All(deals, deal => Assert.Equal(_alice, ContractOwner(deal)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void When_both_adv_people_were_away_the_backup_back_first_takes_every_one_of_more_parked_contracts_than_one_run_takes()
        {
            Guid[] deals = WonDeals(DisabledOwnerHandover.MaxPerRun + 40);
            _org.Setup.DisableUser(_bruno);
            _org.Setup.DisableUser(_alice);
            _org.Engine.DrainAsync();
            Assert.All(deals, deal => Assert.Equal(_org.Rep, ContractOwner(deal))); // parked with the salesperson, unrouted

            _org.Setup.EnableUser(_bruno);
            _org.Engine.DrainAsync();

            Assert.All(deals, deal => Assert.Equal(_bruno, ContractOwner(deal)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void Contracts_nobody_could_take_while_everyone_was_away_all_go_to_the_backup_back_first_however_many()
        {
            // More than the two passes that reach them (left with a disabled owner, waiting unrouted) take in one run each.
            Guid[] deals = WonDeals(2 * DisabledOwnerHandover.MaxPerRun + 40);
            _org.Setup.DisableUser(_bruno);
            _org.Setup.DisableUser(_org.Rep);
            _org.Setup.DisableUser(_alice);
            _org.Engine.DrainAsync();
            Assert.All(deals, deal => Assert.Equal(_alice, ContractOwner(deal))); // nobody can take them: left with her, noted

            _org.Setup.EnableUser(_bruno);
            _org.Engine.DrainAsync();

            Assert.All(deals, deal => Assert.Equal(_bruno, ContractOwner(deal)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void Where_a_disabled_users_row_cannot_be_saved_the_oldest_contracts_go_at_once_and_the_rest_at_the_next_enable()
        {
            var org = CrmCollabOrg.WithTestStep<DisabledUserSaveRefusal>("Update", "systemuser", Emulator.Metadata.StepStage.PreOperation, "crmc_handovershare");
            Guid alice = org.User("Alice ADV", "CrmCollab ADV", org.Operations), bruno = org.User("Bruno ADV", "CrmCollab ADV", org.Operations);
            org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid account = org.Account("Fabrikam");
            org.DedicatedOwner(account, BusinessFunction.Adv, user: alice, backup: bruno);
            Guid[] deals = Enumerable.Range(0, DisabledOwnerHandover.MaxPerRun + 40).Select(_ =>
            {
                Guid deal = org.Deal(account);
                org.Win(deal);
                org.Engine.Clock.Advance(TimeSpan.FromMinutes(1));
                return deal;
            }).ToArray();
            Guid Owner(Guid deal) => org.HandoffOf(deal, BusinessFunction.Adv).GetAttributeValue<EntityReference>("ownerid").Id;

            org.Setup.DisableUser(alice);
            org.Engine.DrainAsync();

            Assert.All(deals.Take(DisabledOwnerHandover.MaxPerRun), deal => Assert.Equal(bruno, Owner(deal)));
            Assert.All(deals.Skip(DisabledOwnerHandover.MaxPerRun), deal => Assert.Equal(alice, Owner(deal)));

            // Anyone enabled: that enable's run reaches the work disabled users still hold (in shares on the enabled user, were it more than one run takes).
            Guid nina = org.User("Nina New", "CrmCollab Salesperson", org.Sales);
            org.Setup.DisableUser(nina);
            org.Engine.DrainAsync();
            org.Setup.EnableUser(nina);
            org.Engine.DrainAsync();

            Assert.All(deals, deal => Assert.Equal(bruno, Owner(deal)));
            Assert.Empty(org.Engine.AsyncFailures);
        }

        [Theory]
        [InlineData("Update"), InlineData("UpdateMultiple"), InlineData("Upsert"), InlineData("ExecuteMultiple"), InlineData("ExecuteTransaction")]
        public void An_administrator_cannot_write_a_users_handover_share(string channel)
        {
            IOrganizationService admin = _org.As(_org.Admin);
            string share = new HandoverShare { Share = new WorkShare { Index = 0, Count = 1 }, Pass = HandoverShare.Leaver }.Write();

            string message = _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn,
                () => CrmCollabOrg.UpdateThrough(channel, admin, new Entity("systemuser", _alice) { ["crmc_handovershare"] = share }), "systemuser");
            Assert.Contains("Handover Share", message);
        }

        [Fact]
        public void Nobody_creates_a_user_carrying_a_handover_share()
        {
            var user = new Entity("systemuser")
            {
                ["firstname"] = "Nina", ["lastname"] = "New", ["domainname"] = "nina@example.com",
                ["businessunitid"] = new EntityReference("businessunit", _org.Operations),
                ["crmc_handovershare"] = new HandoverShare { Share = new WorkShare { Index = 0, Count = 1 }, Pass = HandoverShare.Leaver }.Write(),
            };

            _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => _org.As(_org.Admin).Create(user), "systemuser");
        }
    }
}
