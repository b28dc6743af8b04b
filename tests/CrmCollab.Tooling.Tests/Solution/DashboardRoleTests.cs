using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Tooling.Packaging;
using CrmCollab.Tooling.Tests.Packaging;
using Xunit;

namespace CrmCollab.Tooling.Tests.Solution
{
    /// <summary>Who opens the app's dashboard sees every chart on it, none of them a permission error.</summary>
    public class DashboardRoleTests
    {
        private static readonly SolutionFolder Folder = SolutionFolder.Read(PackagingFixture.Solution);

        /// <summary>The read privilege a table's rows need: activities share one, custom and other tables their own.</summary>
        private static string ReadPrivilege(string table)
        {
            if (table == "task") return "prvReadActivity";
            var part = Folder.Entities.Single(e => string.Equals(e.Folder, table, StringComparison.OrdinalIgnoreCase));
            return "prvRead" + part.Folder;
        }

        [Fact]
        public void Every_role_the_managers_dashboard_is_shown_to_reads_every_table_its_charts_show()
        {
            var app = Folder.AppModules.Single().Root;
            var appRoles = app.Element("AppModuleRoleMaps").Elements("Role").Select(r => PackagingNames.ParseGuid((string)r.Attribute("id"))).ToHashSet();
            foreach (var dashboard in Folder.Dashboards)
            {
                // A dashboard without display conditions is shown to every role of the app (as a form is to everyone).
                var conditions = dashboard.Root.Descendants("DisplayConditions").SingleOrDefault();
                var shownTo = conditions == null || conditions.Elements("Everyone").Any()
                    ? appRoles
                    : conditions.Elements("Role").Select(r => PackagingNames.ParseGuid((string)r.Attribute("Id"))).ToHashSet();
                Assert.NotEmpty(shownTo);
                var tables = dashboard.Root.Descendants("TargetEntityType").Select(t => t.Value).Distinct().ToList();
                Assert.Contains("crmc_fieldsignal", tables);
                foreach (var role in Folder.Roles.Where(r => shownTo.Contains(PackagingNames.ParseGuid((string)r.Root.Attribute("id")))))
                {
                    var privileges = role.Root.Descendants("RolePrivilege").Select(p => (string)p.Attribute("name")).ToHashSet();
                    foreach (var table in tables)
                        Assert.True(privileges.Contains(ReadPrivilege(table)),
                            $"{(string)role.Root.Attribute("name")} is shown the dashboard but cannot read its {table} chart");
                }
                // Every role that reads all of it keeps the dashboard: the managers of sales and of each downstream function.
                foreach (var name in new[] { "Salesperson", "ADV", "Logistics", "SAV", "Administrator" })
                    Assert.Contains(PackagingNames.ParseGuid((string)Folder.Roles.Single(r => (string)r.Root.Attribute("name") == "CrmCollab " + name).Root.Attribute("id")), shownTo);
            }
        }
    }
}
