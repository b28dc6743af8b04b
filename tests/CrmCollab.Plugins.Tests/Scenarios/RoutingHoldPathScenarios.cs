using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The routing hold (crmc_routinghold) is CrmCollab's on every way a client writes a task or a review: Upsert (either
    /// branch), the bulk messages, ExecuteMultiple and ExecuteTransaction run the same guards; only a hand-over by hand
    /// releases it, as routing would.
    /// </summary>
    public class RoutingHoldPathScenarios
    {
        private const string Hold = "crmc_routinghold";
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private void Leaves(Guid user) { _org.Setup.DisableUser(user); _org.Engine.DrainAsync(); }

        private void ComesBack(Guid user) { _org.Setup.EnableUser(user); _org.Engine.DrainAsync(); }

        private static int? HoldOf(Entity row) => row.GetAttributeValue<OptionSetValue>(Hold)?.Value;

        private static Guid OwnerOf(Entity row) => row.GetAttributeValue<EntityReference>("ownerid").Id;

        /// <summary>Alice is Fabrikam's ADV owner; the rep's deal is won; Alice leaves: the contract waits with the rep, held.</summary>
        private (Guid Alice, Guid Deal, Guid Contract) ContractWaitingWithTheRep()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV", _org.Operations);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid account = _org.Account("Fabrikam");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: alice);
            Guid deal = _org.Deal(account);
            _org.Win(deal);
            Leaves(alice);
            Guid contract = _org.HandoffOf(deal, BusinessFunction.Adv).Id;
            Assert.Equal((int)RoutingHold.MovedBecauseOwnerDisabled, HoldOf(_org.Row("task", contract, Hold)));
            return (alice, deal, contract);
        }

        private Entity ClearedHold(Guid task) => new Entity("task", task) { [Hold] = null };

        [Fact]
        public void A_salesperson_cannot_clear_a_contracts_hold_through_Upsert_UpdateMultiple_ExecuteMultiple_or_ExecuteTransaction()
        {
            var (_, _, contract) = ContractWaitingWithTheRep();
            IOrganizationService rep = _org.As(_org.Rep);

            _org.RefusedNamingNoId(RefusalCodes.HandoffServerColumn, () => rep.Execute(new UpsertRequest { Target = ClearedHold(contract) }), "task");
            _org.RefusedNamingNoId(RefusalCodes.HandoffServerColumn, () => rep.Execute(new UpdateMultipleRequest
                { Targets = new EntityCollection { EntityName = "task", Entities = { ClearedHold(contract) } } }), "task");
            _org.RefusedNamingNoId(RefusalCodes.HandoffServerColumn, () => rep.Execute(new ExecuteTransactionRequest
                { Requests = new OrganizationRequestCollection { new UpdateRequest { Target = ClearedHold(contract) } } }), "task");
            var multiple = (ExecuteMultipleResponse)rep.Execute(new ExecuteMultipleRequest
            {
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
                Requests = new OrganizationRequestCollection { new UpdateRequest { Target = ClearedHold(contract) } },
            });
            Assert.Contains("[CRMC-HANDOFF-SERVER-COLUMN]", Assert.Single(multiple.Responses).Fault.Message);

            Assert.Equal((int)RoutingHold.MovedBecauseOwnerDisabled, HoldOf(_org.Row("task", contract, Hold)));
        }

        [Fact]
        public void Nobody_creates_a_held_task_through_Upsert_or_CreateMultiple()
        {
            Entity HeldTask() => new Entity("task", Guid.NewGuid())
                { ["subject"] = "Call Fabrikam back", [Hold] = new OptionSetValue((int)RoutingHold.LeftWithDisabledOwner) };

            _org.RefusedNamingNoId(RefusalCodes.HandoffServerColumn, () => _org.As(_org.Rep).Execute(new UpsertRequest { Target = HeldTask() }), "task");
            _org.RefusedNamingNoId(RefusalCodes.HandoffServerColumn, () => _org.As(_org.Admin).Execute(new CreateMultipleRequest
                { Targets = new EntityCollection { EntityName = "task", Entities = { HeldTask() } } }), "task");
        }

        [Fact]
        public void A_salesperson_without_the_bypass_privilege_cannot_skip_the_guard_to_clear_a_hold()
        {
            var (_, _, contract) = ContractWaitingWithTheRep();
            var update = new UpdateRequest { Target = ClearedHold(contract) };
            update.Parameters["BypassCustomPluginExecution"] = true;

            Assert.ThrowsAny<Exception>(() => _org.As(_org.Rep).Execute(update));

            Assert.Equal((int)RoutingHold.MovedBecauseOwnerDisabled, HoldOf(_org.Row("task", contract, Hold)));
        }

        [Fact]
        public void A_held_contract_an_administrator_assigns_by_hand_is_released_and_handed_over_when_its_new_owner_leaves()
        {
            var (alice, deal, contract) = ContractWaitingWithTheRep();
            Guid bob = _org.User("Bob ADV", "CrmCollab ADV", _org.Operations);

            _org.As(_org.Admin).Execute(new AssignRequest { Target = new EntityReference("task", contract), Assignee = new EntityReference("systemuser", bob) });

            Entity passed = _org.Row("task", contract, "ownerid", "crmc_isunrouted", Hold);
            Assert.Equal(bob, OwnerOf(passed));
            Assert.Null(HoldOf(passed));
            Assert.False(passed.GetAttributeValue<bool>("crmc_isunrouted"));
            ComesBack(alice); // the account's ADV owner again: Bob's contract, passed by hand, stays his
            Assert.Equal(bob, OwnerOf(_org.Row("task", contract, "ownerid")));
        }

        [Fact]
        public void Neither_the_adv_owner_nor_an_administrator_can_put_a_contract_on_hold_or_release_it()
        {
            var (_, _, contract) = ContractWaitingWithTheRep();
            Guid bob = _org.User("Bob ADV", "CrmCollab ADV", _org.Operations);
            _org.As(_org.Admin).Execute(new AssignRequest { Target = new EntityReference("task", contract), Assignee = new EntityReference("systemuser", bob) });
            var held = new Entity("task", contract) { [Hold] = new OptionSetValue((int)RoutingHold.LeftWithDisabledOwner) };

            _org.RefusedNamingNoId(RefusalCodes.HandoffServerColumn, () => _org.As(bob).Update(held), "task");
            _org.RefusedNamingNoId(RefusalCodes.HandoffServerColumn, () => _org.As(_org.Admin).Execute(new UpsertRequest { Target = held }), "task");

            Assert.Null(HoldOf(_org.Row("task", contract, Hold)));
        }

        [Fact]
        public void A_review_left_with_a_disabled_reviewer_that_an_administrator_assigns_by_hand_is_released_and_handed_over_when_its_new_owner_leaves()
        {
            (Guid lena, Guid _, Guid _, Guid deal) = _org.CustomDealAwaitingReviews();
            Leaves(lena); // nobody else can take the logistics review: it stays with Lena, held
            Guid review = _org.Review(deal, BusinessFunction.Logistics).Id;
            Assert.Equal((int)RoutingHold.LeftWithDisabledOwner, HoldOf(_org.Row("crmc_feasibilityreview", review, Hold)));
            Guid lars = _org.User("Lars Logistics", "CrmCollab Logistics", _org.Operations);
            _org.Setup.AssignRole(lars, "CrmCollab Reviewer");

            _org.As(_org.Admin).Execute(new AssignRequest
                { Target = new EntityReference("crmc_feasibilityreview", review), Assignee = new EntityReference("systemuser", lars) });

            Assert.Null(HoldOf(_org.Row("crmc_feasibilityreview", review, Hold))); // routed by hand: no longer held
            Leaves(lars); // his review is handed over like any leaver's work: nobody can take it, it stays with him, held
            Entity after = _org.Row("crmc_feasibilityreview", review, "ownerid", "crmc_routingpath", Hold);
            Assert.Equal(lars, OwnerOf(after));
            Assert.Equal((int)RoutingHold.LeftWithDisabledOwner, HoldOf(after));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
