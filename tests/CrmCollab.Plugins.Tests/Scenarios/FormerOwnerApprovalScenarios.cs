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
    /// A salesperson who is also the logistics contact of an account is routed that account's Logistics reviews. Handing
    /// their deal to a colleague BEFORE the review is asked made the review name the colleague as the owner at request,
    /// so they approved it as an ordinary reviewer and the colleague moved the deal on. CrmCollab now records everyone who
    /// has owned the deal (Owner History), whatever way the owner changed, and none of them decides its reviews.
    /// </summary>
    public class FormerOwnerApprovalScenarios
    {
        private const string History = "crmc_ownerhistory";
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _fiona, _carl, _account, _deal;

        public FormerOwnerApprovalScenarios()
        {
            (_, _fiona, _, _) = _org.CustomDealInQualify();
            _account = _org.Account("Fabrikam");
            _org.Setup.AssignRole(_org.Rep, "CrmCollab Reviewer");
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _org.Rep);
            _org.DedicatedOwner(_account, BusinessFunction.Finance, user: _fiona);
            _carl = _org.Setup.CreateUser("Carl Sales", _org.Sales, "CrmCollab Salesperson");
            _deal = _org.CustomDeal(_account); // the rep's deal, still in Qualify: no review asked yet
        }

        private EntityReference Carl => new EntityReference("systemuser", _carl);

        private Guid DealOwner => _org.System.Retrieve("opportunity", _deal, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id;

        private Entity Logistics => _org.Review(_deal, BusinessFunction.Logistics);

        private string RecordedHistory => _org.System.Retrieve("opportunity", _deal, new ColumnSet(History)).GetAttributeValue<string>(History);

        /// <summary>
        /// Carl, holding the deal, takes it to Develop: its reviews are asked now. Routing passes the rep over for Logistics
        /// (OwnDealReviewRoutingScenarios); the review is then passed on to the rep by hand (an Assign, which routing does not
        /// guard), the one way left for it to reach them: the decision is what must refuse them.
        /// </summary>
        private void CarlAsksTheReviews()
        {
            _org.MoveTo(_deal, SalesStage.Develop, asUser: _carl);
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            Assert.NotEqual(_org.Rep, Logistics.GetAttributeValue<EntityReference>("ownerid").Id);
            _org.System.Execute(new AssignRequest { Target = Logistics.ToEntityReference(), Assignee = new EntityReference("systemuser", _org.Rep) });
            Assert.Equal(_org.Rep, Logistics.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(_carl, _org.System.Retrieve("crmc_feasibilityreview", Logistics.Id, new ColumnSet("crmc_dealowneratrequest"))
                .GetAttributeValue<EntityReference>("crmc_dealowneratrequest").Id);
        }

        /// <summary>The review passed to the rep by hand (routing passes them over): the decision must refuse them as a former
        /// owner, not merely as someone the review is not assigned to.</summary>
        private Entity HandedToRep(Entity review)
        {
            _org.System.Execute(new AssignRequest { Target = review.ToEntityReference(), Assignee = new EntityReference("systemuser", _org.Rep) });
            return _org.System.Retrieve("crmc_feasibilityreview", review.Id, new ColumnSet(true));
        }

        private const string FormerOwnerRefusal = "You, or a team you belong to, have owned this opportunity";

        [Fact]
        public void A_salesperson_who_handed_their_deal_on_before_its_review_was_asked_cannot_approve_it_and_the_colleague_cannot_move_it_on()
        {
            _org.As(_org.Rep).Execute(new AssignRequest { Target = new EntityReference("opportunity", _deal), Assignee = Carl });
            CarlAsksTheReviews();

            string refusal = _org.RefusedNamingNoId(RefusalCodes.ReviewDeciderNotAllowed,
                () => _org.Decide(_org.Rep, Logistics, ReviewDecision.Approved), Touched);
            string move = CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose, asUser: _carl));
            string win = CrmCollabOrg.Refusal(() => _org.Win(_deal, asUser: _carl, drain: false));

            Assert.Equal("You, or a team you belong to, have owned this opportunity (or created it for its owner), so you cannot decide its feasibility review, even though someone else owns it now. " +
                "Pass the review on (Assign) to another reviewer of the function, or ask your CrmCollab administrator to have it decided. " +
                "[CRMC-REVIEW-DECIDER-NOT-ALLOWED]", refusal);
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

        [Theory]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        [InlineData("Upsert")]
        [InlineData("ExecuteMultiple")]
        [InlineData("ExecuteTransaction")]
        public void A_deal_handed_on_by_a_save_of_its_owner_on_any_channel_keeps_its_former_owner_from_deciding_its_reviews(string channel)
        {
            IOrganizationService rep = _org.As(_org.Rep);
            var handOver = new Entity("opportunity", _deal) { ["ownerid"] = Carl };
            switch (channel)
            {
                case "Update": rep.Update(handOver); break;
                case "UpdateMultiple": CrmCollabOrg.InUpdateMultiple(rep, handOver); break;
                case "Upsert": CrmCollabOrg.InUpsert(rep, handOver); break;
                case "ExecuteMultiple": CrmCollabOrg.InExecuteMultiple(rep, new UpdateRequest { Target = handOver }); break;
                default: CrmCollabOrg.InExecuteTransaction(rep, new UpdateRequest { Target = handOver }); break;
            }
            Assert.Equal(_carl, DealOwner);
            CarlAsksTheReviews();

            _org.RefusedNamingNoId(RefusalCodes.ReviewDeciderNotAllowed, () => _org.Decide(_org.Rep, Logistics, ReviewDecision.Approved), Touched);
            Assert.Contains(_org.Rep.ToString("D"), RecordedHistory);
        }

        [Fact]
        public void A_deal_that_moved_with_its_account_to_a_colleague_keeps_its_former_owner_from_deciding_its_reviews()
        {
            // The account is the rep's; the system administrator reassigns it to Carl, and the platform cascades it to its deals.
            _org.System.Execute(new AssignRequest { Target = new EntityReference("account", _account), Assignee = Carl });
            Assert.Equal(_carl, DealOwner);
            CarlAsksTheReviews();

            _org.RefusedNamingNoId(RefusalCodes.ReviewDeciderNotAllowed, () => _org.Decide(_org.Rep, Logistics, ReviewDecision.Approved), Touched);
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose, asUser: _carl))));
        }

        [Fact]
        public void A_salesperson_who_created_the_deal_in_a_colleagues_name_cannot_approve_its_review()
        {
            // CrmCollab's Salesperson role creates deals it owns only (Basic depth); a role of the organisation's own with a
            // deeper Create (here the platform's System Administrator) lets the rep create one in Carl's name.
            _org.Setup.AssignRole(_org.Rep, "System Administrator");
            Guid forCarl = _org.As(_org.Rep).Create(new Entity("opportunity")
            {
                ["name"] = "Retrofit for Carl", ["customerid"] = new EntityReference("account", _account), ["ownerid"] = Carl,
                ["estimatedvalue"] = new Money(80000m), ["crmc_discountpercent"] = 10m, ["crmc_iscustomsolution"] = true,
                ["salesstage"] = new OptionSetValue(SalesStage.Qualify), ["customerneed"] = "Retrofit line 4 with custom tooling",
                ["decisionmaker"] = true, ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(60), ["budgetamount"] = new Money(80000m),
            });
            _org.MoveTo(forCarl, SalesStage.Develop, asUser: _carl);

            Entity review = HandedToRep(_org.Review(forCarl, BusinessFunction.Logistics));
            Assert.StartsWith(FormerOwnerRefusal,
                _org.RefusedNamingNoId(RefusalCodes.ReviewDeciderNotAllowed, () => _org.Decide(_org.Rep, review, ReviewDecision.Approved), Touched));
        }

        [Fact]
        public void A_crmcollab_administrator_who_once_owned_the_deal_may_still_decide_its_review()
        {
            _org.Setup.AssignRole(_org.Rep, "CrmCollab Administrator");
            _org.As(_org.Rep).Execute(new AssignRequest { Target = new EntityReference("opportunity", _deal), Assignee = Carl });
            CarlAsksTheReviews();

            _org.Decide(_org.Rep, Logistics, ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose, asUser: _carl);

            Assert.Equal(SalesStage.Propose, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void A_deal_never_handed_on_has_no_owner_history_and_its_other_reviewers_decide_as_before()
        {
            _org.MoveTo(_deal, SalesStage.Develop);
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);

            Assert.Null(RecordedHistory);
            Assert.Equal(ReviewDecision.Approved, (ReviewDecision)_org.Review(_deal, BusinessFunction.Finance).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }

        [Fact]
        public void Who_has_owned_the_deal_is_recorded_by_crmcollab_and_no_client_sets_or_clears_it()
        {
            _org.As(_org.Rep).Execute(new AssignRequest { Target = new EntityReference("opportunity", _deal), Assignee = Carl });
            IOrganizationService carl = _org.As(_carl), admin = _org.As(_org.Admin);
            Entity Cleared() => new Entity("opportunity", _deal) { [History] = null };
            Entity Forged(Guid? id = null) => new Entity("opportunity", id ?? Guid.Empty)
            {
                ["name"] = "Forged deal", ["customerid"] = new EntityReference("account", _account), [History] = _carl.ToString("D"),
            };

            string cleared = _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => carl.Update(Cleared()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => admin.Update(Cleared()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => CrmCollabOrg.InUpdateMultiple(carl, Cleared()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => CrmCollabOrg.InExecuteMultiple(carl, new UpdateRequest { Target = Cleared() }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => CrmCollabOrg.InUpsert(carl, Cleared()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => admin.Create(Forged()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => CrmCollabOrg.InUpsert(admin, Forged(Guid.NewGuid())), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ServerOwnedColumn, () => admin.Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity> { Forged() }) { EntityName = "opportunity" },
            }), Touched);

            Assert.Equal("'Owner History' is recorded by CrmCollab each time the deal changes owner; it cannot be set or cleared. " +
                "Remove it from the change and save again. [CRMC-SERVER-OWNED-COLUMN]", cleared);
            Assert.Equal(new[] { _org.Rep, _carl }, DealOwnerHistory.Parse(RecordedHistory));
        }

        /// <summary>
        /// A deal a desk team owned before it was handed to a colleague: a member of the desk who is also the account's
        /// logistics contact never owned it in their own name, yet their team did. The history records the team, and its
        /// members do not decide the deal's reviews nor have their approval counted.
        /// </summary>
        [Fact]
        public void A_member_of_a_team_that_owned_the_deal_before_a_colleague_got_it_cannot_approve_its_review_and_the_colleague_cannot_move_it_on()
        {
            Guid desk = _org.Setup.CreateTeam("Key accounts desk", _org.Sales, Emulator.Security.TeamType.Owner, "CrmCollab Salesperson");
            Guid lena = _org.Setup.CreateUser("Lena Logistics", _org.Sales, "CrmCollab Reviewer");
            _org.Setup.AddMembers(desk, lena);
            Guid northwind = _org.Account("Northwind");
            _org.DedicatedOwner(northwind, BusinessFunction.Logistics, user: lena);
            _org.DedicatedOwner(northwind, BusinessFunction.Finance, user: _fiona);
            Guid deal = _org.CustomDeal(northwind);
            foreach (EntityReference owner in new[] { new EntityReference("team", desk), Carl })
                _org.System.Execute(new AssignRequest { Target = new EntityReference("opportunity", deal), Assignee = owner });
            _org.MoveTo(deal, SalesStage.Develop, asUser: _carl);
            _org.Decide(_fiona, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
            Entity logistics = _org.Review(deal, BusinessFunction.Logistics);
            Assert.Equal(lena, logistics.GetAttributeValue<EntityReference>("ownerid").Id);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.ReviewDeciderNotAllowed,
                () => _org.Decide(lena, logistics, ReviewDecision.Approved), Touched);
            // An approval Lena made anyway (the history set aside while she decides, as a deal recorded before the upgrade):
            // once the history is back, the gate does not count it.
            string history = _org.System.Retrieve("opportunity", deal, new ColumnSet(History)).GetAttributeValue<string>(History);
            _org.System.Update(new Entity("opportunity", deal) { [History] = null });
            _org.Decide(lena, logistics, ReviewDecision.Approved);
            _org.System.Update(new Entity("opportunity", deal) { [History] = history });
            string move = CrmCollabOrg.Refusal(() => _org.MoveTo(deal, SalesStage.Propose, asUser: _carl));

            Assert.Contains(desk.ToString("D"), history);
            Assert.StartsWith("You, or a team you belong to, have owned this opportunity", refusal);
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(move));
            Assert.Contains("Logistics", move);
        }

        /// <summary>
        /// The salesperson moves their deal into the stage that asks its reviews and gives it to a colleague in the same save
        /// (the form's Owner field, or one PATCH): the reviews name the colleague as owner at request, yet the deal was theirs.
        /// </summary>
        [Fact]
        public void A_salesperson_who_hands_the_deal_on_in_the_save_that_asks_its_reviews_cannot_approve_them()
        {
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal)
            {
                ["salesstage"] = new OptionSetValue(SalesStage.Develop), ["ownerid"] = Carl,
            });

            Entity review = HandedToRep(Logistics);
            Assert.StartsWith(FormerOwnerRefusal,
                _org.RefusedNamingNoId(RefusalCodes.ReviewDeciderNotAllowed, () => _org.Decide(_org.Rep, review, ReviewDecision.Approved), Touched));
            Assert.Equal(_carl, DealOwner);
        }

        /// <summary>
        /// The salesperson hands their deal on after its reviews were asked; the delivery date changes, so Logistics is asked
        /// again while the colleague owns the deal, and the new review names the colleague: the salesperson still decides none.
        /// </summary>
        [Fact]
        public void A_salesperson_who_handed_the_deal_on_cannot_approve_a_review_asked_again_after_a_change_of_terms()
        {
            _org.MoveTo(_deal, SalesStage.Develop);
            _org.Decide(_org.Admin, Logistics, ReviewDecision.Approved);
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.As(_org.Rep).Execute(new AssignRequest { Target = new EntityReference("opportunity", _deal), Assignee = Carl });
            _org.As(_carl).Update(new Entity("opportunity", _deal) { ["crmc_requesteddelivery"] = new DateTime(2027, 3, 1) }); // re-opens Logistics
            Entity asked = Logistics;
            Assert.Equal(_carl, _org.System.Retrieve("crmc_feasibilityreview", asked.Id, new ColumnSet("crmc_dealowneratrequest"))
                .GetAttributeValue<EntityReference>("crmc_dealowneratrequest").Id);

            Entity handed = HandedToRep(asked);
            Assert.StartsWith(FormerOwnerRefusal,
                _org.RefusedNamingNoId(RefusalCodes.ReviewDeciderNotAllowed, () => _org.Decide(_org.Rep, handed, ReviewDecision.Approved), Touched));
            _org.Decide(_org.Admin, handed, ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose, asUser: _carl);
        }
    }
}
