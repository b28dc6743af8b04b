using System;
using System.IO;
using System.Xml.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Tests.Scenarios;
using Xunit;

namespace CrmCollab.Plugins.Tests.Registration
{
    /// <summary>The plug-ins recognise the administrator by the id of the role the solution ships: the two cannot drift apart.</summary>
    public class AdministratorRoleIdTests
    {
        [Fact]
        public void The_administrator_role_id_the_plugins_check_is_the_id_of_the_role_the_solution_ships()
        {
            XElement role = XDocument.Load(Path.Combine(CrmCollabOrg.SolutionFolder, "Roles", "CrmCollab Administrator.xml")).Root;

            Assert.Equal("CrmCollab Administrator", (string)role.Attribute("name"));
            Assert.Equal(Guid.Parse((string)role.Attribute("id")), Membership.AdministratorRoleId);
        }
    }
}
