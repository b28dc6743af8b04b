using System;
using System.Linq;
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
    /// Quinn, a Logistics reviewer, keeps the unrouted desk. Fiona, Contoso's Finance reviewer, is on leave when a custom
    /// deal reaches Develop, so its Finance review waits at the desk; Northwind's delivery, which nobody plans for, waits
    /// there too. Then the administrator gives the desk's queue to Eve. What waits in the queue is hers now: Quinn, no longer
    /// the desk's keeper, can no longer clear the deal's Finance gate, and Fiona's return still brings her the review.
    /// Before, the work stayed with Quinn, out of Eve's sight; he could approve the Finance review (it no longer counted as
    /// waiting at the desk), and Fiona's return left it with him.
    /// </summary>
    public class DeskKeeperChangeScenarios
    {
        private readonly DeskOrg _desk = new DeskOrg();
        private readonly CrmCollabOrg _org;
        private readonly Guid _quinn, _eve, _fiona, _queue, _deal, _wonDeal;

        public DeskKeeperChangeScenarios()
        {
            _org = _desk.Org;
            (_quinn, _eve, _fiona, _queue, _deal, _wonDeal) = (_desk.Quinn, _desk.Eve, _desk.Fiona, _desk.Desk, _desk.Deal, _desk.WonDeal);
        }

        private Entity FinanceReview() => _desk.FinanceReview();

        private Entity Delivery() => _desk.Delivery();

        private static Guid Owner(Entity row) => DeskOrg.Owner(row);

        private void GiveTheDeskToEve() =>
            _org.System.Execute(new AssignRequest { Target = new EntityReference("queue", _queue), Assignee = new EntityReference("systemuser", _eve) });

        private int WaitingInTheDesk(Guid record)
        {
            var query = new QueryExpression("queueitem") { ColumnSet = new ColumnSet("objectid") };
            query.Criteria.AddCondition("queueid", ConditionOperator.Equal, _queue);
            query.Criteria.AddCondition("objectid", ConditionOperator.Equal, record);
            return _org.System.RetrieveMultiple(query).Entities.Count;
        }

        [Fact]
        public void The_work_waiting_at_the_desk_goes_to_its_new_keeper_and_stays_in_the_queue()
        {
            GiveTheDeskToEve();

            Entity review = FinanceReview();
            Assert.Equal(_eve, Owner(review));
            Assert.StartsWith($"Held {_org.Engine.Clock.UtcNow:yyyy-MM-dd} by the user Eve Dispatch, to whom the queue 'CrmCollab Unrouted' it waits in was given",
                review.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Equal((int)RoutingHold.MovedBecauseOwnerDisabled, review.GetAttributeValue<OptionSetValue>("crmc_routinghold")?.Value);
            Assert.Equal(_eve, Owner(Delivery()));
            Assert.Equal(1, WaitingInTheDesk(review.Id));
            Assert.Equal(1, WaitingInTheDesk(Delivery().Id));
        }

        [Fact]
        public void The_former_keeper_cannot_approve_the_finance_review_nor_can_the_new_one_who_reviews_only_logistics()
        {
            GiveTheDeskToEve();

            Entity review = FinanceReview();
            _org.Refused(RefusalCodes.ReviewDeciderNotAllowed, () => _org.Decide(_quinn, review, ReviewDecision.Approved), "crmc_feasibilityreview", "opportunity");
            string refusal = _org.Refused(RefusalCodes.ReviewDeciderNotAllowed,
                () => _org.Decide(_eve, review, ReviewDecision.Approved), "crmc_feasibilityreview", "opportunity");
            Assert.Contains("waits at the unrouted desk for a Finance reviewer", refusal);
            Assert.Equal((int)ReviewDecision.Pending, FinanceReview().GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }

        [Fact]
        public void The_finance_reviewer_back_from_leave_still_receives_the_review()
        {
            GiveTheDeskToEve();

            _org.Setup.EnableUser(_fiona);
            _org.Engine.DrainAsync();

            Assert.Equal(_fiona, Owner(FinanceReview()));
        }

        [Fact]
        public void Saving_the_queue_with_another_owner_hands_over_the_same_work()
        {
            _org.System.Update(new Entity("queue", _queue) { ["ownerid"] = new EntityReference("systemuser", _eve) });

            Assert.Equal(_eve, Owner(FinanceReview()));
            Assert.Equal(_eve, Owner(Delivery()));
        }

        [Theory]
        [InlineData("Upsert")]
        [InlineData("ExecuteMultiple")]
        [InlineData("ExecuteTransaction")]
        public void The_queue_saved_with_another_owner_by_an_integration_hands_over_the_same_work(string channel)
        {
            var save = new Entity("queue", _queue) { ["ownerid"] = new EntityReference("systemuser", _eve) };
            if (channel == "Upsert") _org.System.Execute(new UpsertRequest { Target = save });
            else if (channel == "ExecuteMultiple")
                _org.System.Execute(new ExecuteMultipleRequest
                {
                    Requests = new OrganizationRequestCollection { new UpdateRequest { Target = save } },
                    Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = false },
                });
            else _org.System.Execute(new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection { new UpdateRequest { Target = save } } });
            _org.Engine.DrainAsync();

            Assert.Equal(_eve, Owner(FinanceReview()));
            Assert.Equal(_eve, Owner(Delivery()));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void Work_the_keeper_passed_on_or_closed_stays_where_it_is()
        {
            Guid frank = _org.User("Frank Finance", "CrmCollab Reviewer");
            _org.DedicatedOwner(_org.Account("Litware"), BusinessFunction.Finance, user: frank);
            _org.As(_quinn).Execute(new AssignRequest
                { Target = FinanceReview().ToEntityReference(), Assignee = new EntityReference("systemuser", frank) });
            // Not needed after all: canceled by the CrmCollab Administrator, with the reason.
            _org.As(_org.Admin).Update(new Entity("task", Delivery().Id)
            {
                ["crmc_cancelreason"] = "The customer collects", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });

            GiveTheDeskToEve();

            Assert.Equal(frank, Owner(FinanceReview()));
            Assert.Equal(_quinn, Owner(Delivery()));
        }

        [Fact]
        public void A_queue_nothing_routes_to_keeps_what_its_former_owner_held_in_it()
        {
            Guid other = _org.System.Create(new Entity("queue") { ["name"] = "Quinn's own", ["ownerid"] = new EntityReference("systemuser", _quinn) });
            _org.System.Create(new Entity("queueitem")
                { ["queueid"] = new EntityReference("queue", other), ["objectid"] = FinanceReview().ToEntityReference() });

            _org.System.Execute(new AssignRequest { Target = new EntityReference("queue", other), Assignee = new EntityReference("systemuser", _eve) });

            Assert.Equal(_quinn, Owner(FinanceReview()));
        }

        [Fact]
        public void The_desks_keeper_left_the_queue_given_to_eve_brings_her_what_he_was_left_with_until_the_reviewer_returns()
        {
            _org.Setup.DisableUser(_quinn);
            _org.Engine.DrainAsync();
            Assert.Equal((int)RoutingHold.LeftWithDisabledOwner, FinanceReview().GetAttributeValue<OptionSetValue>("crmc_routinghold")?.Value);

            GiveTheDeskToEve();
            Entity review = FinanceReview();
            Assert.Equal(_eve, Owner(review));
            Assert.Equal((int)RoutingHold.MovedBecauseOwnerDisabled, review.GetAttributeValue<OptionSetValue>("crmc_routinghold")?.Value);

            _org.Setup.EnableUser(_fiona);
            _org.Engine.DrainAsync();
            Assert.Equal(_fiona, Owner(FinanceReview()));
        }

        [Fact]
        public void A_delivery_won_while_the_desks_keeper_was_on_leave_waits_with_its_salesperson_until_the_desk_is_given_to_eve()
        {
            _org.Setup.DisableUser(_quinn);
            _org.Engine.DrainAsync();
            Guid later = _org.Deal(_org.Account("Northwind"));
            _org.Win(later);
            Assert.Equal(_org.Rep, Owner(_org.HandoffOf(later, BusinessFunction.Logistics)));

            GiveTheDeskToEve();
            _org.Engine.DrainAsync();

            Entity delivery = _org.HandoffOf(later, BusinessFunction.Logistics);
            Assert.Equal(_eve, Owner(delivery));
            Assert.Equal(1, WaitingInTheDesk(delivery.Id));
        }

        [Fact]
        public void The_desk_given_to_the_salesperson_of_the_deal_does_not_give_him_its_review_but_the_delivery_yes()
        {
            _org.System.Execute(new AssignRequest { Target = new EntityReference("queue", _queue), Assignee = new EntityReference("systemuser", _org.Rep) });

            Entity review = FinanceReview();
            Assert.NotEqual(_org.Rep, Owner(review));
            Assert.NotEqual(_quinn, Owner(review)); // held by CrmCollab, as routing passes the deal's own salesperson over
            Assert.Equal(0, WaitingInTheDesk(review.Id));
            Assert.StartsWith($"Re-routed {_org.Engine.Clock.UtcNow:yyyy-MM-dd}: the queue it waited in was given to someone who owns or has owned its deal",
                review.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Equal((int)RoutingHold.MovedBecauseOwnerDisabled, review.GetAttributeValue<OptionSetValue>("crmc_routinghold")?.Value);
            Assert.Equal(_org.Rep, Owner(Delivery()));

            _org.Setup.EnableUser(_fiona);
            _org.Engine.DrainAsync();
            Assert.Equal(_fiona, Owner(FinanceReview()));
        }

        [Fact]
        public void A_finance_review_the_keeper_took_out_of_the_desks_queue_goes_with_the_desk_all_the_same()
        {
            var item = new QueryExpression("queueitem") { ColumnSet = new ColumnSet(false) };
            item.Criteria.AddCondition("objectid", ConditionOperator.Equal, FinanceReview().Id);
            _org.As(_quinn).Execute(new OrganizationRequest("RemoveFromQueue") { ["QueueItemId"] = _org.System.RetrieveMultiple(item).Entities.Single().Id });
            Assert.Equal(_quinn, Owner(FinanceReview()));
            Assert.Equal(0, WaitingInTheDesk(FinanceReview().Id));

            GiveTheDeskToEve();

            Entity review = FinanceReview();
            Assert.Equal(_eve, Owner(review)); // routed again: its reviewer is still on leave, so to the desk, in its queue
            Assert.Equal(1, WaitingInTheDesk(review.Id));
            _org.Refused(RefusalCodes.ReviewDeciderNotAllowed, () => _org.Decide(_quinn, review, ReviewDecision.Approved), "crmc_feasibilityreview", "opportunity");
        }

        [Fact]
        public void A_logistics_review_the_keeper_holds_as_a_logistics_reviewer_stays_his()
        {
            Guid account = _org.Account("Fabrikam");
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: _quinn);
            _org.FeasibilityRule("Custom above 50k: logistics", BusinessFunction.Logistics, "crmc_requesteddelivery");
            Guid deal = _org.CustomDeal(account);
            _org.MoveTo(deal, SalesStage.Develop);
            Assert.Equal(_quinn, Owner(_org.Review(deal, BusinessFunction.Logistics)));

            GiveTheDeskToEve();

            Assert.Equal(_quinn, Owner(_org.Review(deal, BusinessFunction.Logistics)));
        }

        [Fact]
        public void A_desk_with_more_reviews_waiting_than_one_transaction_takes_is_given_on_and_its_new_keeper_receives_every_one()
        {
            Guid contoso = _org.Row("opportunity", _deal, "customerid").GetAttributeValue<EntityReference>("customerid").Id;
            var deals = Enumerable.Range(0, QueueKeeperChange.MaxInTransaction + 20).Select(i => _org.CustomDeal(contoso)).ToList();
            foreach (Guid deal in deals) _org.MoveTo(deal, SalesStage.Develop);
            deals.Add(_deal); // the review the desk held already
            _org.Engine.DrainAsync();
            Func<int> withEve = () => deals.Count(deal => Owner(_org.Review(deal, BusinessFunction.Finance)) == _eve);
            Assert.Equal(0, withEve());

            _org.System.Update(new Entity("queue", _queue) { ["ownerid"] = new EntityReference("systemuser", _eve) });
            // The change's own transaction hands over what one step can within the two minutes it has ...
            Assert.Equal(QueueKeeperChange.MaxInTransaction, withEve());
            _org.Engine.DrainAsync();

            // ... and the queue's background step the rest, right after.
            Assert.Equal(deals.Count, withEve());
            Assert.Equal(_eve, Owner(Delivery()));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
