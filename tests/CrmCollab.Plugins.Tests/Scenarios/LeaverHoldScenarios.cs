using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The work a leaver's handover moved or left behind is found again by its routing hold (crmc_routinghold, a choice
    /// only CrmCollab writes), not by the words of its routing path: a path reworded (a later version's wording, an
    /// administrator's edit, a hand-over that quotes the old path) neither loses the work nor makes other work look held.
    /// </summary>
    public class LeaverHoldScenarios
    {
        private const string Hold = "crmc_routinghold";
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private void Leaves(Guid user)
        {
            _org.Setup.DisableUser(user);
            _org.Engine.DrainAsync();
        }

        private void ComesBack(Guid user)
        {
            _org.Setup.EnableUser(user);
            _org.Engine.DrainAsync();
        }

        private static Guid OwnerOf(Entity row) => row.GetAttributeValue<EntityReference>("ownerid").Id;

        private static int? HoldOf(Entity row) => row.GetAttributeValue<OptionSetValue>(Hold)?.Value;

        /// <summary>The deal's handoff of the function, with its owner, flag, path and hold.</summary>
        private Entity Contract(Guid deal) =>
            _org.Row("task", _org.HandoffOf(deal, BusinessFunction.Adv).Id, "ownerid", "crmc_isunrouted", "crmc_routingpath", Hold);

        /// <summary>The path reworded as a later version (or an administrator) might: none of today's phrases left.</summary>
        private void Reword(string table, Guid id) =>
            _org.System.Update(new Entity(table, id) { ["crmc_routingpath"] = "Kept for the handover: see the routing hold" });

        /// <summary>Alice is Fabrikam's ADV owner, with no backup, no rule and no unrouted desk; the rep's deal there is won.</summary>
        private (Guid Alice, Guid Deal) WonDealOfAlice()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV", _org.Operations);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid account = _org.Account("Fabrikam");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: alice);
            Guid deal = _org.Deal(account);
            _org.Win(deal);
            return (alice, deal);
        }

        [Fact]
        public void A_contract_left_with_a_disabled_adv_owner_goes_back_to_her_when_she_returns_even_after_its_path_was_reworded()
        {
            var (alice, deal) = WonDealOfAlice();
            Leaves(_org.Rep);
            Leaves(alice); // nobody can take the contract: it stays with Alice, held
            Entity contract = Contract(deal);
            Assert.Equal((int)RoutingHold.LeftWithDisabledOwner, HoldOf(contract));
            Reword("task", contract.Id);

            ComesBack(alice);

            contract = Contract(deal);
            Assert.Equal(alice, OwnerOf(contract));
            Assert.False(contract.GetAttributeValue<bool>("crmc_isunrouted")); // routed to her again, off the unrouted list
            Assert.Null(HoldOf(contract));
            Assert.Contains("enabled again", contract.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        /// <summary>The record as a version before the routing hold left it: the same path, no hold.</summary>
        private void AsBeforeHolds(string table, Guid id) =>
            _org.System.Update(new Entity(table, id) { [Hold] = null });

        [Fact]
        public void After_an_upgrade_a_contract_an_earlier_version_left_with_a_disabled_adv_owner_goes_back_to_her_when_she_returns()
        {
            var (alice, deal) = WonDealOfAlice();
            Leaves(_org.Rep);
            Leaves(alice);
            Entity contract = Contract(deal);
            AsBeforeHolds("task", contract.Id);
            Assert.Null(HoldOf(Contract(deal)));

            ComesBack(alice);

            contract = Contract(deal);
            Assert.Equal(alice, OwnerOf(contract));
            Assert.False(contract.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Contains("enabled again", contract.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void After_an_upgrade_a_contract_an_earlier_version_left_waiting_with_the_salesperson_goes_back_to_its_adv_owner()
        {
            var (alice, deal) = WonDealOfAlice();
            Leaves(alice);
            Entity contract = Contract(deal);
            Assert.Equal(_org.Rep, OwnerOf(contract));
            AsBeforeHolds("task", contract.Id);

            ComesBack(alice);

            contract = Contract(deal);
            Assert.Equal(alice, OwnerOf(contract));
            Assert.False(contract.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Null(HoldOf(contract));
        }

        [Fact]
        public void A_contract_that_waited_unrouted_with_the_salesperson_goes_back_to_its_adv_owner_even_after_its_path_was_reworded()
        {
            var (alice, deal) = WonDealOfAlice();
            Leaves(alice); // the contract waits with the salesperson, flagged unrouted
            Entity contract = Contract(deal);
            Assert.Equal(_org.Rep, OwnerOf(contract));
            Assert.Equal((int)RoutingHold.MovedBecauseOwnerDisabled, HoldOf(contract));
            Reword("task", contract.Id);

            ComesBack(alice);

            contract = Contract(deal);
            Assert.Equal(alice, OwnerOf(contract));
            Assert.False(contract.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Null(HoldOf(contract));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_review_left_with_a_disabled_reviewer_goes_back_on_the_routing_when_she_returns_even_after_its_path_was_reworded()
        {
            (Guid lena, Guid _, Guid _, Guid deal) = _org.CustomDealAwaitingReviews();
            Leaves(lena);
            Entity review = _org.Row("crmc_feasibilityreview", _org.Review(deal, BusinessFunction.Logistics).Id, "ownerid", Hold);
            Assert.Equal((int)RoutingHold.LeftWithDisabledOwner, HoldOf(review));
            Reword("crmc_feasibilityreview", review.Id);

            ComesBack(lena);

            review = _org.Row("crmc_feasibilityreview", review.Id, "ownerid", "crmc_routingpath", Hold);
            Assert.Equal(lena, OwnerOf(review));
            Assert.Null(HoldOf(review)); // no longer said to be stuck with a disabled owner
            Assert.Contains("enabled again", review.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_contract_an_administrator_passed_by_hand_to_a_colleague_is_handed_over_when_that_colleague_leaves_too()
        {
            var (alice, deal) = WonDealOfAlice();
            Leaves(_org.Rep);
            Leaves(alice); // stuck with Alice, held
            Guid contract = _org.HandoffOf(deal, BusinessFunction.Adv).Id;
            // The administrator passes it by hand to Bob, of ADV: its path quotes the one it had ("nobody can take it ...").
            Guid bob = _org.User("Bob ADV", "CrmCollab ADV", _org.Operations);
            _org.As(_org.Admin).Update(new Entity("task", contract) { ["ownerid"] = new EntityReference("systemuser", bob) });
            Entity passed = _org.Row("task", contract, "ownerid", "crmc_routingpath", Hold);
            Assert.Contains("nobody can take it", passed.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Null(HoldOf(passed)); // routed by hand: no longer held

            ComesBack(alice); // Alice is the account's ADV owner again
            Leaves(bob);      // and Bob leaves: his contract goes where the routing says, to Alice

            Entity task = _org.Row("task", contract, "ownerid", "crmc_isunrouted", Hold);
            Assert.Equal(alice, OwnerOf(task));
            Assert.False(task.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Equal((int)RoutingHold.MovedBecauseOwnerDisabled, HoldOf(task));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_salesperson_holding_a_contract_moved_to_them_cannot_clear_or_change_its_hold()
        {
            var (alice, deal) = WonDealOfAlice();
            Leaves(alice); // the contract waits with the salesperson, held until Alice (or a new ADV owner) can take it
            Guid contract = _org.HandoffOf(deal, BusinessFunction.Adv).Id;

            string cleared = _org.RefusedNamingNoId(RefusalCodes.HandoffServerColumn,
                () => _org.As(_org.Rep).Update(new Entity("task", contract) { [Hold] = null }), "task");
            _org.RefusedNamingNoId(RefusalCodes.HandoffServerColumn, () => _org.As(_org.Rep).Update(new Entity("task", contract)
                { [Hold] = new OptionSetValue((int)RoutingHold.LeftWithDisabledOwner) }), "task");
            Assert.Equal(RoutingHolds.ServerOwnedSentence + " [CRMC-HANDOFF-SERVER-COLUMN]", cleared);

            // Nor does anyone put a plain task of theirs on hold, creating it or later.
            _org.RefusedNamingNoId(RefusalCodes.HandoffServerColumn, () => _org.As(_org.Rep).Create(new Entity("task")
                { ["subject"] = "Call Fabrikam back", [Hold] = new OptionSetValue((int)RoutingHold.MovedBecauseOwnerDisabled) }), "task");
            Guid callBack = _org.As(_org.Rep).Create(new Entity("task") { ["subject"] = "Call Fabrikam back" });
            _org.RefusedNamingNoId(RefusalCodes.HandoffServerColumn, () => _org.As(_org.Rep).Update(new Entity("task", callBack)
                { [Hold] = new OptionSetValue((int)RoutingHold.MovedBecauseOwnerDisabled) }), "task");
        }

        [Fact]
        public void Neither_an_administrator_nor_a_reviewer_can_clear_or_set_the_hold_of_a_review()
        {
            (Guid lena, Guid fiona, Guid _, Guid deal) = _org.CustomDealAwaitingReviews();
            Leaves(lena);
            Guid logistics = _org.Review(deal, BusinessFunction.Logistics).Id;

            // Clearing the hold would leave the review with Lena for good once she is back: moving it is setting the account's owner.
            string refusal = _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn,
                () => _org.As(_org.Admin).Update(new Entity("crmc_feasibilityreview", logistics) { [Hold] = null }), "crmc_feasibilityreview");
            Assert.Equal(RoutingHolds.ServerOwnedSentence + " [CRMC-REVIEW-SERVER-COLUMN]", refusal);
            Guid finance = _org.Review(deal, BusinessFunction.Finance).Id;
            _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => _org.As(fiona).Update(new Entity("crmc_feasibilityreview", finance)
                { [Hold] = new OptionSetValue((int)RoutingHold.LeftWithDisabledOwner) }), "crmc_feasibilityreview");
        }
    }
}
