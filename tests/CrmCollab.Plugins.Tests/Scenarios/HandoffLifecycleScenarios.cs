using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Workflow;
using CrmCollab.Plugins.Activities;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>Handoffs stay unique, follow owner changes, refuse bad set-up, and are reachable from workflows.</summary>
    public class HandoffLifecycleScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _lena, _sally, _account;

        public HandoffLifecycleScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _sally = _org.User("Sally SAV", "CrmCollab SAV");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _org.Template("Onboard to service", BusinessFunction.Sav, 15, 30);
            _account = _org.Account("Contoso");
            _org.DedicatedOwner(_account, BusinessFunction.Adv, user: _alice);
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _lena);
            _org.DedicatedOwner(_account, BusinessFunction.Sav, user: _sally);
        }

        private WorkflowRunResult RunActivity<T>(IDictionary<string, object> inputs, EntityReference primary) where T : System.Activities.Activity, new() =>
            new WorkflowActivityRunner().Run<T>(inputs, new WorkflowRunContext
            {
                UserId = _org.Rep, PrimaryEntity = primary, ServiceFactory = _org.Engine.ServiceFactory, UtcNow = _org.Engine.Clock.UtcNow,
            });

        [Fact]
        public void A_win_creates_exactly_one_task_per_template_even_when_the_handoff_runs_three_times()
        {
            Guid deal = _org.Deal(_account);
            _org.Win(deal);
            var dealRef = new EntityReference("opportunity", deal);

            var second = RunActivity<CreatePostSaleHandoff>(new Dictionary<string, object> { ["Opportunity"] = dealRef }, dealRef);
            RunActivity<CreatePostSaleHandoff>(new Dictionary<string, object> { ["Opportunity"] = dealRef }, dealRef);

            Assert.Equal(3, _org.HandoffTasks(deal).Entities.Count);
            Assert.Equal(0, second.Outputs["TasksCreated"]);
        }

        [Fact]
        public void The_handoff_step_on_a_deal_not_won_says_it_hands_off_only_won_deals()
        {
            Guid deal = _org.As(_org.Rep).Create(new Entity("opportunity") { ["name"] = "Walk-in order" });
            var dealRef = new EntityReference("opportunity", deal);

            var refusal = Assert.Throws<InvalidPluginExecutionException>(() =>
                RunActivity<CreatePostSaleHandoff>(new Dictionary<string, object> { ["Opportunity"] = dealRef }, dealRef));

            Assert.Equal("The opportunity 'Walk-in order' is not won, and CrmCollab creates post-sale handoffs only for a won deal. " +
                "Run the Create Post-Sale Handoff step only on won deals (give the workflow a condition on the deal's status). " +
                "[CRMC-HANDOFF-DEAL-NOT-WON]", refusal.Message);
            Assert.Empty(_org.HandoffTasks(deal).Entities);
        }

        [Fact]
        public void A_workflow_checking_the_handoffs_right_after_the_win_is_told_to_wait_and_finds_them_once_crmcollab_made_them()
        {
            Guid deal = _org.Deal(_account);
            _org.Win(deal, drain: false); // the win is committed; CrmCollab's background step has not run yet
            var dealRef = new EntityReference("opportunity", deal);

            var early = Assert.Throws<InvalidPluginExecutionException>(() =>
                RunActivity<CreatePostSaleHandoff>(new Dictionary<string, object> { ["Opportunity"] = dealRef }, dealRef));
            Assert.Equal(RefusalCodes.HandoffMissing, Refusal.CodeOf(early.Message));
            Assert.Contains("If the deal was won moments ago, run this step again a few minutes after the win", early.Message);

            _org.Engine.DrainAsync(); // a few moments later
            var later = RunActivity<CreatePostSaleHandoff>(new Dictionary<string, object> { ["Opportunity"] = dealRef }, dealRef);
            Assert.Equal(0, (int)later.Outputs["TasksCreated"]);
            Assert.NotEmpty(_org.HandoffTasks(deal).Entities);
        }

        [Fact]
        public void A_missing_handoff_is_named_by_the_workflow_step_and_created_when_the_deal_is_won_again()
        {
            Guid deal = _org.Deal(_account);
            _org.Win(deal);
            Entity lost = _org.HandoffTasks(deal).Entities.Single(t => ((OptionSetValue)t["crmc_function"]).Value == (int)BusinessFunction.Logistics);
            _org.System.Delete("task", lost.Id);
            var dealRef = new EntityReference("opportunity", deal);
            string before = _org.Tables("task", "annotation");

            // The salesperson's workflow runs with the salesperson's rights: a handoff is CrmCollab's to create, so the
            // step names the missing one and who can help, and writes nothing (on real Dataverse the create is refused).
            var refusal = Assert.Throws<InvalidPluginExecutionException>(() =>
                RunActivity<CreatePostSaleHandoff>(new Dictionary<string, object> { ["Opportunity"] = dealRef }, dealRef));

            Assert.Equal(RefusalCodes.HandoffMissing, Refusal.CodeOf(refusal.Message));
            Assert.StartsWith("1 post-sale handoff(s) of the won opportunity 'Line 4 retrofit' are missing, or hidden from the workflow's user: " +
                "Logistics 'Plan the delivery'. ", refusal.Message);
            CrmCollabOrg.ShowsNoIdOrTypeName(refusal.Message);
            Assert.Equal(before, _org.Tables("task", "annotation"));

            // What the sentence says to do: a manager who is a CrmCollab Administrator reopens the deal and wins it again.
            Guid manager = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.As(_org.Rep).Execute(new AssignRequest { Target = dealRef, Assignee = new EntityReference("systemuser", manager) });
            _org.As(manager).Execute(new SetStateRequest { EntityMoniker = dealRef, State = new OptionSetValue(0), Status = new OptionSetValue(1) });
            _org.Win(deal, manager);

            Assert.Equal(3, _org.HandoffTasks(deal).Entities.Count);
            var rerun = RunActivity<CreatePostSaleHandoff>(new Dictionary<string, object> { ["Opportunity"] = dealRef }, dealRef);
            Assert.Equal(0, rerun.Outputs["TasksCreated"]);
            Assert.Equal(0, rerun.Outputs["Unrouted"]);
        }

        [Fact]
        public void A_new_dedicated_owner_takes_over_only_the_open_tasks_of_that_function()
        {
            Guid first = _org.Deal(_account, "First deal");
            Guid second = _org.Deal(_account, "Second deal");
            _org.Win(first);
            _org.Win(second);
            Entity doneLogistics = _org.HandoffTasks(first).Entities.Single(t => ((OptionSetValue)t["crmc_function"]).Value == (int)BusinessFunction.Logistics);
            _org.System.Update(new Entity("task", doneLogistics.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5) });
            Guid marc = _org.User("Marc Logistics", "CrmCollab Logistics");
            Guid current = _org.System.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryByAttribute("crmc_dedicatedowner")
            {
                ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet("crmc_function"), Attributes = { "crmc_function" }, Values = { (int)BusinessFunction.Logistics },
            }).Entities.Single().Id;

            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", current) { ["crmc_userid"] = new EntityReference("systemuser", marc) });
            _org.Engine.DrainAsync();

            Guid OwnerOf(Guid deal, BusinessFunction f) => _org.HandoffTasks(deal).Entities
                .Single(t => ((OptionSetValue)t["crmc_function"]).Value == (int)f).GetAttributeValue<EntityReference>("ownerid").Id;
            Assert.Equal(marc, OwnerOf(second, BusinessFunction.Logistics));
            Assert.Equal(_lena, OwnerOf(first, BusinessFunction.Logistics)); // completed: stays with who did it
            Assert.Equal(_alice, OwnerOf(second, BusinessFunction.Adv));     // other function: untouched
        }

        [Fact]
        public void Bad_dedicated_owner_rows_are_refused_with_a_message_the_admin_can_act_on()
        {
            Guid other = _org.Account("Fabrikam");
            IOrganizationService admin = _org.As(_org.Admin);
            var team = _org.Setup.CreateTeam("Logistics North", _org.Operations, Emulator.Security.TeamType.Owner);

            Assert.Contains("not both", CrmCollabOrg.Refusal(() => _org.DedicatedOwner(other, BusinessFunction.Adv, user: _alice, team: team)));
            Assert.Contains("Set the user or the team", CrmCollabOrg.Refusal(() => _org.DedicatedOwner(other, BusinessFunction.Adv)));
            Assert.Contains("The user Lena Logistics is already this account's Logistics dedicated owner", CrmCollabOrg.Refusal(() => _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _alice)));
            Assert.Contains("not one of CrmCollab's functions", CrmCollabOrg.Refusal(() => admin.Create(new Entity("crmc_dedicatedowner")
            {
                ["crmc_name"] = "Odd", ["crmc_accountid"] = new EntityReference("account", other), ["crmc_function"] = new OptionSetValue(42),
                ["crmc_userid"] = new EntityReference("systemuser", _alice), ["crmc_validfrom"] = CrmCollabOrg.Start,
            })));
            Assert.Contains("Set the user, team or queue", CrmCollabOrg.Refusal(() => admin.Create(new Entity("crmc_routingrule")
            {
                ["crmc_name"] = "No target", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Sav),
            })));
        }

        [Fact]
        public void Only_administrators_edit_dedicated_owners()
        {
            string refusal = CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Create(new Entity("crmc_dedicatedowner")
            {
                ["crmc_name"] = "Me", ["crmc_accountid"] = new EntityReference("account", _account),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Engineering),
                ["crmc_userid"] = new EntityReference("systemuser", _org.Rep), ["crmc_validfrom"] = CrmCollabOrg.Start,
            }));

            Assert.Contains("is missing prvCreatecrmc_DedicatedOwner privilege", refusal);
            // The rep did not become the account's engineering owner: there is none, and the rep's own workflow may not
            // read the routing rules that would answer instead (Dataverse refuses a query without the read privilege).
            Assert.Empty(_org.System.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryByAttribute("crmc_dedicatedowner")
            {
                ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(false), Attributes = { "crmc_function" }, Values = { (int)BusinessFunction.Engineering },
            }).Entities);
            var failure = Assert.ThrowsAny<Exception>(() => RunActivity<ResolveDedicatedOwner>(new Dictionary<string, object>
            {
                ["Account"] = new EntityReference("account", _account),
                ["Function"] = new OptionSetValue((int)BusinessFunction.Engineering),
            }, new EntityReference("account", _account)));
            Assert.Equal(CrmCollab.Plugins.Domain.RefusalCodes.WorkflowUserRights, CrmCollab.Plugins.Domain.Refusal.CodeOf(failure.Message));
        }

        [Fact]
        public void The_resolve_activity_returns_the_owner_and_the_path()
        {
            var result = RunActivity<ResolveDedicatedOwner>(new Dictionary<string, object>
            {
                ["Account"] = new EntityReference("account", _account),
                ["Function"] = new OptionSetValue((int)BusinessFunction.Sav),
            }, new EntityReference("account", _account));

            Assert.Equal(_sally, ((EntityReference)result.Outputs["OwnerUser"]).Id);
            Assert.Null(result.Outputs["OwnerTeam"]);
            Assert.Null(result.Outputs["OwnerQueue"]);
            Assert.Contains("SAV: dedicated owner of account Contoso", (string)result.Outputs["RoutingPath"]);
        }

        [Fact]
        public void Routing_a_win_costs_the_same_bounded_number_of_calls_whatever_the_number_of_rules()
        {
            int CallsToRoute(int rules)
            {
                var org = new CrmCollabOrg();
                Guid desk = org.User("Desk", "CrmCollab Logistics");
                // Sector rules for other industries than the deal's account, plus one default per function.
                for (int i = 0; i < rules - 6; i++) org.Rule($"Rule {i}", (BusinessFunction)(100000000 + i % 6), desk, priority: i, industry: 6 + i % 25);
                for (int f = 0; f < 6; f++) org.Rule($"Default {f}", (BusinessFunction)(100000000 + f), desk);
                org.Template("Contract", BusinessFunction.Adv, 5, 1);
                org.Template("Delivery", BusinessFunction.Logistics, 5, 2);
                org.Template("Service", BusinessFunction.Sav, 5, 3);
                org.Engine.DrainAsync(); // the set-up's own asynchronous steps (a new rule re-routes its function's open work)
                Guid deal = org.Deal(org.Account("Acme", industry: 5));
                org.Win(deal, drain: false);
                using (var scope = org.Engine.Metrics.Scope()) // the asynchronous handoff step alone
                {
                    org.Engine.DrainAsync();
                    Assert.Equal(2, scope.PluginCallsFor("Retrieve"));          // the deal, its account (no parent)
                    Assert.Equal(5, scope.PluginCallsFor("RetrieveMultiple"));  // the deal's latest close, templates, existing handoffs, owners, rules
                    Assert.Equal(3, scope.PluginCallsFor("Create"));            // one task per template
                    // The handoff guard takes each task for CrmCollab's through the SYSTEM service alone, never its parent
                    // context (a client's rows created with a deal are written inside the deal's Create: ServerCall). The
                    // SYSTEM user's id is asked once per organisation (WhoAmI), not once per task.
                    Assert.InRange(scope.PluginCallsFor("WhoAmI"), 0, 1);
                    return scope.PluginCalls - scope.PluginCallsFor("WhoAmI");
                }
            }

            int withFifty = CallsToRoute(50);
            Assert.Equal(10, withFifty); // 2 Retrieve + 5 RetrieveMultiple + 3 Create (and at most one WhoAmI, above)
            Assert.Equal(CallsToRoute(6), withFifty);
        }

        [Fact]
        public void A_second_win_does_not_ask_again_who_the_SYSTEM_user_is()
        {
            var org = new CrmCollabOrg();
            org.Template("Contract", BusinessFunction.Adv, 5, 1);
            Guid account = org.Account("Acme");
            org.Win(org.Deal(account)); // the organisation's SYSTEM user is known from here on (if it was not already)
            Guid second = org.Deal(account, name: "Line 5 retrofit");
            org.Win(second, drain: false);
            using (var scope = org.Engine.Metrics.Scope())
            {
                org.Engine.DrainAsync();
                Assert.Single(org.HandoffTasks(second).Entities);
                Assert.Equal(0, scope.PluginCallsFor("WhoAmI")); // before: one per handoff written, eight in a simulated win
            }
        }
    }
}
