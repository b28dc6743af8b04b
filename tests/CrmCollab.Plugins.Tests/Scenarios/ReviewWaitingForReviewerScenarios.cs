using System;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Lena reviews Contoso's logistics, with no backup; she is on leave when a custom deal reaches Develop. Nobody else can
    /// be found, so the review waits unrouted — with CrmCollab, or at the unrouted desk where one is set up — and when she
    /// comes back it goes to her, as a handoff waiting for its owner does. Before, it stayed where it waited: with
    /// CrmCollab nobody could decide it and the deal stayed blocked at the gate until an administrator re-saved her row.
    /// </summary>
    public class ReviewWaitingForReviewerScenarios
    {
        private const string Hold = "crmc_routinghold";
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private static Guid OwnerOf(Entity row) => row.GetAttributeValue<EntityReference>("ownerid").Id;

        private static int? HoldOf(Entity row) => row.GetAttributeValue<OptionSetValue>(Hold)?.Value;

        private Entity LogisticsReview(Guid deal) =>
            _org.Row("crmc_feasibilityreview", _org.Review(deal, BusinessFunction.Logistics).Id, "ownerid", "crmc_routingpath", Hold);

        private void Disable(Guid user)
        {
            _org.Setup.DisableUser(user);
            _org.Engine.DrainAsync();
        }

        private void Enable(Guid user)
        {
            _org.Setup.EnableUser(user);
            _org.Engine.DrainAsync();
        }

        private Guid Desk(Guid keeper) =>
            _org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted", ["ownerid"] = new EntityReference("systemuser", keeper) });

        [Fact]
        public void A_review_asked_while_its_reviewer_is_on_leave_goes_to_her_when_she_comes_back()
        {
            (Guid lena, Guid _, Guid _, Guid deal) = _org.CustomDealInQualify();
            Disable(lena);
            _org.MoveTo(deal, SalesStage.Develop);
            _org.Engine.DrainAsync();
            Entity waiting = LogisticsReview(deal);
            Assert.NotEqual(lena, OwnerOf(waiting)); // held by CrmCollab: nobody else can be found
            Assert.Equal((int)RoutingHold.MovedBecauseOwnerDisabled, HoldOf(waiting));

            Enable(lena);

            Entity back = LogisticsReview(deal);
            Assert.Equal(lena, OwnerOf(back));
            Assert.Null(HoldOf(back));
            Assert.Contains("enabled again", back.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_review_waiting_at_the_unrouted_desk_for_its_reviewer_leaves_the_desk_when_she_comes_back_not_before()
        {
            Guid quinn = _org.User("Quinn Dispatch", "CrmCollab Logistics");
            Guid desk = Desk(quinn);
            (Guid lena, Guid _, Guid _, Guid deal) = _org.CustomDealInQualify();
            Disable(lena);
            _org.MoveTo(deal, SalesStage.Develop);
            _org.Engine.DrainAsync();
            Guid review = LogisticsReview(deal).Id;
            Assert.Equal(quinn, OwnerOf(LogisticsReview(deal)));
            Assert.True(_org.WaitsIn(desk, review));

            // Someone else comes back first: the review still waits for Lena, held so.
            Guid nina = _org.User("Nina New", "CrmCollab Salesperson", _org.Sales);
            Disable(nina);
            Enable(nina);
            Entity stillWaiting = LogisticsReview(deal);
            Assert.Equal(quinn, OwnerOf(stillWaiting));
            Assert.Equal((int)RoutingHold.MovedBecauseOwnerDisabled, HoldOf(stillWaiting));

            Enable(lena);

            Entity back = LogisticsReview(deal);
            Assert.Equal(lena, OwnerOf(back));
            Assert.Null(HoldOf(back));
            Assert.False(_org.WaitsIn(desk, review));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_review_her_backup_took_over_when_she_left_stays_with_him_when_she_comes_back()
        {
            (Guid lena, Guid _, Guid account, Guid deal) = _org.CustomDealInQualify();
            Guid leo = _org.User("Leo Logistics", "CrmCollab Reviewer");
            var row = _org.System.RetrieveMultiple(new QueryExpression("crmc_dedicatedowner")
            {
                ColumnSet = new ColumnSet("crmc_function"),
                Criteria = { Conditions = { new ConditionExpression("crmc_accountid", ConditionOperator.Equal, account),
                    new ConditionExpression("crmc_function", ConditionOperator.Equal, (int)BusinessFunction.Logistics) } },
            }).Entities[0];
            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", row.Id) { ["crmc_backupuserid"] = new EntityReference("systemuser", leo) });
            _org.MoveTo(deal, SalesStage.Develop);
            Disable(lena); // her pending review goes to Leo, her backup, who may start on it
            Assert.Equal(leo, OwnerOf(LogisticsReview(deal)));

            Enable(lena);

            Assert.Equal(leo, OwnerOf(LogisticsReview(deal)));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
