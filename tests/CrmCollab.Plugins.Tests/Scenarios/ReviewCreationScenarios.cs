using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A salesperson cannot clear their own deal by creating its reviews already approved, and nobody can create one
    /// inactive, out of its reviewer's sight, for the deal to wait on. A review made by hand is recorded as CrmCollab's
    /// own request would be, so a later change of the terms it approved re-opens it.
    /// </summary>
    public class ReviewCreationScenarios
    {
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _fiona, _deal;

        public ReviewCreationScenarios()
        {
            (_, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
        }

        private Entity Review(ReviewDecision decision, Guid? id = null)
        {
            var review = new Entity("crmc_feasibilityreview", id ?? Guid.Empty)
            {
                ["crmc_name"] = "Finance review",
                ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
                ["crmc_decision"] = new OptionSetValue((int)decision),
                ["ownerid"] = new EntityReference("systemuser", _fiona),
            };
            return review;
        }

        [Fact]
        public void A_review_created_already_decided_is_refused_on_every_path_and_the_deal_stays_blocked()
        {
            IOrganizationService rep = _org.As(_org.Rep);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.ReviewCreatedDecided, () => rep.Create(Review(ReviewDecision.Approved)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewCreatedDecided, () => CrmCollabOrg.InExecuteMultiple(rep, new CreateRequest
            {
                Target = Review(ReviewDecision.ApprovedWithConditions),
            }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewCreatedDecided, () => CrmCollabOrg.InExecuteTransaction(_org.As(_org.Admin), new CreateRequest
            {
                Target = Review(ReviewDecision.Rejected),
            }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewCreatedDecided, () => CrmCollabOrg.InUpsert(rep, Review(ReviewDecision.Approved, Guid.NewGuid())), Touched);

            Assert.Equal("A feasibility review is created Pending and decided afterwards by its reviewer. Leave its decision empty or Pending; " +
                "CrmCollab requests the reviews a deal needs when the deal is saved. [CRMC-REVIEW-CREATED-DECIDED]", refusal);
            Assert.Equal((int)ReviewDecision.Pending, _org.Review(_deal, BusinessFunction.Finance).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.NotEqual((int)FeasibilityStatus.Cleared, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
        }

        [Fact]
        public void A_review_created_inactive_is_refused_on_every_path_even_for_an_administrator()
        {
            Entity Inactive(Guid? id = null)
            {
                Entity review = Review(ReviewDecision.Pending, id);
                review["statecode"] = new OptionSetValue(1);
                return review;
            }
            IOrganizationService admin = _org.As(_org.Admin);
            int reviewsBefore = _org.Reviews(_deal).Entities.Count;

            string refusal = _org.RefusedNamingNoId(RefusalCodes.ReviewCreatedInactive, () => admin.Create(Inactive()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewCreatedInactive, () => CrmCollabOrg.InExecuteMultiple(admin, new CreateRequest { Target = Inactive() }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewCreatedInactive, () => CrmCollabOrg.InExecuteTransaction(admin, new CreateRequest { Target = Inactive() }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewCreatedInactive, () => CrmCollabOrg.InUpsert(admin, Inactive(Guid.NewGuid())), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewCreatedInactive, () => admin.Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity> { Review(ReviewDecision.Pending), Inactive() }) { EntityName = "crmc_feasibilityreview" },
            }), Touched);

            Assert.Equal("A feasibility review is created active, in its reviewer's queue: an inactive one would be hidden from the reviewer " +
                "while the deal still waits for it. Leave its status empty or Active. [CRMC-REVIEW-CREATED-INACTIVE]", refusal);
            Assert.Equal(reviewsBefore, _org.Reviews(_deal).Entities.Count);
            // Decided and inactive at once: the decision is named first (fixed order of checks).
            Entity both = Inactive();
            both["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved);
            _org.RefusedNamingNoId(RefusalCodes.ReviewCreatedDecided, () => admin.Create(both), Touched);
        }

        [Fact]
        public void A_review_created_with_the_columns_CrmCollab_records_is_refused_on_every_path_even_for_an_administrator()
        {
            Entity Forged(Guid? id = null)
            {
                Entity review = Review(ReviewDecision.Pending, id);
                review["crmc_relevantcolumns"] = "description"; // watching a column nobody changes: never re-opened
                review["crmc_termsfingerprint"] = "description=\n";
                return review;
            }
            IOrganizationService admin = _org.As(_org.Admin);
            int reviewsBefore = _org.Reviews(_deal).Entities.Count;

            string refusal = _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => admin.Create(Forged()), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => CrmCollabOrg.InExecuteMultiple(admin, new CreateRequest { Target = Forged() }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => CrmCollabOrg.InExecuteTransaction(admin, new CreateRequest { Target = Forged() }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => CrmCollabOrg.InUpsert(admin, Forged(Guid.NewGuid())), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => admin.Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity> { Review(ReviewDecision.Pending), Forged() }) { EntityName = "crmc_feasibilityreview" },
            }), Touched);
            Entity stamped = Review(ReviewDecision.Pending);
            stamped["crmc_decidedby"] = new EntityReference("systemuser", _fiona);
            stamped["crmc_duedate"] = CrmCollabOrg.Start.AddYears(1);
            string stamps = _org.RefusedNamingNoId(RefusalCodes.ReviewServerColumn, () => admin.Create(stamped), Touched);

            Assert.Equal("These columns of a feasibility review are recorded by CrmCollab when the review is requested or decided, and cannot be " +
                "set by hand: Relevant columns, Terms fingerprint. Leave them empty: CrmCollab records them from the feasibility rules when the " +
                "review is saved. [CRMC-REVIEW-SERVER-COLUMN]", refusal);
            Assert.Contains("cannot be set by hand: Due date, Decided by.", stamps);
            Assert.Equal(reviewsBefore, _org.Reviews(_deal).Entities.Count);
        }

        [Fact]
        public void A_review_created_without_its_deal_or_function_is_refused_though_the_api_does_not_require_them()
        {
            IOrganizationService admin = _org.As(_org.Admin);
            Entity noFunction = Review(ReviewDecision.Pending);
            noFunction.Attributes.Remove("crmc_function");
            Entity noDeal = Review(ReviewDecision.Pending);
            noDeal.Attributes.Remove("crmc_opportunityid");

            string refusal = _org.RefusedNamingNoId(RefusalCodes.ReviewCreatedIncomplete, () => admin.Create(noFunction), Touched);
            _org.RefusedNamingNoId(RefusalCodes.ReviewCreatedIncomplete, () => CrmCollabOrg.InExecuteMultiple(admin, new CreateRequest { Target = noDeal }), Touched);

            Assert.Equal("A feasibility review is about one opportunity and asks one function. Choose both (Opportunity, Function), then save " +
                "again. [CRMC-REVIEW-CREATED-INCOMPLETE]", refusal);
        }

        [Fact]
        public void A_review_made_by_hand_on_a_won_or_lost_deal_is_refused_since_nobody_could_decide_it()
        {
            var org = new CrmCollabOrg();
            Guid account = org.Account("Fabrikam");
            Guid won = org.Deal(account, "Spare parts", amount: 12000m), lost = org.Deal(account, "Second line", amount: 15000m);
            org.Win(won);
            org.Lose(lost);
            Entity ByHand(Guid deal, Guid? id = null) => new Entity("crmc_feasibilityreview", id ?? Guid.Empty)
            {
                ["crmc_name"] = "Finance review asked late",
                ["crmc_opportunityid"] = new EntityReference("opportunity", deal),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
            };
            string[] touched = { "crmc_feasibilityreview", "opportunity", "task" };

            string onWon = org.RefusedNamingNoId(RefusalCodes.ReviewDealClosed, () => org.As(org.Admin).Create(ByHand(won)), touched);
            org.RefusedNamingNoId(RefusalCodes.ReviewDealClosed, () => CrmCollabOrg.InExecuteMultiple(org.As(org.Admin), new CreateRequest { Target = ByHand(won) }), touched);
            org.RefusedNamingNoId(RefusalCodes.ReviewDealClosed, () => CrmCollabOrg.InUpsert(org.As(org.Admin), ByHand(won, Guid.NewGuid())), touched);
            string onLost = org.RefusedNamingNoId(RefusalCodes.ReviewDealClosed, () => org.As(org.Admin).Create(ByHand(lost)), touched);
            org.RefusedNamingNoId(RefusalCodes.ReviewDealClosed, () => CrmCollabOrg.InExecuteTransaction(org.As(org.Admin), new CreateRequest { Target = ByHand(lost) }), touched);
            org.RefusedNamingNoId(RefusalCodes.ReviewDealClosed, () => org.As(org.Admin).Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity> { ByHand(lost) }) { EntityName = "crmc_feasibilityreview" },
            }), touched);

            Assert.StartsWith("This opportunity is won: its feasibility was settled before the win", onWon);
            Assert.StartsWith("This opportunity is lost: nobody decides the reviews of a lost deal.", onLost);
            Assert.Empty(org.Reviews(won).Entities);
            Assert.Empty(org.Reviews(lost).Entities);
        }

        /// <summary>
        /// A review made by hand is given to its owner as a hand-over would give it: to someone who reviews for its
        /// function, unless a CrmCollab Administrator makes it. An import run by a System Administrator (who is no
        /// CrmCollab Administrator) creating the deal's Finance review in Lena's name — she reviews for Logistics — or in
        /// its own name is refused on every path; otherwise Lena's (or the import user's) approval cleared the Finance gate,
        /// which an Assign to her is refused.
        /// </summary>
        [Fact]
        public void A_finance_review_made_by_hand_for_the_logistics_reviewer_or_the_importer_is_refused_so_nobody_outside_finance_clears_it()
        {
            var org = new CrmCollabOrg();
            (Guid lena, Guid fiona, _, Guid deal) = org.CustomDealAwaitingReviews();
            Guid sid = org.User("Sid Sysadmin", "System Administrator");
            IOrganizationService import = org.As(sid);
            Entity ForLena(Guid? id = null) => new Entity("crmc_feasibilityreview", id ?? Guid.Empty)
            {
                ["crmc_name"] = "Finance review (imported)",
                ["crmc_opportunityid"] = new EntityReference("opportunity", deal),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
                ["ownerid"] = new EntityReference("systemuser", lena),
            };
            Entity OwnedByTheImport()
            {
                Entity review = ForLena();
                review.Attributes.Remove("ownerid");
                return review;
            }
            string[] touched = { "crmc_feasibilityreview", "opportunity", "queueitem" };

            string refusal = org.RefusedNamingNoId(RefusalCodes.ReviewHandOverNotAllowed, () => import.Create(ForLena()), touched);
            org.RefusedNamingNoId(RefusalCodes.ReviewHandOverNotAllowed, () => import.Create(OwnedByTheImport()), touched);
            org.RefusedNamingNoId(RefusalCodes.ReviewHandOverNotAllowed, () => CrmCollabOrg.InExecuteMultiple(import, new CreateRequest { Target = ForLena() }), touched);
            org.RefusedNamingNoId(RefusalCodes.ReviewHandOverNotAllowed, () => CrmCollabOrg.InExecuteTransaction(import, new CreateRequest { Target = ForLena() }), touched);
            org.RefusedNamingNoId(RefusalCodes.ReviewHandOverNotAllowed, () => CrmCollabOrg.InUpsert(import, ForLena(Guid.NewGuid())), touched);
            org.RefusedNamingNoId(RefusalCodes.ReviewHandOverNotAllowed, () => import.Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity> { ForLena() }) { EntityName = "crmc_feasibilityreview" },
            }), touched);
            Assert.StartsWith("A Finance review is made only for someone who reviews for Finance", refusal);

            // Made for Fiona, who reviews for Finance, it is taken; a CrmCollab Administrator may still give one to anyone.
            Entity forFiona = ForLena();
            forFiona["ownerid"] = new EntityReference("systemuser", fiona);
            import.Create(forFiona);
            org.As(org.Admin).Create(ForLena());
            org.Decide(lena, org.Review(deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            // Lena's hand-made Finance review waits for Lena: no move.
            Assert.Equal(RefusalCodes.GateNotCleared, Plugins.Domain.Refusal.CodeOf(CrmCollabOrg.Refusal(() => org.MoveTo(deal, SalesStage.Propose))));
        }

        [Fact]
        public void A_finance_review_made_by_hand_watches_the_finance_terms_so_a_discount_change_after_its_approval_reopens_it()
        {
            var org = new CrmCollabOrg();
            (_, Guid fiona, _, Guid deal) = org.CustomDealInQualify(financeSlaHours: 24); // CrmCollab has requested nothing yet

            Guid byHand = org.As(org.Admin).Create(new Entity("crmc_feasibilityreview")
            {
                ["crmc_name"] = "Finance review asked early",
                ["crmc_opportunityid"] = new EntityReference("opportunity", deal),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
                ["ownerid"] = new EntityReference("systemuser", fiona),
            });

            Entity recorded = org.System.Retrieve("crmc_feasibilityreview", byHand, new ColumnSet(
                "crmc_relevantcolumns", "crmc_gatestage", "crmc_duedate", "crmc_routingpath", "createdon"));
            Assert.Equal("crmc_discountpercent,estimatedvalue", recorded.GetAttributeValue<string>("crmc_relevantcolumns"));
            Assert.Equal(SalesStage.Propose, recorded.GetAttributeValue<OptionSetValue>("crmc_gatestage").Value);
            TimeSpan sla = recorded.GetAttributeValue<DateTime>("crmc_duedate") - recorded.GetAttributeValue<DateTime>("createdon");
            Assert.InRange(sla.TotalHours, 23.99, 24.01); // the finance rule's SLA from the creation
            Assert.Equal(HandMadeReview.RoutingPath, recorded.GetAttributeValue<string>("crmc_routingpath"));

            org.MoveTo(deal, SalesStage.Develop); // CrmCollab asks logistics; finance already has its current review
            Assert.Single(org.Reviews(deal).Entities, r => r.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)BusinessFunction.Finance);
            org.Decide(fiona, org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);

            org.As(org.Rep).Update(new Entity("opportunity", deal) { ["crmc_discountpercent"] = 18m });

            Assert.Equal((int)ReviewDecision.Invalidated,
                org.System.Retrieve("crmc_feasibilityreview", byHand, new ColumnSet("crmc_decision")).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Equal((int)ReviewDecision.Pending, org.Review(deal, BusinessFunction.Finance).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }

        [Theory]
        [InlineData("Create")]
        [InlineData("CreateMultiple")]
        [InlineData("ExecuteTransaction")]
        public void A_review_made_by_hand_on_a_cleared_deal_shows_the_deal_waiting_for_it(string channel)
        {
            _org.ApproveBothReviews(_org.Review(_deal, BusinessFunction.Logistics).GetAttributeValue<EntityReference>("ownerid").Id, _fiona, _deal);
            Assert.Equal((int)FeasibilityStatus.Cleared, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
            Entity second = Review(ReviewDecision.Pending);
            second.Attributes.Remove("crmc_decision");
            IOrganizationService admin = _org.As(_org.Admin);

            if (channel == "CreateMultiple")
                admin.Execute(new CreateMultipleRequest { Targets = new EntityCollection(new List<Entity> { second }) { EntityName = "crmc_feasibilityreview" } });
            else if (channel == "ExecuteTransaction") CrmCollabOrg.InExecuteTransaction(admin, new CreateRequest { Target = second });
            else admin.Create(second);

            // The gate waits for Fiona's new word, and so does what the salesperson reads on the deal.
            Entity deal = _org.DealState(_deal);
            Assert.Equal((int)FeasibilityStatus.Pending, deal.GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
            Assert.StartsWith("Waiting on: Finance pending (Fiona Finance), due ", deal.GetAttributeValue<string>("crmc_feasibilitysummary"));
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose))));
        }

        [Fact]
        public void A_review_made_by_hand_by_mistake_and_deleted_gives_the_deal_back_its_cleared_status_but_a_missing_one_never_reads_cleared()
        {
            _org.ApproveBothReviews(_org.Review(_deal, BusinessFunction.Logistics).GetAttributeValue<EntityReference>("ownerid").Id, _fiona, _deal);
            Entity second = Review(ReviewDecision.Pending);
            second.Attributes.Remove("crmc_decision");
            IOrganizationService admin = _org.As(_org.Admin);
            Guid mistake = admin.Create(second);

            admin.Delete("crmc_feasibilityreview", mistake);

            // Fiona's approval is Finance's word again, at the gate and on the deal.
            Assert.Equal((int)FeasibilityStatus.Cleared, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
            _org.MoveTo(_deal, SalesStage.Propose);

            // A deal whose only Finance review is deleted still waits for Finance: it never reads Cleared for it.
            Guid other = _org.CustomDeal(_org.Account("Fabrikam"));
            _org.DedicatedOwner(_org.Account("Fabrikam2"), BusinessFunction.Finance, user: _fiona);
            _org.MoveTo(other, SalesStage.Develop);
            _org.Decide(_org.Review(other, BusinessFunction.Logistics).GetAttributeValue<EntityReference>("ownerid").Id,
                _org.Review(other, BusinessFunction.Logistics), ReviewDecision.Approved);
            admin.Delete("crmc_feasibilityreview", _org.Review(other, BusinessFunction.Finance).Id);
            Assert.Equal((int)FeasibilityStatus.Pending, _org.DealState(other).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
        }

        [Fact]
        public void A_review_imported_for_a_deal_deleted_since_is_refused_with_a_sentence_the_importer_can_act_on()
        {
            Guid gone = _org.CustomDeal(_org.Account("Fabrikam"));
            _org.System.Delete("opportunity", gone); // deleted by whoever may, after the import file was made
            Entity review = Review(ReviewDecision.Pending);
            review["crmc_opportunityid"] = new EntityReference("opportunity", gone);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.ReviewCreatedIncomplete, () => _org.As(_org.Admin).Create(review), Touched);

            Assert.Equal("The opportunity this feasibility review names does not exist (it may have been deleted). Choose an existing opportunity, " +
                "then save again. [CRMC-REVIEW-CREATED-INCOMPLETE]", refusal);
        }

        [Fact]
        public void A_review_imported_for_an_owner_who_does_not_exist_is_refused_by_the_platform_not_with_a_crmcollab_fault()
        {
            Entity review = Review(ReviewDecision.Pending);
            review.Attributes.Remove("crmc_decision");
            review["ownerid"] = new EntityReference("systemuser", Guid.NewGuid());

            string refusal = CrmCollabOrg.Refusal(() => _org.As(_org.Admin).Create(review));

            Assert.DoesNotContain("CRMC-PLATFORM-FAULT", refusal);
            Assert.Contains("Does Not Exist", refusal); // the platform's own word on the missing user
        }
    }
}
