using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A salesperson cannot clear their own deal by creating its reviews already approved, and nobody can create one
    /// inactive, out of its reviewer's sight, for the deal to wait on.
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
    }
}
