using System;
using CrmCollab.Emulator.Security;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An administrator sets up a "Logistics North" owner team (with the CrmCollab Logistics role) for a new desk and
    /// points a routing rule at it before anyone joins it. Without a check, every review and handoff the rule routes
    /// is owned by the team, counted as routed (no Unrouted flag, no fallback queue), and seen and worked by nobody; a
    /// deal's gate waits for ever on a review nobody decides. The rule (and a queue the team owns) is refused until the
    /// team has an active member.
    /// </summary>
    public class RoutingRuleTeamMemberScenarios
    {
        private static readonly string[] RuleTables = { "crmc_routingrule" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _north, _nadia;

        public RoutingRuleTeamMemberScenarios()
        {
            _north = _org.Setup.CreateTeam("Logistics North", _org.Operations, TeamType.Owner, "CrmCollab Logistics");
            _nadia = _org.User("Nadia North", "CrmCollab Logistics");
        }

        private static Entity RuleTo(EntityReference target) => new Entity("crmc_routingrule")
        {
            // the queue's rule ranks after the team's: two rules in force for the same accounts never tie
            ["crmc_name"] = "Logistics North", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics),
            [target.LogicalName == "team" ? "crmc_teamid" : target.LogicalName == "queue" ? "crmc_queueid" : "crmc_userid"] = target,
            ["crmc_priority"] = target.LogicalName == "queue" ? 2 : 1, ["crmc_isactive"] = true,
        };

        [Fact]
        public void A_routing_rule_to_a_team_nobody_has_joined_yet_is_refused_until_someone_joins()
        {
            IOrganizationService admin = _org.As(_org.Admin);
            var team = new EntityReference("team", _north);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => admin.Create(RuleTo(team)), RuleTables);
            _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => CrmCollabOrg.InExecuteMultiple(admin, new CreateRequest { Target = RuleTo(team) }), RuleTables);
            Guid rule = _org.Rule("Logistics default", BusinessFunction.Logistics, _nadia);
            _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => admin.Update(new Entity("crmc_routingrule", rule)
            {
                ["crmc_userid"] = null, ["crmc_teamid"] = team,
            }), RuleTables);
            Guid queue = _org.System.Create(new Entity("queue") { ["name"] = "Logistics North desk", ["ownerid"] = team });
            string viaQueue = _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn,
                () => admin.Create(RuleTo(new EntityReference("queue", queue))), RuleTables);
            Assert.Equal("The team Logistics North has no active member, so nobody would see or work the reviews and handoffs this routing rule " +
                "routes to it. Add the people who do this work to the team first, or choose another target. [CRMC-ROUTING-TARGET-CANNOT-OWN]", refusal);
            Assert.StartsWith("The team Logistics North, which owns the queue Logistics North desk, has no active member", viaQueue);

            _org.Setup.AddMembers(_north, _nadia);
            admin.Create(RuleTo(team));
            admin.Create(RuleTo(new EntityReference("queue", queue)));
        }

        [Fact]
        public void A_team_whose_only_member_left_is_refused_when_its_retired_rule_is_made_active_again()
        {
            IOrganizationService admin = _org.As(_org.Admin);
            _org.Setup.AddMembers(_north, _nadia);
            Guid rule = _org.Rule("Logistics North", BusinessFunction.Logistics, new EntityReference("team", _north), priority: 1);
            admin.Execute(new SetStateRequest { EntityMoniker = new EntityReference("crmc_routingrule", rule), State = new OptionSetValue(1), Status = new OptionSetValue(2) });
            _org.System.Update(new Entity("systemuser", _nadia) { ["isdisabled"] = true }); // Nadia left
            _org.Engine.DrainAsync();

            _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => admin.Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("crmc_routingrule", rule), State = new OptionSetValue(0), Status = new OptionSetValue(1),
            }), RuleTables);
        }
    }
}
