using System;
using System.IO;
using System.Xml.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Tests.Scenarios;
using Xunit;

namespace CrmCollab.Plugins.Tests.Registration
{
    /// <summary>The plug-ins recognise the administrator and the function roles by the ids of the roles the solution ships: they cannot drift apart.</summary>
    public class AdministratorRoleIdTests
    {
        [Fact]
        public void The_administrator_role_id_the_plugins_check_is_the_id_of_the_role_the_solution_ships()
        {
            XElement role = XDocument.Load(Path.Combine(CrmCollabOrg.SolutionFolder, "Roles", "CrmCollab Administrator.xml")).Root;

            Assert.Equal("CrmCollab Administrator", (string)role.Attribute("name"));
            Assert.Equal(Guid.Parse((string)role.Attribute("id")), Membership.AdministratorRoleId);
        }

        [Theory]
        [InlineData("CrmCollab ADV")]
        [InlineData("CrmCollab Logistics")]
        [InlineData("CrmCollab SAV")]
        public void The_function_role_ids_a_signal_is_credited_by_are_the_ids_of_the_roles_the_solution_ships(string name)
        {
            XElement role = XDocument.Load(Path.Combine(CrmCollabOrg.SolutionFolder, "Roles", name + ".xml")).Root;
            Guid expected = name == "CrmCollab ADV" ? Membership.AdvRoleId : name == "CrmCollab Logistics" ? Membership.LogisticsRoleId : Membership.SavRoleId;

            Assert.Equal(name, (string)role.Attribute("name"));
            Assert.Equal(Guid.Parse((string)role.Attribute("id")), expected);
        }
    }
}
