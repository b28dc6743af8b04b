using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A routing rule to a queue (or the Unrouted Handoffs Queue setting) is checked when saved: the queue's owner, who
    /// holds what waits in it, must be able to own the work, and a team must have someone active in it. The queue itself
    /// is then given to another owner — the desk handed to a new "Logistics back office" team nobody has joined yet — and
    /// the reviews the rule routes went to that team, counted as routed and seen by nobody, the deal's gate waiting on
    /// them. (Someone without a role the platform itself refuses as the queue's owner.)
    /// </summary>
    public class RoutedQueueOwnerScenarios
    {
        private static readonly string[] Desks = { "queue" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _quinn, _desk, _backOffice, _sysadmin;

        public RoutedQueueOwnerScenarios()
        {
            _sysadmin = _org.User("Sid Sysadmin", "System Administrator"); // queues are the system administrator's to hand on
            _quinn = _org.User("Quinn Keeper", "CrmCollab Logistics");
            _desk = _org.System.Create(new Entity("queue") { ["name"] = "Logistics desk", ["ownerid"] = new EntityReference("systemuser", _quinn) });
            _org.Rule("Logistics desk", BusinessFunction.Logistics, new EntityReference("queue", _desk));
            _backOffice = _org.Setup.CreateTeam("Logistics back office", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Logistics");
        }

        private static OrganizationRequest AssignTo(Guid queue, EntityReference owner) =>
            new AssignRequest { Target = new EntityReference("queue", queue), Assignee = owner };

        [Fact]
        public void The_queue_a_routing_rule_routes_to_is_not_given_to_a_team_nobody_active_belongs_to()
        {
            var team = new EntityReference("team", _backOffice);
            IOrganizationService admin = _org.As(_sysadmin);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => admin.Execute(AssignTo(_desk, team)), Desks);
            _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => admin.Update(new Entity("queue", _desk) { ["ownerid"] = team }), Desks);
            _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => CrmCollabOrg.InExecuteMultiple(admin, AssignTo(_desk, team)), Desks);

            Assert.Equal("The queue Logistics desk takes the work of the routing rule 'Logistics desk', and its owner holds what waits in it: " +
                "the team Logistics back office has no active member, so nobody would see or work the reviews and handoffs routed to it. " +
                "Add the people who do this work to the team first, or give the queue to another owner. [CRMC-ROUTING-TARGET-CANNOT-OWN]", refusal);

            // Once someone has joined, the desk goes to the team, and a deal's logistics review waits there for them.
            _org.Setup.AddMembers(_backOffice, _org.User("Leo Logistics", "CrmCollab Logistics"));
            admin.Execute(AssignTo(_desk, team));
            _org.FeasibilityRule("Custom above 50k: logistics", BusinessFunction.Logistics, "crmc_requesteddelivery");
            _org.Engine.DrainAsync();
            Guid deal = _org.CustomDeal(_org.Account("Adatum"));
            _org.MoveTo(deal, SalesStage.Develop);
            Assert.Equal(_backOffice, _org.Review(deal, BusinessFunction.Logistics).GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Fact]
        public void The_unrouted_desks_queue_is_not_given_to_a_team_nobody_active_belongs_to()
        {
            Guid unrouted = _org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted", ["ownerid"] = new EntityReference("systemuser", _quinn) });

            string refusal = _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn,
                () => _org.As(_sysadmin).Execute(AssignTo(unrouted, new EntityReference("team", _backOffice))), Desks);

            Assert.StartsWith("The queue CrmCollab Unrouted takes the work of the Unrouted Handoffs Queue setting, and its owner holds what waits in it: " +
                "the team Logistics back office has no active member", refusal);
        }

        [Fact]
        public void A_queue_no_rule_in_force_routes_to_changes_owner_freely()
        {
            Guid spare = _org.System.Create(new Entity("queue") { ["name"] = "Spare desk", ["ownerid"] = new EntityReference("systemuser", _quinn) });
            _org.As(_sysadmin).Execute(AssignTo(spare, new EntityReference("team", _backOffice)));
        }
    }
}
