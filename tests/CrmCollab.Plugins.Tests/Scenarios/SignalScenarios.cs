using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Workflow;
using CrmCollab.Plugins.Activities;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>What ADV, logistics and SAV see in the field reaches the salesperson, as a lead when it is one.</summary>
    public class SignalScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _sally, _account;

        public SignalScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _sally = _org.User("Sally SAV", "CrmCollab SAV");
            _account = _org.Account("Contoso");
        }

        private EntityCollection LeadsOf(Guid account)
        {
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("ownerid", "parentaccountid", "subject") };
            query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, account);
            return _org.System.RetrieveMultiple(query);
        }

        [Fact]
        public void A_lead_signal_creates_exactly_one_lead_owned_by_the_salesperson()
        {
            Guid signal = _org.Signal(_account, SignalKind.Lead, _alice, "They plan a second line next year");

            Entity lead = Assert.Single(LeadsOf(_account).Entities);
            Assert.Equal(_org.Rep, lead.GetAttributeValue<EntityReference>("ownerid").Id);
            Entity row = _org.Row("crmc_fieldsignal", signal, "ownerid", "crmc_leadid", "crmc_raisedby", "crmc_raisedbyfunction", "crmc_duedate");
            Assert.Equal(lead.Id, row.GetAttributeValue<EntityReference>("crmc_leadid").Id);
            Assert.Equal(_org.Rep, row.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(_alice, row.GetAttributeValue<EntityReference>("crmc_raisedby").Id);
            Assert.Equal((int)BusinessFunction.Adv, row.GetAttributeValue<OptionSetValue>("crmc_raisedbyfunction").Value);
            Assert.Equal(CrmCollabOrg.Start.AddDays(2), row.GetAttributeValue<DateTime>("crmc_duedate"), TimeSpan.FromSeconds(1));
        }

        private int? FunctionOf(Guid signal) =>
            _org.Row("crmc_fieldsignal", signal, "crmc_raisedbyfunction").GetAttributeValue<OptionSetValue>("crmc_raisedbyfunction")?.Value;

        [Fact]
        public void A_salesperson_holding_a_role_named_CrmCollab_ADV_that_is_not_the_solutions_does_not_put_their_signals_in_adv_figures()
        {
            Guid sid = _org.User("Sid Sales", "CrmCollab Salesperson", _org.Sales);
            Guid lookAlike = _org.Setup.CreateRole("CrmCollab ADV", _org.Sales);
            _org.System.Associate("systemuser", sid, new Relationship(Emulator.Security.OrganizationSetup.UserRolesRelationship),
                new EntityReferenceCollection { new EntityReference("role", lookAlike) });

            Guid signal = _org.Signal(_account, SignalKind.Expansion, sid, "Their price list leaked");

            Assert.Null(FunctionOf(signal)); // no function role, no dedicated-owner row: credited to no function
        }

        [Fact]
        public void A_logistics_planner_whose_CrmCollab_Logistics_role_comes_from_a_team_is_credited_to_logistics()
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Salesperson", _org.Sales); // may raise signals; her function comes from her team
            Guid planners = _org.Setup.CreateTeam("Planners", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Logistics");
            _org.Setup.AddMembers(planners, lena);

            Guid signal = _org.Signal(_account, SignalKind.Expansion, lena, "A rival quoted two weeks less");

            Assert.Equal((int)BusinessFunction.Logistics, FunctionOf(signal));
        }

        [Fact]
        public void A_churn_risk_flags_the_account_and_every_signal_dates_it()
        {
            _org.Signal(_account, SignalKind.ChurnRisk, _sally, "Their buyer is talking to a competitor");

            Entity account = _org.Row("account", _account, "crmc_churnrisk", "crmc_lastsignalon");
            Assert.True(account.GetAttributeValue<bool>("crmc_churnrisk"));
            Assert.Equal(CrmCollabOrg.Start, account.GetAttributeValue<DateTime>("crmc_lastsignalon"), TimeSpan.FromSeconds(1));
            Assert.Empty(LeadsOf(_account).Entities);
        }

        [Fact]
        public void Only_the_owner_acknowledges_a_signal_at_server_time()
        {
            Guid signal = _org.Signal(_account, SignalKind.Complaint, _sally, "Late deliveries again");
            _org.Engine.Clock.Advance(TimeSpan.FromHours(5));

            Assert.Contains("Only the salesperson", CrmCollabOrg.Refusal(() => _org.As(_sally).Update(new Entity("crmc_fieldsignal", signal)
            {
                ["crmc_acknowledgedon"] = CrmCollabOrg.Start,
            })));
            _org.As(_org.Rep).Update(new Entity("crmc_fieldsignal", signal) { ["crmc_acknowledgedon"] = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc) });

            Assert.Equal(CrmCollabOrg.Start.AddHours(5), _org.Row("crmc_fieldsignal", signal, "crmc_acknowledgedon")
                .GetAttributeValue<DateTime>("crmc_acknowledgedon"), TimeSpan.FromSeconds(1));
        }

        [Fact]
        public void An_incomplete_signal_is_refused()
        {
            Assert.Contains("Name the competitor", CrmCollabOrg.Refusal(() => _org.Signal(_account, SignalKind.CompetitorPresence, _alice)));
            Assert.Contains("Describe what you saw", CrmCollabOrg.Refusal(() => _org.Signal(_account, SignalKind.Lead, _alice, " ")));
        }

        private WorkflowRunResult RaiseThroughAWorkflow(Guid workflowUser, SignalKind kind, string description) =>
            new WorkflowActivityRunner().Run<RaiseFieldSignal>(new Dictionary<string, object>
            {
                ["Account"] = new EntityReference("account", _account),
                ["Kind"] = new OptionSetValue((int)kind),
                ["Description"] = description,
            }, new WorkflowRunContext
            {
                UserId = workflowUser, PrimaryEntity = new EntityReference("account", _account), ServiceFactory = _org.Engine.ServiceFactory,
                UtcNow = _org.Engine.Clock.UtcNow,
            });

        [Fact]
        public void A_signal_raised_by_an_SAV_workflow_reaches_the_salesperson_and_its_lead_stays_theirs()
        {
            // Sally's workflow runs with Sally's rights: once raised, the signal is the salesperson's and she may read
            // neither it nor leads, so the step returns the signal and no lead (before, it failed after raising it).
            var result = RaiseThroughAWorkflow(_sally, SignalKind.Expansion, "Wants the same retrofit on plant 2");

            var signal = (EntityReference)result.Outputs["Signal"];
            Assert.Null(result.Outputs["Lead"]);
            Entity lead = Assert.Single(LeadsOf(_account).Entities);
            Entity row = _org.Row("crmc_fieldsignal", signal.Id, "crmc_raisedby", "ownerid", "crmc_leadid");
            Assert.Equal(_sally, row.GetAttributeValue<EntityReference>("crmc_raisedby").Id);
            Assert.Equal(_org.Rep, row.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(lead.Id, row.GetAttributeValue<EntityReference>("crmc_leadid").Id);
        }

        [Fact]
        public void A_signal_raised_by_the_salespersons_workflow_returns_the_signal_and_its_lead()
        {
            var result = RaiseThroughAWorkflow(_org.Rep, SignalKind.Expansion, "Wants the same retrofit on plant 2");

            var signal = (EntityReference)result.Outputs["Signal"];
            var lead = (EntityReference)result.Outputs["Lead"];
            Assert.Equal(lead.Id, Assert.Single(LeadsOf(_account).Entities).Id);
            Entity row = _org.Row("crmc_fieldsignal", signal.Id, "crmc_raisedby", "ownerid");
            Assert.Equal(_org.Rep, row.GetAttributeValue<EntityReference>("crmc_raisedby").Id);
            Assert.Equal(_org.Rep, row.GetAttributeValue<EntityReference>("ownerid").Id);
        }
    }
}
