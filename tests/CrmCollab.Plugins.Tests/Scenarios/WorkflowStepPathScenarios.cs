using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Workflow;
using CrmCollab.Plugins.Activities;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A workflow step's inputs are whatever the workflow designer wired: any record, any value. Whatever arrives, the
    /// step does what the rules allow and no more, and a refusal says what to change.
    /// </summary>
    public class WorkflowStepPathScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _contoso;

        public WorkflowStepPathScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _contoso = _org.Account("Contoso");
        }

        private WorkflowRunResult Run<T>(Guid user, IDictionary<string, object> inputs, EntityReference primary, int mode = 0)
            where T : System.Activities.Activity, new() =>
            new WorkflowActivityRunner().Run<T>(inputs, new WorkflowRunContext
            {
                UserId = user, PrimaryEntity = primary, ServiceFactory = _org.Engine.ServiceFactory, UtcNow = _org.Engine.Clock.UtcNow,
                WorkflowMode = mode,
            });

        private string Refused<T>(string code, Guid user, IDictionary<string, object> inputs, EntityReference primary, params string[] tables)
            where T : System.Activities.Activity, new()
        {
            string before = _org.Tables(tables);
            var failure = Assert.Throws<InvalidPluginExecutionException>(() => Run<T>(user, inputs, primary));
            Assert.Equal(code, Refusal.CodeOf(failure.Message));
            CrmCollabOrg.ReadsAsASentence(failure.Message);
            CrmCollabOrg.ShowsNoIdOrTypeName(failure.Message);
            Assert.Equal(before, _org.Tables(tables));
            return failure.Message;
        }

        [Fact]
        public void A_signal_of_a_kind_crmcollab_does_not_know_is_refused_and_nothing_is_raised()
        {
            var account = new EntityReference("account", _contoso);
            Refused<RaiseFieldSignal>(RefusalCodes.SignalIncomplete, _alice, new Dictionary<string, object>
            {
                ["Account"] = account, ["Kind"] = new OptionSetValue(999), ["Description"] = "Heard it",
            }, account, "crmc_fieldsignal", "lead", "account");
        }

        [Fact]
        public void A_salespersons_workflow_cannot_raise_a_signal_on_an_account_they_may_not_read()
        {
            Guid plant = _org.System.Create(new Entity("account") { ["name"] = "Plant 2", ["ownerid"] = new EntityReference("systemuser", _alice) });
            var account = new EntityReference("account", plant);
            Refused<RaiseFieldSignal>(RefusalCodes.WorkflowUserRights, _org.Rep, new Dictionary<string, object>
            {
                ["Account"] = account, ["Kind"] = new OptionSetValue((int)SignalKind.Lead), ["Description"] = "They plan a second line",
            }, account, "crmc_fieldsignal", "lead", "account");
        }

        [Fact]
        public void A_workflow_whose_owner_left_says_to_give_it_to_an_active_user_and_raises_nothing()
        {
            // Alice left: her account was disabled, and an automatic workflow she owned still runs as her.
            _org.Setup.DisableUser(_alice);
            var account = new EntityReference("account", _contoso);

            string message = Refused<RaiseFieldSignal>(RefusalCodes.WorkflowUserDisabled, _alice, new Dictionary<string, object>
            {
                ["Account"] = account, ["Kind"] = new OptionSetValue((int)SignalKind.Lead), ["Description"] = "They plan a second line",
            }, account, "crmc_fieldsignal", "lead", "account");

            Assert.Contains("Raise Field Signal", message);
            Assert.Contains("Assign the workflow to an active user", message);
        }

        [Fact]
        public void A_workflow_whose_user_may_not_save_the_deal_requests_no_review()
        {
            var (_, _, _, deal) = _org.CustomDealAwaitingReviews();
            var reference = new EntityReference("opportunity", deal);
            Refused<RequestFeasibilityReviews>(RefusalCodes.WorkflowUserRights, _alice, new Dictionary<string, object> { ["Opportunity"] = reference },
                reference, "crmc_feasibilityreview", "opportunity");
        }

        [Fact]
        public void The_dedicated_owner_step_names_the_backup_of_an_owner_who_left_as_the_win_routes_to()
        {
            Guid bob = _org.User("Bob ADV", "CrmCollab ADV");
            _org.DedicatedOwner(_contoso, BusinessFunction.Adv, user: _alice, backup: bob);
            _org.System.Update(new Entity("systemuser", _alice) { ["isdisabled"] = true });
            var account = new EntityReference("account", _contoso);

            var result = Run<ResolveDedicatedOwner>(_org.Rep, new Dictionary<string, object>
            {
                ["Account"] = account, ["Function"] = new OptionSetValue((int)BusinessFunction.Adv),
            }, account);

            Assert.Equal(bob, ((EntityReference)result.Outputs["OwnerUser"]).Id);
        }

        [Fact]
        public void An_ADV_workflow_can_report_a_competitor_seen_at_the_account_to_the_salesperson()
        {
            // Competitor intel is one of the signals the field raises; the kind needs the competitor, so the step takes it.
            Guid acme = _org.System.Create(new Entity("competitor") { ["name"] = "Acme Packaging" });
            var account = new EntityReference("account", _contoso);

            var result = Run<RaiseFieldSignal>(_alice, new Dictionary<string, object>
            {
                ["Account"] = account, ["Kind"] = new OptionSetValue((int)SignalKind.CompetitorPresence),
                ["Description"] = "Acme demoed a line to the plant manager", ["Competitor"] = new EntityReference("competitor", acme),
            }, account);

            Entity signal = _org.Row("crmc_fieldsignal", ((EntityReference)result.Outputs["Signal"]).Id, "crmc_competitorid", "ownerid", "crmc_raisedby");
            Assert.Equal(acme, signal.GetAttributeValue<EntityReference>("crmc_competitorid").Id);
            Assert.Equal(_org.Rep, signal.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(_alice, signal.GetAttributeValue<EntityReference>("crmc_raisedby").Id);
        }
    }
}
