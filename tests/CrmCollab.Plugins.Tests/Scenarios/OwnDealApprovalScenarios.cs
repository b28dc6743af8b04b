using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A salesperson who is also the logistics contact of a small account was routed that account's Logistics reviews
    /// (routing now passes over the deal's owner, OwnDealReviewRoutingScenarios; here the review is passed on to them by
    /// hand, an Assign, the way left for it to reach them). As the deal's owner they may not decide them; handing the deal
    /// to a colleague for a moment (the Salesperson role assigns its own deals) made them "not the owner" while they approved it, and the colleague handed it back, or kept
    /// the deal and moved it on. CrmCollab records who owned the deal when each review was asked (Deal owner at request).
    /// </summary>
    public class OwnDealApprovalScenarios
    {
        private const string AtRequest = "crmc_dealowneratrequest";
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _fiona, _carl, _deal;

        public OwnDealApprovalScenarios()
        {
            Guid lena;
            (lena, _fiona, _, _) = _org.CustomDealInQualify();
            Guid account = _org.Account("Fabrikam");
            _org.Setup.AssignRole(_org.Rep, "CrmCollab Reviewer");
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: _org.Rep);
            _org.DedicatedOwner(account, BusinessFunction.Finance, user: _fiona);
            _carl = _org.Setup.CreateUser("Carl Sales", _org.Sales, "CrmCollab Salesperson");
            _deal = _org.CustomDeal(account);
            _org.MoveTo(_deal, SalesStage.Develop);
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.System.Execute(new AssignRequest { Target = Logistics.ToEntityReference(), Assignee = new EntityReference("systemuser", _org.Rep) });
            Assert.NotEqual(Guid.Empty, lena);
        }

        private void Assign(Guid from, Guid to) =>
            _org.As(from).Execute(new AssignRequest { Target = new EntityReference("opportunity", _deal), Assignee = new EntityReference("systemuser", to) });

        private Entity Logistics => _org.Review(_deal, BusinessFunction.Logistics);

        private EntityReference OwnerAtRequest(Guid review) =>
            _org.System.Retrieve("crmc_feasibilityreview", review, new ColumnSet(AtRequest)).GetAttributeValue<EntityReference>(AtRequest);

        [Fact]
        public void A_salesperson_routed_their_own_deals_review_cannot_approve_it_once_a_colleague_holds_the_deal_and_the_colleague_cannot_move_it_on()
        {
            Assign(_org.Rep, _carl);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.ReviewDeciderNotAllowed,
                () => _org.Decide(_org.Rep, Logistics, ReviewDecision.Approved), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewDeciderNotAllowed,
                () => _org.Decide(_org.Rep, Logistics, ReviewDecision.ApprovedWithConditions, conditions: "Ship by sea"), Touched);
            string move = CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose, asUser: _carl));
            string win = CrmCollabOrg.Refusal(() => _org.Win(_deal, asUser: _carl, drain: false));

            Assert.Equal("You owned this opportunity when its feasibility review was asked, so you cannot decide it, even though someone else " +
                "owns the deal now. Pass the review on (Assign) to another reviewer of the function, or ask your CrmCollab administrator to have " +
                "it decided. [CRMC-REVIEW-DECIDER-NOT-ALLOWED]", refusal);
            foreach (string message in new[] { move, win })
            {
                Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(message));
                Assert.Contains("Logistics", message);
            }
            // Another reviewer's decision (here an administrator's) moves it on.
            _org.Decide(_org.Admin, Logistics, ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose, asUser: _carl);
            Assert.Equal(SalesStage.Propose, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void A_crmcollab_administrator_who_owned_the_deal_when_the_review_was_asked_may_still_decide_it()
        {
            _org.Setup.AssignRole(_org.Rep, "CrmCollab Administrator");
            Assign(_org.Rep, _carl);

            _org.Decide(_org.Rep, Logistics, ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose, asUser: _carl);

            Assert.Equal(SalesStage.Propose, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void Who_owned_the_deal_when_the_review_was_asked_is_recorded_by_crmcollab_and_no_client_sets_or_clears_it()
        {
            IOrganizationService rep = _org.As(_org.Rep), admin = _org.As(_org.Admin);
            Entity Cleared() => new Entity("crmc_feasibilityreview", Logistics.Id) { [AtRequest] = null };
            Entity Forged(Guid? id = null) => new Entity("crmc_feasibilityreview", id ?? Guid.Empty)
            {
                ["crmc_name"] = "Engineering review",
                ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Engineering),
                [AtRequest] = new EntityReference("systemuser", _carl),
            };

            string cleared = _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => rep.Update(Cleared()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => CrmCollabOrg.InUpdateMultiple(rep, new Entity("crmc_feasibilityreview", Logistics.Id)
            {
                [AtRequest] = new EntityReference("systemuser", _carl),
            }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => CrmCollabOrg.InExecuteMultiple(rep, new UpdateRequest { Target = Cleared() }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => CrmCollabOrg.InUpsert(rep, Cleared()), Touched);
            string forged = _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => admin.Create(Forged()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => CrmCollabOrg.InExecuteMultiple(admin, new CreateRequest { Target = Forged() }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => CrmCollabOrg.InUpsert(admin, Forged(Guid.NewGuid())), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => admin.Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity> { Forged() }) { EntityName = "crmc_feasibilityreview" },
            }), Touched);

            Assert.Contains("cannot be edited: Deal owner at request.", cleared);
            Assert.Contains("cannot be set by hand: Deal owner at request.", forged);
            Assert.Equal(_org.Rep, OwnerAtRequest(Logistics.Id).Id);
            // A review made by hand is recorded as CrmCollab's request would have been: the deal's owner then.
            Guid byHand = admin.Create(new Entity("crmc_feasibilityreview")
            {
                ["crmc_name"] = "Engineering review", ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Engineering),
            });
            Assert.Equal(_org.Rep, OwnerAtRequest(byHand).Id);
        }

        [Fact]
        public void A_review_asked_again_after_the_terms_changed_names_who_owns_the_deal_at_that_request()
        {
            Guid approved = _org.Review(_deal, BusinessFunction.Finance).Id;
            Assign(_org.Rep, _carl);

            _org.As(_carl).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 25m }); // re-opens Finance

            Guid asked = _org.Review(_deal, BusinessFunction.Finance).Id;
            Assert.NotEqual(approved, asked);
            Assert.Equal(_org.Rep, OwnerAtRequest(approved).Id);
            Assert.Equal(_carl, OwnerAtRequest(asked).Id);
        }

        /// <summary>A review asked and decided before CrmCollab recorded who owned the deal then and who has owned it (an upgrade
        /// leaves both columns empty) is
        /// judged as before: its approval by the salesperson while a colleague held the deal is not counted once the deal is back.</summary>
        [Fact]
        public void A_salesperson_who_approved_their_own_deals_review_while_a_colleague_held_it_cannot_move_it_on_nor_win_it_once_it_is_back()
        {
            _org.System.Update(new Entity("crmc_feasibilityreview", Logistics.Id) { [AtRequest] = null }); // asked before the upgrade
            Assign(_org.Rep, _carl);
            // ...and approved before the upgrade that records who has owned the deal (its Owner History empty then).
            _org.System.Update(new Entity("opportunity", _deal) { ["crmc_ownerhistory"] = null });
            _org.Decide(_org.Rep, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved); // not the owner for the moment
            Assign(_carl, _org.Rep);
            var before = TableSnapshot.Take(_org.System);

            string move = CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose));
            string win = CrmCollabOrg.Refusal(() => _org.Win(_deal, drain: false));

            foreach (string message in new[] { move, win })
            {
                Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(message));
                Assert.Contains("Logistics was approved by someone who owns this deal now", message);
                Assert.DoesNotContain("Finance", message);
            }
            before.AssertUnchanged(_org.System);
        }
    }
}
