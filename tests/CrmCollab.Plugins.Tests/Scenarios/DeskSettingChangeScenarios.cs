using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Quinn, a Logistics reviewer, keeps the unrouted desk ("CrmCollab Unrouted", the setting's default). Fiona, Contoso's
    /// Finance reviewer, is on leave when a custom deal reaches Develop, so its Finance review waits at the desk; Northwind's
    /// delivery, which nobody plans for, waits there too. Then the system administrator points the Unrouted Handoffs Queue
    /// setting at Eve's "Back office" queue. What waited at Quinn's desk goes to the new desk, routed again as work nobody
    /// is routed to would be now. Before, it stayed with Quinn: no longer the desk's keeper, he could approve the Finance
    /// review (it no longer counted as at the desk), and Fiona's return left it with him.
    /// </summary>
    public class DeskSettingChangeScenarios
    {
        private readonly DeskOrg _deskOrg = new DeskOrg();
        private readonly CrmCollabOrg _org;
        private readonly Guid _quinn, _eve, _fiona, _sysadmin, _desk, _backOffice;

        public DeskSettingChangeScenarios()
        {
            _org = _deskOrg.Org;
            (_quinn, _eve, _fiona, _desk) = (_deskOrg.Quinn, _deskOrg.Eve, _deskOrg.Fiona, _deskOrg.Desk);
            _sysadmin = _org.User("Sid Sysadmin", "System Administrator");
            _backOffice = _org.System.Create(new Entity("queue") { ["name"] = "Back office", ["ownerid"] = new EntityReference("systemuser", _eve) });
        }

        private Entity FinanceReview() => _deskOrg.FinanceReview();

        private Entity Delivery() => _deskOrg.Delivery();

        private static Guid Owner(Entity row) => DeskOrg.Owner(row);

        private Guid[] QueuesOf(Guid record) => _deskOrg.QueuesOf(record);

        private void PointTheSettingAt(string desk)
        {
            _org.SetVariable("crmc_UnroutedQueue", desk, _sysadmin);
            _org.Engine.DrainAsync();
        }

        private Entity Definition() => _org.System.RetrieveMultiple(new QueryByAttribute("environmentvariabledefinition")
            { ColumnSet = new ColumnSet(false), Attributes = { "schemaname" }, Values = { "crmc_UnroutedQueue" } }).Entities.Single();

        [Fact]
        public void The_work_waiting_at_the_former_desk_goes_to_the_new_one()
        {
            PointTheSettingAt("Back office");

            Entity review = FinanceReview();
            Assert.Equal(_eve, Owner(review));
            Assert.Equal(new[] { _backOffice }, QueuesOf(review.Id));
            Assert.StartsWith($"Re-routed {_org.Engine.Clock.UtcNow:yyyy-MM-dd} after the Unrouted Handoffs Queue setting changed desk", review.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Equal((int)RoutingHold.MovedBecauseOwnerDisabled, review.GetAttributeValue<OptionSetValue>("crmc_routinghold")?.Value);
            Entity delivery = Delivery();
            Assert.Equal(_eve, Owner(delivery));
            Assert.Equal(new[] { _backOffice }, QueuesOf(delivery.Id));
            Assert.True(delivery.GetAttributeValue<bool>("crmc_isunrouted"));
        }

        [Fact]
        public void The_former_keeper_cannot_approve_the_finance_review_and_its_reviewer_back_from_leave_receives_it()
        {
            PointTheSettingAt("Back office");

            _org.Refused(RefusalCodes.ReviewDeciderNotAllowed, () => _org.Decide(_quinn, FinanceReview(), ReviewDecision.Approved), "crmc_feasibilityreview", "opportunity");
            _org.Setup.EnableUser(_fiona);
            _org.Engine.DrainAsync();

            Assert.Equal(_fiona, Owner(FinanceReview()));
        }

        [Fact]
        public void With_no_desk_any_more_the_default_emptied_the_review_waits_with_crmcollab_and_the_delivery_with_the_deals_owner()
        {
            _org.As(_sysadmin).Update(new Entity("environmentvariabledefinition", Definition().Id) { ["defaultvalue"] = "" });
            _org.Engine.DrainAsync();

            Entity review = FinanceReview();
            Assert.NotEqual(_quinn, Owner(review));
            Assert.Empty(QueuesOf(review.Id));
            _org.Refused(RefusalCodes.ReviewDeciderNotAllowed, () => _org.Decide(_quinn, review, ReviewDecision.Approved), "crmc_feasibilityreview", "opportunity");
            Entity delivery = Delivery();
            Assert.Equal(_org.Rep, Owner(delivery));
            Assert.Empty(QueuesOf(delivery.Id));
        }

        [Fact]
        public void The_value_deleted_brings_the_work_back_to_the_desk_the_default_names()
        {
            PointTheSettingAt("Back office");
            Entity value = _org.System.RetrieveMultiple(new QueryByAttribute("environmentvariablevalue")
                { ColumnSet = new ColumnSet(false), Attributes = { "schemaname" }, Values = { "crmc_UnroutedQueue" } }).Entities.Single();

            _org.As(_sysadmin).Delete("environmentvariablevalue", value.Id);
            _org.Engine.DrainAsync();

            Assert.Equal(_quinn, Owner(FinanceReview()));
            Assert.Equal(new[] { _desk }, QueuesOf(FinanceReview().Id));
            Assert.Equal(_quinn, Owner(Delivery()));
        }

        [Fact]
        public void The_default_changed_while_no_value_is_set_moves_the_work_too()
        {
            _org.As(_sysadmin).Update(new Entity("environmentvariabledefinition", Definition().Id) { ["defaultvalue"] = "Back office" });
            _org.Engine.DrainAsync();

            Assert.Equal(_eve, Owner(FinanceReview()));
            Assert.Equal(_eve, Owner(Delivery()));
        }

        [Fact]
        public void Work_the_keeper_passed_on_stays_with_who_has_it()
        {
            Guid frank = _org.User("Frank Finance", "CrmCollab Reviewer");
            _org.DedicatedOwner(_org.Account("Litware"), BusinessFunction.Finance, user: frank);
            _org.As(_quinn).Execute(new AssignRequest { Target = FinanceReview().ToEntityReference(), Assignee = new EntityReference("systemuser", frank) });

            PointTheSettingAt("Back office");

            Assert.Equal(frank, Owner(FinanceReview()));
            Assert.Equal(_eve, Owner(Delivery()));
        }

        [Fact]
        public void A_team_as_the_new_desk_holds_the_work_and_handing_the_desk_back_to_a_queue_takes_it_from_the_team()
        {
            Guid dispatch = _org.Setup.CreateTeam("Dispatch", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Logistics");
            _org.Setup.AddMembers(dispatch, _eve);

            PointTheSettingAt("Dispatch");
            Assert.Equal(dispatch, Owner(FinanceReview()));
            Assert.Equal(dispatch, Owner(Delivery()));
            Assert.Empty(QueuesOf(Delivery().Id));

            PointTheSettingAt("Back office");
            Assert.Equal(_eve, Owner(FinanceReview()));
            Assert.Equal(_eve, Owner(Delivery()));
        }

        [Fact]
        public void Work_waiting_unrouted_with_the_deals_owner_goes_to_the_desk_the_setting_names_again()
        {
            _org.As(_sysadmin).Update(new Entity("environmentvariabledefinition", Definition().Id) { ["defaultvalue"] = "" });
            _org.Engine.DrainAsync();
            Assert.Equal(_org.Rep, Owner(Delivery())); // no desk: the salesperson holds it, flagged unrouted

            PointTheSettingAt("Back office");

            Assert.Equal(_eve, Owner(Delivery()));
            Assert.Equal(new[] { _backOffice }, QueuesOf(Delivery().Id));
            Assert.Equal(_eve, Owner(FinanceReview()));
        }

        [Fact]
        public void Work_left_unrouted_while_the_desks_keeper_was_on_leave_goes_to_the_desk_the_setting_now_names()
        {
            _org.Setup.DisableUser(_quinn);
            _org.Engine.DrainAsync();

            PointTheSettingAt("Back office");

            Assert.Equal(_eve, Owner(FinanceReview()));
            Assert.Equal(_eve, Owner(Delivery()));
        }

        [Fact]
        public void More_finance_reviews_waiting_at_the_former_desk_than_one_background_run_takes_all_go_to_the_new_one_share_by_share()
        {
            Guid contoso = _org.Row("opportunity", _deskOrg.Deal, "customerid").GetAttributeValue<EntityReference>("customerid").Id;
            var deals = Enumerable.Range(0, DeskChange.MaxRecordsPerRun + 20).Select(i => _org.CustomDeal(contoso)).ToList();
            foreach (Guid deal in deals) _org.MoveTo(deal, SalesStage.Develop);
            _org.Engine.DrainAsync();
            Assert.All(deals, deal => Assert.Equal(_quinn, Owner(_org.Review(deal, BusinessFunction.Finance))));

            PointTheSettingAt("Back office");

            // Each share's run still knew the desk the setting named before: these reviews are found only as waiting there.
            Assert.All(deals.Append(_deskOrg.Deal), deal => Assert.Equal(_eve, Owner(_org.Review(deal, BusinessFunction.Finance))));
            Assert.Equal(_eve, Owner(Delivery()));
            var carriers = new QueryExpression("account") { ColumnSet = new ColumnSet("crmc_reroutingbatch") };
            carriers.Criteria.AddCondition("crmc_reroutingbatch", ConditionOperator.NotNull);
            Assert.NotNull(DeskShare.Read(Assert.Single(_org.System.RetrieveMultiple(carriers).Entities).GetAttributeValue<string>("crmc_reroutingbatch")));
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
