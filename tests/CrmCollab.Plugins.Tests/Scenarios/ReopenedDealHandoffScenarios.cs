using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A won deal reopened by a CrmCollab Administrator keeps its handoffs; what happens to them before it is won again.
    /// </summary>
    public class ReopenedDealHandoffScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _manager, _lena, _leo, _fabrikam, _deal;

        public ReopenedDealHandoffScenarios()
        {
            (_manager, _lena, _, _deal) = _org.WonContosoDelivery();
            _leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            _fabrikam = _org.Account("Fabrikam");
            _org.DedicatedOwner(_fabrikam, BusinessFunction.Logistics, user: _leo);
        }

        /// <summary>The salesperson hands the won deal to their manager, a CrmCollab Administrator, who reopens it.</summary>
        private void Reopen() => _org.HandToAndReopen(_deal, _manager);

        [Theory]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        [InlineData("Upsert")]
        public void A_reopened_deal_moved_to_another_account_takes_its_open_handoffs_to_that_accounts_owners(string channel)
        {
            Entity before = _org.HandoffOf(_deal, BusinessFunction.Logistics);
            Assert.Equal(_lena, before.GetAttributeValue<EntityReference>("ownerid").Id);
            Reopen();

            var move = new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", _fabrikam) };
            IOrganizationService manager = _org.As(_manager);
            if (channel == "UpdateMultiple") CrmCollabOrg.InUpdateMultiple(manager, move);
            else if (channel == "Upsert") CrmCollabOrg.InUpsert(manager, move);
            else manager.Update(move);

            // Fabrikam's logistics owner delivers for Fabrikam at once, with a dated routing path...
            Entity moved = _org.Row("task", before.Id, "ownerid", "crmc_routingpath", "crmc_isunrouted");
            Assert.Equal(_leo, moved.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("after the deal moved to another account", moved.GetAttributeValue<string>("crmc_routingpath"));
            Assert.False(moved.GetAttributeValue<bool>("crmc_isunrouted"));

            // ...and winning the deal again (which creates only missing handoffs) leaves it there: one task, Leo's.
            _org.Win(_deal, _manager);
            Entity after = Assert.Single(_org.HandoffTasks(_deal).Entities);
            Assert.Equal(before.Id, after.Id);
            Assert.Equal(_leo, after.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_completed_handoff_stays_with_who_did_it_when_the_reopened_deal_moves_to_another_account()
        {
            Guid task = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            _org.As(_lena).Update(new Entity("task", task)
            {
                ["crmc_trackingnumber"] = "1Z999", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            });
            Reopen();

            _org.As(_manager).Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", _fabrikam) });

            Assert.Equal(_lena, _org.Row("task", task, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
        }
        [Theory]
        [InlineData("Lose")]
        [InlineData("ExecuteTransaction")]
        [InlineData("ExecuteMultiple")]
        public void A_reopened_deal_is_not_lost_while_its_handoffs_are_open_until_an_administrator_cancels_them(string channel)
        {
            Guid task = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            Reopen();
            IOrganizationService manager = _org.As(_manager);
            OrganizationRequest lose = CrmCollabOrg.LoseRequest(_deal);
            Action attempt;
            switch (channel)
            {
                case "ExecuteTransaction": attempt = () => CrmCollabOrg.InExecuteTransaction(manager, lose); break;
                case "ExecuteMultiple": attempt = () => CrmCollabOrg.InExecuteMultiple(manager, lose); break;
                default: attempt = () => manager.Execute(lose); break;
            }

            string message = _org.Refused(RefusalCodes.HandoffsOpenOnLoss, attempt, "opportunity", "opportunityclose", "task");
            Assert.StartsWith("'Line 4 retrofit' was won and 1 of its post-sale handoffs are still open", message);
            CrmCollabOrg.ShowsNoIdOrTypeName(message);

            // The administrator cancels the handoff with the reason Lena reads; then the deal is lost.
            _org.As(_org.Admin).Update(new Entity("task", task)
            {
                ["crmc_cancelreason"] = "The customer cancelled the order", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });
            attempt();
            Assert.Equal(2, _org.Row("opportunity", _deal, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void A_reopened_deal_whose_handoffs_are_done_is_lost_at_once()
        {
            Guid task = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            _org.As(_lena).Update(new Entity("task", task)
            {
                ["crmc_trackingnumber"] = "1Z999", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            });
            Reopen();

            _org.Lose(_deal, _manager);

            Assert.Equal(2, _org.Row("opportunity", _deal, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }
        [Fact]
        public void A_won_deal_saved_with_another_customer_by_an_integration_takes_its_open_handoffs_along()
        {
            // Microsoft says a closed opportunity can't be changed; some integrations report the SDK accepts it all the
            // same. Should it, the deal's open handoffs still go to the new account's people.
            Entity before = _org.HandoffOf(_deal, BusinessFunction.Logistics);

            _org.System.Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", _fabrikam) });

            Assert.Equal(_leo, _org.Row("task", before.Id, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(1, _org.Row("opportunity", _deal, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void A_deal_won_again_after_its_handoffs_were_canceled_and_it_was_lost_gets_that_work_back_due_from_the_new_win()
        {
            Guid task = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            _org.As(_lena).Update(new Entity("task", task) { ["crmc_acceptedon"] = CrmCollabOrg.Start });
            Reopen();
            _org.As(_org.Admin).Update(new Entity("task", task)
            {
                ["crmc_cancelreason"] = "The customer paused the order", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });
            _org.Lose(_deal, _manager);

            // A month later the customer comes back with Fabrikam's plant: the deal is reopened, moved and won again.
            _org.Engine.Clock.Advance(TimeSpan.FromDays(30));
            var deal = new EntityReference("opportunity", _deal);
            _org.As(_manager).Execute(new SetStateRequest { EntityMoniker = deal, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            _org.As(_manager).Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", _fabrikam) });
            _org.Win(_deal, _manager);

            // The same handoff (its key allows no second one) is open again, Fabrikam's, due ten days after this win,
            // without Lena's old acceptance; the reason it was canceled is kept in its routing path.
            Entity again = Assert.Single(_org.HandoffTasks(_deal).Entities);
            Assert.Equal(task, again.Id);
            Entity row = _org.Row("task", task, "statecode", "ownerid", "scheduledend", "crmc_routingpath", "crmc_cancelreason", "crmc_acceptedon");
            Assert.Equal(0, row.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(_leo, row.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(CrmCollabOrg.Start.AddDays(40), row.GetAttributeValue<DateTime>("scheduledend"), TimeSpan.FromMinutes(1)); // ten days after this win
            Assert.Contains("won again", row.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Contains("The customer paused the order", row.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Null(row.GetAttributeValue<string>("crmc_cancelreason"));
            Assert.Null(row.GetAttributeValue<DateTime?>("crmc_acceptedon"));
            Assert.Empty(_org.Engine.AsyncFailures);

            // Leo accepts it as his own and does the work: with its evidence, it completes.
            _org.Engine.Clock.Advance(TimeSpan.FromHours(2));
            _org.As(_leo).Update(new Entity("task", task) { ["crmc_acceptedon"] = CrmCollabOrg.Start });
            DateTime accepted = _org.Row("task", task, "crmc_acceptedon").GetAttributeValue<DateTime>("crmc_acceptedon");
            Assert.InRange(accepted, CrmCollabOrg.Start.AddDays(30).AddHours(2), CrmCollabOrg.Start.AddDays(30).AddHours(2).AddSeconds(1));
            _org.As(_leo).Update(new Entity("task", task)
            {
                ["crmc_trackingnumber"] = "1Z999", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            });
            Assert.Equal(1, _org.Row("task", task, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void A_salesperson_cannot_reopen_a_canceled_handoff_themselves()
        {
            Guid task = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            _org.As(_org.Admin).Update(new Entity("task", task)
            {
                ["crmc_cancelreason"] = "Duplicate order", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });

            _org.Refused(RefusalCodes.HandoffReopenAdminOnly,
                () => _org.As(_lena).Update(new Entity("task", task) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(2) }), "task");
        }

        [Theory]
        [InlineData("Create")]
        [InlineData("ExecuteMultiple")]
        public void A_handoff_an_administrator_canceled_on_the_won_deal_stays_canceled_since_nobody_records_closes_on_the_deal_by_hand(string channel)
        {
            Guid task = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            _org.Engine.Clock.Advance(TimeSpan.FromHours(1));
            _org.As(_org.Admin).Update(new Entity("task", task)
            {
                ["crmc_cancelreason"] = "Delivered by the partner", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });

            // Two close activities logged by hand (the second would pass the first for the deal's loss, and its job would
            // reopen the canceled handoff): the salesperson's and an administrator's are both refused.
            foreach (Guid who in new[] { _org.Rep, _org.Admin })
            {
                _org.Engine.Clock.Advance(TimeSpan.FromDays(1));
                var close = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", _deal), ["subject"] = "Closing note" };
                IOrganizationService service = _org.As(who);
                Action attempt = channel == "ExecuteMultiple"
                    ? () => CrmCollabOrg.InExecuteMultiple(service, new CreateRequest { Target = close })
                    : (Action)(() => service.Create(close));
                string message = _org.Refused(RefusalCodes.CloseHistoryKept, attempt, "opportunityclose", "task");
                Assert.StartsWith("The opportunity 'Line 4 retrofit' has been won", message);
                CrmCollabOrg.ShowsNoIdOrTypeName(message);
                _org.Engine.DrainAsync();
            }

            Assert.Equal(2, _org.Row("task", task, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal("Delivered by the partner", _org.Row("task", task, "crmc_cancelreason").GetAttributeValue<string>("crmc_cancelreason"));
        }

        [Fact]
        public void Nobody_deletes_the_loss_of_a_deal_won_once_so_winning_it_again_still_brings_back_the_canceled_work()
        {
            Guid task = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            Reopen();
            _org.As(_org.Admin).Update(new Entity("task", task)
            {
                ["crmc_cancelreason"] = "The customer paused the order", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });
            _org.Lose(_deal, _manager);
            var closes = new QueryExpression("opportunityclose") { ColumnSet = new ColumnSet("subject") };
            closes.Criteria.AddCondition("opportunityid", ConditionOperator.Equal, _deal);
            Guid loss = _org.System.RetrieveMultiple(closes).Entities.Single(c => c.GetAttributeValue<string>("subject") == "Lost to a competitor").Id;

            // The manager may delete their own activities, but not the deal's loss: the next win reads it.
            _org.Refused(RefusalCodes.CloseHistoryKept, () => _org.As(_manager).Delete("opportunityclose", loss), "opportunityclose", "task");

            // A month later the customer comes back: the deal is reopened and won again.
            _org.Engine.Clock.Advance(TimeSpan.FromDays(30));
            var deal = new EntityReference("opportunity", _deal);
            _org.As(_manager).Execute(new SetStateRequest { EntityMoniker = deal, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            _org.Win(_deal, _manager);

            Assert.Equal(0, _org.Row("task", task, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_lost_deal_handed_back_and_forth_before_it_is_won_again_still_gets_its_canceled_work_back()
        {
            Guid task = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            Reopen();
            _org.As(_org.Admin).Update(new Entity("task", task)
            {
                ["crmc_cancelreason"] = "The customer paused the order", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });
            _org.Lose(_deal, _manager);
            // The lost deal goes back to its salesperson; a month later the customer is back, and the salesperson hands
            // the deal to the manager again (the deal's handoffs follow its owner changes) to reopen and win it.
            var deal = new EntityReference("opportunity", _deal);
            _org.As(_manager).Execute(new AssignRequest { Target = deal, Assignee = new EntityReference("systemuser", _org.Rep) });
            _org.Engine.Clock.Advance(TimeSpan.FromDays(30));
            Reopen();
            _org.Win(_deal, _manager);

            Entity row = _org.Row("task", task, "statecode", "ownerid", "crmc_routingpath");
            Assert.Equal(0, row.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(_lena, row.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("The customer paused the order", row.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
