using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A product line moved from one deal to another changes the products of both: the deal it leaves and the deal it
    /// joins each get their products review re-opened, whatever channel moved it; reviews that do not watch the
    /// products stay approved.
    /// </summary>
    public class LineMoveScenarios
    {
        private readonly CrmCollabOrg _org;
        private readonly Guid _lena, _fiona, _account, _leaving, _joining, _line;

        public LineMoveScenarios() : this(new CrmCollabOrg()) { }

        private LineMoveScenarios(CrmCollabOrg org)
        {
            _org = org;
            Guid account;
            (_lena, _fiona, account, _leaving) = _org.CustomDealAwaitingReviews();
            _account = account;
            _joining = _org.CustomDeal(account);
            _org.MoveTo(_joining, SalesStage.Develop);
            _line = _org.System.Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", _leaving), ["isproductoverridden"] = true,
                ["productdescription"] = "Extra spindle", ["quantity"] = 1m, ["priceperunit"] = new Money(100m),
            });
            foreach (Guid deal in new[] { _leaving, _joining })
            {
                _org.Decide(_lena, _org.Review(deal, BusinessFunction.Logistics), ReviewDecision.Approved);
                _org.Decide(_fiona, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
            }
        }

        private int Latest(Guid deal, BusinessFunction function) =>
            _org.Review(deal, function).GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        private int Status(Guid deal) => _org.DealState(deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value;

        private Entity Move() => Move(_line, _joining);

        private static Entity Move(Guid line, Guid deal) => new Entity("opportunityproduct", line) { ["opportunityid"] = new EntityReference("opportunity", deal) };

        private static void Send(IOrganizationService service, string channel, Entity target)
        {
            if (channel == "Update") service.Update(target);
            else if (channel == "ExecuteMultiple") CrmCollabOrg.InExecuteMultiple(service, new UpdateRequest { Target = target });
            else CrmCollabOrg.InUpsert(service, target);
        }

        [Theory]
        [InlineData("Update")]
        [InlineData("ExecuteMultiple")]
        [InlineData("Upsert")]
        public void Moving_a_line_reopens_the_products_review_of_both_deals_and_keeps_finance_approved(string channel)
        {
            Assert.All(new[] { _leaving, _joining }, deal => Assert.Equal((int)FeasibilityStatus.Cleared, Status(deal)));

            Send(_org.System, channel, Move());

            foreach (Guid deal in new[] { _leaving, _joining })
            {
                Assert.Equal((int)ReviewDecision.Pending, Latest(deal, BusinessFunction.Logistics));
                Assert.Contains(_org.Reviews(deal).Entities, r => r.GetAttributeValue<OptionSetValue>("crmc_decision").Value == (int)ReviewDecision.Invalidated);
                Assert.Equal((int)ReviewDecision.Approved, Latest(deal, BusinessFunction.Finance));
                Assert.Equal((int)FeasibilityStatus.Pending, Status(deal));
                string refusal = CrmCollabOrg.Refusal(() => _org.MoveTo(deal, SalesStage.Propose));
                Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(refusal));
                Assert.Contains("Logistics", refusal);
            }
        }

        [Theory]
        [InlineData("off", "Update")]
        [InlineData("off", "ExecuteMultiple")]
        [InlineData("off", "Upsert")]
        [InlineData("onto", "Update")]
        [InlineData("onto", "ExecuteMultiple")]
        [InlineData("onto", "Upsert")]
        public void A_line_cannot_be_moved_off_or_onto_a_won_deal(string direction, string channel)
        {
            Guid openLine = _org.System.Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", _joining), ["isproductoverridden"] = true,
                ["productdescription"] = "Spare belt", ["quantity"] = 2m, ["priceperunit"] = new Money(40m),
            });
            _org.Decide(_lena, _org.Review(_joining, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.MoveTo(_leaving, SalesStage.Propose);
            _org.Win(_leaving, drain: false);

            // As an integration (SYSTEM) would: no privilege question, only the rule; nothing moves, no review re-opens.
            Entity move = direction == "off" ? Move(_line, _joining) : Move(openLine, _leaving);
            string message = _org.Refused(RefusalCodes.ProductsLocked, () => Send(_org.System, channel, move), TableSnapshot.DealTables);
            Assert.Contains("stay as they were won", message);
        }

        [Fact]
        public void A_step_inside_a_line_move_cannot_invalidate_the_reviews_of_a_deal_the_line_never_belonged_to()
        {
            var org = new LineMoveScenarios(new CrmCollabOrg((solution, options) =>
                InvalidateAnotherDealsReviews.Register(solution, options, "Update", "opportunityproduct", StepStage.PreOperation, "opportunityid")));
            Guid untouched = org._org.CustomDeal(org._account);
            org._org.System.Update(new Entity("opportunity", untouched) { ["name"] = InvalidateAnotherDealsReviews.DealName });
            org._org.MoveTo(untouched, SalesStage.Develop);
            org._org.Decide(org._lena, org._org.Review(untouched, BusinessFunction.Logistics), ReviewDecision.Approved);
            org._org.Decide(org._fiona, org._org.Review(untouched, BusinessFunction.Finance), ReviewDecision.Approved);

            org._org.Refused(RefusalCodes.ReviewDecisionIncomplete, () => org._org.System.Update(org.Move()), TableSnapshot.DealTables);

            Assert.All(org._org.Reviews(untouched).Entities, r => Assert.Equal((int)ReviewDecision.Approved, r.GetAttributeValue<OptionSetValue>("crmc_decision").Value));
        }

        [Fact]
        public void A_line_saved_with_the_deal_it_already_belongs_to_reopens_nothing()
        {
            // As an integration re-sending the line's lookup unchanged would.
            _org.System.Update(new Entity("opportunityproduct", _line) { ["opportunityid"] = new EntityReference("opportunity", _leaving) });
            CrmCollabOrg.InExecuteMultiple(_org.System, new UpdateRequest { Target = new Entity("opportunityproduct", _line) { ["opportunityid"] = new EntityReference("opportunity", _leaving) } });

            foreach (Guid deal in new[] { _leaving, _joining })
                Assert.All(_org.Reviews(deal).Entities, r => Assert.Equal((int)ReviewDecision.Approved, r.GetAttributeValue<OptionSetValue>("crmc_decision").Value));
            _org.MoveTo(_leaving, SalesStage.Propose);
        }
    }
}
