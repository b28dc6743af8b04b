using System;
using CrmCollab.Emulator.Security;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A routing rule hands its reviews and handoffs to its user or team inside the salesperson's own save of the deal,
    /// so an administrator cannot set up (or bring back) a rule whose target could not own them: the salesperson's moves
    /// keep working, and the administrator is told what to fix.
    /// </summary>
    public class RoutingRuleTargetScenarios
    {
        private static readonly string[] RuleTables = { "crmc_routingrule" };
        private readonly CrmCollabOrg _org;

        public RoutingRuleTargetScenarios() : this(new CrmCollabOrg()) { }

        private RoutingRuleTargetScenarios(CrmCollabOrg org)
        {
            _org = org;
        }

        /// <param name="priority">Two rules in force for the same accounts never share a priority (CRMC-ROUTING-RULE-TIED).</param>
        private static Entity FinanceRule(string name, Guid? user = null, Guid? team = null, Guid? queue = null, int priority = 1)
        {
            var rule = new Entity("crmc_routingrule")
            {
                ["crmc_name"] = name, ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
                ["crmc_priority"] = priority, ["crmc_isactive"] = true,
            };
            if (user.HasValue) rule["crmc_userid"] = new EntityReference("systemuser", user.Value);
            if (team.HasValue) rule["crmc_teamid"] = new EntityReference("team", team.Value);
            if (queue.HasValue) rule["crmc_queueid"] = new EntityReference("queue", queue.Value);
            return rule;
        }

        /// <summary>A queue the principal owns (it holds what waits in the queue), made while the principal held a role.</summary>
        private Guid QueueOwnedBy(string name, string table, Guid owner) =>
            _org.System.Create(new Entity("queue") { ["name"] = name, ["ownerid"] = new EntityReference(table, owner) });

        /// <summary>Takes away every security role the user or team holds (someone moved to another department).</summary>
        private void TakeRolesFrom(string table, Guid principal)
        {
            string intersect = table == "team" ? "teamroles" : "systemuserroles";
            var roles = new QueryExpression(intersect) { ColumnSet = new ColumnSet("roleid") };
            roles.Criteria.AddCondition(table + "id", ConditionOperator.Equal, principal);
            var held = new EntityReferenceCollection();
            foreach (Entity link in _org.System.RetrieveMultiple(roles).Entities) held.Add(new EntityReference("role", link.GetAttributeValue<Guid>("roleid")));
            _org.System.Disassociate(table, principal,
                new Relationship(table == "team" ? OrganizationSetup.TeamRolesRelationship : OrganizationSetup.UserRolesRelationship), held);
        }

        [Fact]
        public void A_routing_rule_to_a_newcomer_without_a_role_is_refused_so_the_reps_move_to_develop_still_works()
        {
            Guid nora = _org.Setup.CreateUser("Nora Newcomer", _org.Operations);
            IOrganizationService admin = _org.As(_org.Admin);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => admin.Create(FinanceRule("Finance desk", nora)), RuleTables);

            Assert.Equal("The user Nora Newcomer has no security role, directly or through a team, so it lacks the Read privilege on tasks " +
                "(prvReadActivity) and on feasibility reviews (prvReadcrmc_FeasibilityReview) needed to own the handoffs and reviews CrmCollab " +
                "routes to it. Give it a CrmCollab role (for example CrmCollab Logistics) first, then save this routing rule again. " +
                "[CRMC-ROUTING-TARGET-CANNOT-OWN]", refusal);
            // The salesperson's custom 80k deal reaches Develop: its finance review is requested, not a platform fault.
            Guid account = _org.Account("Contoso");
            _org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent");
            _org.Engine.DrainAsync();
            Guid deal = _org.CustomDeal(account);
            _org.MoveTo(deal, SalesStage.Develop);
            Assert.NotEqual(nora, _org.Review(deal, BusinessFunction.Finance).GetAttributeValue<EntityReference>("ownerid").Id);
            // Once Nora holds a role, the rule may route to her.
            _org.Setup.AssignRole(nora, "CrmCollab Reviewer");
            admin.Create(FinanceRule("Finance desk", nora));
        }

        [Fact]
        public void A_routing_rule_to_a_queue_whose_owner_has_no_role_is_refused_so_the_reps_move_to_develop_still_works()
        {
            IOrganizationService admin = _org.As(_org.Admin);
            Guid quinn = _org.User("Quinn Keeper", "CrmCollab Administrator");
            Guid desk = QueueOwnedBy("Finance desk", "systemuser", quinn);
            Guid north = _org.Setup.CreateTeam("Finance North", _org.Operations, TeamType.Owner, "CrmCollab Administrator");
            Guid northDesk = QueueOwnedBy("North desk", "team", north);
            Guid fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            Guid fallback = admin.Create(FinanceRule("Finance fallback", fiona));
            TakeRolesFrom("systemuser", quinn); // Quinn moved to another department; her desk's queue is still hers
            TakeRolesFrom("team", north);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => admin.Create(FinanceRule("Finance desk", queue: desk, priority: 2)), RuleTables);
            // Pointed at the team's queue by a batch, the working rule is refused too.
            string team = _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => CrmCollabOrg.InExecuteMultiple(admin, new UpdateRequest
            {
                Target = new Entity("crmc_routingrule", fallback) { ["crmc_userid"] = null, ["crmc_queueid"] = new EntityReference("queue", northDesk) },
            }), RuleTables);

            Assert.Equal("The user Quinn Keeper, who owns the queue Finance desk and so holds what waits in it, has no security role, directly " +
                "or through a team, so it lacks the Read privilege on tasks (prvReadActivity) and on feasibility reviews " +
                "(prvReadcrmc_FeasibilityReview) needed to own the handoffs and reviews CrmCollab routes to it. Give it a CrmCollab role " +
                "(for example CrmCollab Logistics) first, then save this routing rule again. Or give the queue Finance desk to an owner " +
                "who can own this work. [CRMC-ROUTING-TARGET-CANNOT-OWN]", refusal);
            Assert.StartsWith("The team Finance North, who owns the queue North desk and so holds what waits in it, has no security role", team);
            // The salesperson's custom 80k deal reaches Develop: its finance review goes to Fiona, not to a platform fault.
            _org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent");
            _org.Engine.DrainAsync();
            Guid deal = _org.CustomDeal(_org.Account("Contoso"));
            _org.MoveTo(deal, SalesStage.Develop);
            Assert.Equal(fiona, _org.Review(deal, BusinessFunction.Finance).GetAttributeValue<EntityReference>("ownerid").Id);
            // Once Quinn holds a role again, the rule may route to her queue.
            _org.Setup.AssignRole(quinn, "CrmCollab Reviewer");
            admin.Create(FinanceRule("Finance desk", queue: desk, priority: 2));
        }

        [Fact]
        public void A_disabled_user_an_access_team_or_a_team_without_a_role_cannot_become_a_rules_target_by_any_client()
        {
            IOrganizationService admin = _org.As(_org.Admin);
            Guid gus = _org.User("Gus Gone", "CrmCollab Reviewer");
            _org.Setup.DisableUser(gus);
            Guid room = _org.Setup.CreateTeam("Deal room", _org.Operations, TeamType.Access);
            Guid bare = _org.Setup.CreateTeam("Finance North", _org.Operations, TeamType.Owner);
            Guid fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            Guid rule = admin.Create(FinanceRule("Finance desk", fiona));

            string disabled = _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => CrmCollabOrg.InExecuteMultiple(admin,
                new CreateRequest { Target = FinanceRule("Finance backup", gus) }), RuleTables);
            string access = _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => admin.Create(FinanceRule("Deal room", team: room)), RuleTables);
            string roleless = _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => CrmCollabOrg.InExecuteTransaction(admin,
                new CreateRequest { Target = FinanceRule("Finance North", team: bare) }), RuleTables);
            // Pointing the working rule at one of them is refused too (a batch of updates, an upsert).
            _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => CrmCollabOrg.InUpdateMultiple(admin,
                new Entity("crmc_routingrule", rule) { ["crmc_userid"] = new EntityReference("systemuser", gus) }), RuleTables);
            _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => CrmCollabOrg.InUpsert(admin, new Entity("crmc_routingrule", rule)
            {
                ["crmc_userid"] = null, ["crmc_teamid"] = new EntityReference("team", bare),
            }), RuleTables);

            Assert.Equal("The user Gus Gone is disabled, and a disabled user cannot own the reviews and handoffs this routing rule routes. " +
                "Choose an active user, a team or a queue as its target, or enable the user first. [CRMC-ROUTING-TARGET-CANNOT-OWN]", disabled);
            Assert.Equal("The team Deal room is an access team, and access teams cannot own records. Choose an owner team, a user or a queue. " +
                "[CRMC-ROUTING-TARGET-CANNOT-OWN]", access);
            Assert.StartsWith("The team Finance North has no security role, so it lacks the Read privilege on tasks", roleless);
            // A rule that already routes is saved again as it is, or renamed, without its target being judged again.
            admin.Update(new Entity("crmc_routingrule", rule) { ["crmc_name"] = "Finance desk (all accounts)", ["crmc_userid"] = new EntityReference("systemuser", fiona) });
        }

        /// <summary>No page says a SetState runs the Update steps: on an organisation where it runs none, the SetState steps hold alone.</summary>
        [Fact]
        public void A_rule_made_active_again_from_the_grid_is_refused_by_the_set_state_steps_alone() =>
            new RoutingRuleTargetScenarios(new CrmCollabOrg((solution, options) => solution.Steps.RemoveAll(s =>
                s.PluginTypeName.EndsWith(".RoutingRuleValidation", StringComparison.Ordinal) && s.MessageName == "Update")))
                .ReactivatedAfterItsUserWasDisabled(throughUpdate: false);

        [Fact]
        public void A_rule_made_active_again_is_refused_when_its_user_was_disabled_while_it_was_retired() =>
            ReactivatedAfterItsUserWasDisabled(throughUpdate: true);

        private void ReactivatedAfterItsUserWasDisabled(bool throughUpdate)
        {
            IOrganizationService admin = _org.As(_org.Admin);
            Guid fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            Guid rule = admin.Create(FinanceRule("Finance desk", fiona));
            Guid flagged = admin.Create(FinanceRule("Finance desk (flag)", fiona, priority: 2));
            Guid live = admin.Create(FinanceRule("Finance desk (live)", fiona, priority: 3));
            admin.Execute(CrmCollabOrg.StateChange("SetState", "crmc_routingrule", rule, 1, 2)); // retired from the grid
            if (throughUpdate) admin.Update(new Entity("crmc_routingrule", flagged) { ["crmc_isactive"] = false }); // or by its flag
            _org.Setup.DisableUser(fiona); // Fiona leaves while the rules are retired
            _org.Engine.DrainAsync();

            foreach (string message in throughUpdate ? new[] { "SetState", "SetStateDynamicEntity", "Update" } : new[] { "SetState", "SetStateDynamicEntity" })
            {
                string refusal = _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn,
                    () => admin.Execute(CrmCollabOrg.StateChange(message, "crmc_routingrule", rule, 0, 1)), RuleTables);
                Assert.StartsWith("The user Fiona Finance is disabled", refusal);
            }
            if (throughUpdate)
            {
                _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn,
                    () => admin.Update(new Entity("crmc_routingrule", flagged) { ["crmc_isactive"] = true }), RuleTables);
                _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => CrmCollabOrg.InExecuteMultiple(admin,
                    new UpdateRequest { Target = new Entity("crmc_routingrule", flagged) { ["crmc_isactive"] = true } }), RuleTables);
            }

            // A rule still in force that routes to her routes nothing now, and may always be retired.
            admin.Execute(CrmCollabOrg.StateChange(throughUpdate ? "Update" : "SetState", "crmc_routingrule", live, 1, 2));
            // Once Fiona is back, the rule may route to her again.
            _org.Setup.EnableUser(fiona);
            admin.Execute(CrmCollabOrg.StateChange("SetState", "crmc_routingrule", rule, 0, 1));
            Assert.Equal(0, _org.Row("crmc_routingrule", rule, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }
    }
}
