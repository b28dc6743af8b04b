using System;
using System.ServiceModel;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A flow started by the win tells the downstream teams their work is there, but CrmCollab makes a won deal's handoffs
    /// in the background a few moments after the win: the flow asks the Get Handoff Status action bound to the deal until
    /// it says complete.
    /// </summary>
    public class HandoffStatusApiScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _deal;

        public HandoffStatusApiScenarios()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            Guid contoso = _org.Account("Contoso");
            _org.DedicatedOwner(contoso, BusinessFunction.Adv, user: alice);
            _org.Engine.DrainAsync();
            _deal = _org.Deal(contoso);
        }

        private ParameterCollection Ask(Guid? user = null, Guid? deal = null) =>
            _org.As(user ?? _org.Rep).Execute(new OrganizationRequest(HandoffStatusApi.ApiName)
                { ["Target"] = new EntityReference("opportunity", deal ?? _deal) }).Results;

        [Fact]
        public void Right_after_the_win_the_handoffs_are_missing_and_once_the_background_job_ran_they_are_complete()
        {
            Assert.Equal(false, Ask()[HandoffStatusApi.IsWon]);

            _org.Win(_deal, drain: false);
            ParameterCollection early = Ask();
            Assert.Equal(true, early[HandoffStatusApi.IsWon]);
            Assert.Equal(false, early[HandoffStatusApi.IsComplete]);
            Assert.Equal(2, early[HandoffStatusApi.MissingCount]);
            Assert.Contains("'Draw up the contract'", (string)early[HandoffStatusApi.Missing]);

            _org.Engine.DrainAsync();
            ParameterCollection later = Ask();
            Assert.Equal(true, later[HandoffStatusApi.IsComplete]);
            Assert.Equal(0, later[HandoffStatusApi.MissingCount]);
            Assert.Equal("", later[HandoffStatusApi.Missing]);
        }

        [Fact]
        public void A_template_added_after_the_win_is_not_asked_of_the_won_deal_by_the_action_nor_by_the_workflow_step()
        {
            _org.Win(_deal);
            _org.Engine.Clock.Advance(TimeSpan.FromDays(30));
            _org.Template("Check the installation", BusinessFunction.Logistics, 20, 30); // new work, for the sales won from now on

            ParameterCollection answer = Ask();
            int created = _org.RunHandoffStep(_deal, _org.Rep);

            // Before, both named 'Check the installation' missing on every deal won before it was made, which nothing could hand off.
            Assert.Equal(true, answer[HandoffStatusApi.IsComplete]);
            Assert.Equal(0, answer[HandoffStatusApi.MissingCount]);
            Assert.Equal(0, created); // the step went through (a missing handoff fails it)
            Guid next = _org.Deal(_org.Account("Fabrikam"));
            _org.Win(next);
            Assert.Equal(3, _org.HandoffTasks(next).Entities.Count); // a deal won after it is handed it off
        }

        [Fact]
        public void An_open_deal_is_not_complete()
        {
            ParameterCollection open = Ask();

            Assert.Equal(false, open[HandoffStatusApi.IsComplete]);
            Assert.Equal(0, open[HandoffStatusApi.MissingCount]);
        }

        [Fact]
        public void A_salesperson_of_another_business_unit_is_told_which_roles_may_ask()
        {
            Guid other = _org.User("Olga Sales", "CrmCollab Salesperson", _org.Operations);

            var ex = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Ask(other));

            Assert.Equal(RefusalCodes.CallerRights, Refusal.CodeOf(ex.Detail.Message));
            Assert.StartsWith("Get Handoff Status reads with your rights", ex.Detail.Message);
        }

        [Fact]
        public void A_deleted_deal_is_said_to_be_gone()
        {
            Guid gone = _org.Deal(_org.Account("Fabrikam"));
            _org.System.Delete("opportunity", gone);

            var ex = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Ask(_org.Admin, gone));

            Assert.Equal(RefusalCodes.RecordNotFound, Refusal.CodeOf(ex.Detail.Message));
        }
    }
}
