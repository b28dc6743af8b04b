using System;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.TestOrg;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// What happens to a deal's close activities after its Win or Lose, as Microsoft's table references describe it:
    /// the OpportunityClose reference (StateCode: completed, canceled when the opportunity is reactivated; OpportunityId
    /// writable) and the Opportunity reference (Opportunity_OpportunityClose: Assign and Delete cascade).
    /// </summary>
    public class OpportunityCloseLifecycleTests
    {
        private static OrganizationRequest Close(bool win, Guid deal, decimal? revenue = null)
        {
            var close = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", deal), ["subject"] = win ? "Won" : "Lost" };
            if (revenue != null) close["actualrevenue"] = new Money(revenue.Value);
            if (win) return new WinOpportunityRequest { OpportunityClose = close, Status = new OptionSetValue(-1) };
            return new LoseOpportunityRequest { OpportunityClose = close, Status = new OptionSetValue(-1) };
        }

        private static (int State, int Status) StateOf(IOrganizationService svc, string table, Guid id)
        {
            var row = svc.Retrieve(table, id, new ColumnSet("statecode", "statuscode"));
            return (row.GetAttributeValue<OptionSetValue>("statecode").Value, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
        }

        private static Entity[] ClosesOf(IOrganizationService svc, Guid deal)
        {
            var query = new QueryExpression("opportunityclose") { ColumnSet = new ColumnSet("statecode", "statuscode", "opportunityid", "ownerid") };
            query.Criteria.AddCondition("opportunityid", ConditionOperator.Equal, deal);
            return svc.RetrieveMultiple(query).Entities.ToArray();
        }

        [Fact]
        public void A_won_deal_and_its_close_end_completed_with_the_revenue_and_date_of_the_close()
        {
            var svc = new TestOrg().Boot().SystemService;
            var deal = svc.Create(new Entity("opportunity") { ["name"] = "Pumps for Lyon" });

            svc.Execute(Close(true, deal, 1200m));

            Assert.Equal((1, 3), StateOf(svc, "opportunity", deal)); // Won, Won
            var close = Assert.Single(ClosesOf(svc, deal));
            Assert.Equal((1, 2), StateOf(svc, "opportunityclose", close.Id)); // Completed, Completed
            var row = svc.Retrieve("opportunity", deal, new ColumnSet("actualvalue", "actualclosedate"));
            Assert.Equal(1200m, row.GetAttributeValue<Money>("actualvalue").Value);
            Assert.NotNull(row.GetAttributeValue<DateTime?>("actualclosedate"));
        }

        [Fact]
        public void A_deal_won_without_an_actual_revenue_takes_its_estimated_revenue_as_actual()
        {
            // Opportunity reference, ActualValue: "defaults to the Est. Revenue value when an opportunity is won".
            var svc = new TestOrg().Boot().SystemService;
            var deal = svc.Create(new Entity("opportunity") { ["name"] = "Pumps for Lyon", ["estimatedvalue"] = new Money(900m) });

            svc.Execute(Close(true, deal));

            Assert.Equal(900m, svc.Retrieve("opportunity", deal, new ColumnSet("actualvalue")).GetAttributeValue<Money>("actualvalue").Value);
        }

        [Fact]
        public void A_reopened_deal_keeps_its_closes_and_they_become_canceled_whichever_way_it_is_reopened()
        {
            // OpportunityClose reference, StateCode: completed "unless the opportunity is reactivated, which updates them to canceled".
            var svc = new TestOrg().Boot().SystemService;
            var deal = svc.Create(new Entity("opportunity") { ["name"] = "Pumps for Lyon" });
            var other = svc.Create(new Entity("opportunity") { ["name"] = "Valves for Nantes" });
            svc.Execute(Close(true, other));

            svc.Execute(Close(true, deal));
            svc.Execute(new SetStateRequest { EntityMoniker = new EntityReference("opportunity", deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            var afterFirstReopen = Assert.Single(ClosesOf(svc, deal));
            Assert.Equal((2, 3), StateOf(svc, "opportunityclose", afterFirstReopen.Id)); // Canceled, Canceled

            svc.Execute(Close(false, deal));
            svc.Update(new Entity("opportunity", deal) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1) });

            var closes = ClosesOf(svc, deal);
            Assert.Equal(2, closes.Length); // kept, not deleted
            Assert.All(closes, c => Assert.Equal((2, 3), StateOf(svc, "opportunityclose", c.Id)));
            Assert.Equal((1, 2), StateOf(svc, "opportunityclose", Assert.Single(ClosesOf(svc, other)).Id)); // another deal's close untouched
        }

        [Fact]
        public void A_close_can_be_moved_to_another_deal_by_an_update_of_its_opportunity()
        {
            // OpportunityClose reference: OpportunityId is a writable column whose IsValidForUpdate is not false.
            var svc = new TestOrg().Boot().SystemService;
            var deal = svc.Create(new Entity("opportunity") { ["name"] = "Pumps for Lyon" });
            var other = svc.Create(new Entity("opportunity") { ["name"] = "Valves for Nantes" });
            svc.Execute(Close(true, deal));
            var close = Assert.Single(ClosesOf(svc, deal));

            svc.Update(new Entity("opportunityclose", close.Id) { ["opportunityid"] = new EntityReference("opportunity", other) });

            Assert.Empty(ClosesOf(svc, deal));
            Assert.Equal(close.Id, Assert.Single(ClosesOf(svc, other)).Id);
        }

        [Fact]
        public void Assigning_a_won_deal_gives_its_close_activities_to_the_new_owner()
        {
            // Opportunity reference, Opportunity_OpportunityClose: Assign Cascade.
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var seller = AddUser(engine, "seller");
            var colleague = AddUser(engine, "colleague");
            var deal = svc.Create(new Entity("opportunity") { ["name"] = "Pumps for Lyon", ["ownerid"] = new EntityReference("systemuser", seller) });
            svc.Execute(Close(true, deal));

            svc.Execute(new AssignRequest { Target = new EntityReference("opportunity", deal), Assignee = new EntityReference("systemuser", colleague) });

            Assert.Equal(colleague, Assert.Single(ClosesOf(svc, deal)).GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Fact]
        public void Deleting_a_deal_deletes_its_close_activities()
        {
            // Opportunity reference, Opportunity_OpportunityClose: Delete Cascade.
            var engine = new TestOrg().Boot();
            var svc = engine.SystemService;
            var deal = svc.Create(new Entity("opportunity") { ["name"] = "Pumps for Lyon" });
            svc.Execute(Close(false, deal));

            svc.Delete("opportunity", deal);

            Assert.Equal(0, Count(engine, "opportunityclose"));
        }
    }
}
