using System;
using CrmCollab.Emulator.Security;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>A field signal's function comes from the solution's own function roles: the raiser's first, else their teams'.</summary>
    public class SignalFunctionRoleScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _account;

        public SignalFunctionRoleScenarios() => _account = _org.Account("Contoso");

        private int? FunctionOf(Guid signal) =>
            _org.Row("crmc_fieldsignal", signal, "crmc_raisedbyfunction").GetAttributeValue<OptionSetValue>("crmc_raisedbyfunction")?.Value;

        [Fact]
        public void An_adv_assistant_who_also_plans_logistics_through_a_team_is_credited_to_adv_her_own_role()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV");
            Guid planners = _org.Setup.CreateTeam("Planners", _org.Operations, TeamType.Owner, "CrmCollab Logistics");
            _org.Setup.AddMembers(planners, alice);

            Guid signal = _org.Signal(_account, SignalKind.Expansion, alice, "They open a second plant");

            Assert.Equal((int)BusinessFunction.Adv, FunctionOf(signal));
        }

        [Fact]
        public void A_salesperson_whose_team_holds_the_logistics_role_as_team_privileges_only_is_not_credited_to_logistics()
        {
            Guid sid = _org.User("Sid Sales", "CrmCollab Salesperson", _org.Sales);
            Guid depot = _org.Setup.CreateBusinessUnit("Depot", _org.Operations);
            _org.System.Update(new Entity("role", _org.Setup.FindRole("CrmCollab Logistics", depot)) { ["isinherited"] = new OptionSetValue(0) });
            Guid depotTeam = _org.Setup.CreateTeam("Depot desk", depot, TeamType.Owner, "CrmCollab Logistics");
            _org.Setup.AddMembers(depotTeam, sid);

            Guid signal = _org.Signal(_account, SignalKind.Expansion, sid, "A rival quoted two weeks less");

            Assert.Null(FunctionOf(signal)); // the team works its own records as Logistics; Sid raises as himself
        }

        [Fact]
        public void A_planner_holding_a_look_alike_adv_role_and_the_genuine_logistics_role_through_a_team_is_credited_to_logistics()
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Salesperson", _org.Sales);
            Guid lookAlike = _org.Setup.CreateRole("CrmCollab ADV", _org.Sales);
            _org.System.Associate("systemuser", lena, new Relationship(OrganizationSetup.UserRolesRelationship),
                new EntityReferenceCollection { new EntityReference("role", lookAlike) });
            Guid planners = _org.Setup.CreateTeam("Planners", _org.Operations, TeamType.Owner, "CrmCollab Logistics");
            _org.Setup.AddMembers(planners, lena);

            Guid signal = _org.Signal(_account, SignalKind.Expansion, lena, "A rival quoted two weeks less");

            Assert.Equal((int)BusinessFunction.Logistics, FunctionOf(signal));
        }
    }
}
