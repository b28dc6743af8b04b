using System;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>
    /// FetchXML's eq-userteams and eq-useroruserteams (a "My … (mine or my teams')" view) match the rows owned by the teams
    /// the calling user is a member of, as Dataverse resolves them for the caller. Before, the engine never read the
    /// caller's teams for a RetrieveMultiple: both operators matched no team's row.
    /// </summary>
    public class UserTeamsConditionTests
    {
        [Theory]
        [InlineData("eq-userteams", "Team widget")]
        [InlineData("eq-useroruserteams", "My widget,Team widget")]
        public void A_team_members_view_lists_the_rows_of_the_teams_they_belong_to(string op, string expected)
        {
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            var role = new RoleDefinition { Id = Guid.NewGuid(), Name = "Widget editor" };
            role.Privileges[("crmc_widget", AccessRight.Read)] = PrivilegeDepth.Basic;
            role.Privileges[("crmc_widget", AccessRight.Create)] = PrivilegeDepth.Basic;
            org.Solution.Roles.Add(role);
            var engine = org.Boot();
            var setup = new OrganizationSetup(engine.SystemService);
            Guid kim = setup.CreateUser("Kim Member", engine.RootBusinessUnitId, "Widget editor");
            Guid other = setup.CreateUser("Otto Other", engine.RootBusinessUnitId, "Widget editor");
            Guid team = setup.CreateTeam("Widget desk", engine.RootBusinessUnitId, TeamType.Owner, "Widget editor");
            Guid elsewhere = setup.CreateTeam("Gadget desk", engine.RootBusinessUnitId, TeamType.Owner, "Widget editor");
            setup.AddMembers(team, kim);
            setup.AddMembers(elsewhere, other);
            void Widget(string name, string ownerTable, Guid owner) => engine.SystemService.Create(new Entity("crmc_widget")
                { ["crmc_name"] = name, ["ownerid"] = new EntityReference(ownerTable, owner) });
            Widget("My widget", "systemuser", kim);
            Widget("Team widget", "team", team);
            Widget("Other team's widget", "team", elsewhere);
            Widget("Otto's widget", "systemuser", other);

            var fetch = new FetchExpression(
                "<fetch><entity name='crmc_widget'><attribute name='crmc_name' /><order attribute='crmc_name' />" +
                $"<filter><condition attribute='ownerid' operator='{op}' /></filter></entity></fetch>");
            var names = engine.CreateService(kim).RetrieveMultiple(fetch).Entities.Select(e => e.GetAttributeValue<string>("crmc_name"));

            Assert.Equal(expected, string.Join(",", names));
        }
    }
}
