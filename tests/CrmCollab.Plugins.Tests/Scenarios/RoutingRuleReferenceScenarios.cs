using System;
using System.IO;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Emulator.Security;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A routing rule's territory narrows it and its queue or team receives its work; a dedicated owner row's team is the
    /// account's own contact: deleting any of them would silently turn a territory's rule into one for every territory,
    /// leave a rule routing nowhere, or leave an account's row naming nobody. The platform refuses such a delete (the
    /// relationships restrict it) until the rule or row no longer names the record.
    /// </summary>
    public class RoutingRuleReferenceScenarios
    {
        /// <summary>Dataverse's CannotDeleteDueToAssociation (0x80040227): the record is referenced through a relationship that restricts its delete.</summary>
        private const int CannotDeleteDueToAssociation = unchecked((int)0x80040227);

        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private void RefusedAsReferenced(string table, Guid id)
        {
            string before = _org.Tables(table, "crmc_routingrule", "crmc_dedicatedowner");
            OrganizationServiceFault fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.System.Delete(table, id)).Detail;
            Assert.Equal(CannotDeleteDueToAssociation, fault.ErrorCode);
            Assert.Equal(before, _org.Tables(table, "crmc_routingrule", "crmc_dedicatedowner"));
        }

        [Fact]
        public void A_territory_a_routing_rule_is_narrowed_to_cannot_be_deleted_until_the_rule_lets_go_of_it()
        {
            Guid north = _org.System.Create(new Entity("territory") { ["name"] = "North" });
            Guid nadia = _org.User("Nadia North", "CrmCollab Logistics");
            Guid rule = _org.Rule("Logistics, North", BusinessFunction.Logistics, nadia);
            _org.As(_org.Admin).Update(new Entity("crmc_routingrule", rule) { ["crmc_territoryid"] = new EntityReference("territory", north) });

            RefusedAsReferenced("territory", north);
            // Retired, the rule still names it: brought back without its territory, it would match every territory.
            _org.As(_org.Admin).Update(new Entity("crmc_routingrule", rule) { ["crmc_isactive"] = false });
            RefusedAsReferenced("territory", north);

            _org.As(_org.Admin).Delete("crmc_routingrule", rule);
            _org.System.Delete("territory", north);
        }

        [Fact]
        public void A_queue_a_routing_rule_routes_to_cannot_be_deleted_until_the_rule_routes_elsewhere()
        {
            Guid queue = _org.System.Create(new Entity("queue") { ["name"] = "SAV desk", ["ownerid"] = new EntityReference("systemuser", _org.Admin) });
            Guid sally = _org.User("Sally SAV", "CrmCollab SAV");
            Guid rule = _org.Rule("SAV desk", BusinessFunction.Sav, new EntityReference("queue", queue), priority: 1);

            RefusedAsReferenced("queue", queue);

            _org.As(_org.Admin).Update(new Entity("crmc_routingrule", rule)
            {
                ["crmc_queueid"] = null, ["crmc_userid"] = new EntityReference("systemuser", sally),
            });
            _org.System.Delete("queue", queue);
            Assert.Equal(sally, _org.Row("crmc_routingrule", rule, "crmc_userid").GetAttributeValue<EntityReference>("crmc_userid").Id);
        }

        [Fact]
        public void A_team_a_routing_rule_routes_to_cannot_be_deleted_until_the_rule_routes_elsewhere()
        {
            Guid north = _org.Setup.CreateTeam("Logistics North", _org.Operations, TeamType.Owner, "CrmCollab Logistics");
            Guid nadia = _org.User("Nadia North", "CrmCollab Logistics");
            _org.Setup.AddMembers(north, nadia);
            Guid rule = _org.Rule("Logistics North", BusinessFunction.Logistics, new EntityReference("team", north), priority: 1);

            // Deleted, the team would have left a rule with no target, which routing silently skips.
            RefusedAsReferenced("team", north);
            // Retired, the rule still names it: made active again without a target, it would be refused at save anyway.
            _org.As(_org.Admin).Update(new Entity("crmc_routingrule", rule) { ["crmc_isactive"] = false });
            RefusedAsReferenced("team", north);

            _org.As(_org.Admin).Update(new Entity("crmc_routingrule", rule)
            {
                ["crmc_teamid"] = null, ["crmc_userid"] = new EntityReference("systemuser", nadia),
            });
            _org.System.Delete("team", north);
            Assert.Equal(nadia, _org.Row("crmc_routingrule", rule, "crmc_userid").GetAttributeValue<EntityReference>("crmc_userid").Id);
        }

        [Fact]
        public void A_team_dedicated_to_an_account_cannot_be_deleted_until_the_accounts_row_names_someone_else()
        {
            Guid desk = _org.Setup.CreateTeam("SAV desk", _org.Operations, TeamType.Owner, "CrmCollab SAV");
            Guid sally = _org.User("Sally SAV", "CrmCollab SAV");
            _org.Setup.AddMembers(desk, sally);
            Guid contoso = _org.Account("Contoso");
            Guid row = _org.DedicatedOwner(contoso, BusinessFunction.Sav, team: desk);

            // Deleted, the team would have left Contoso's SAV row naming nobody: its work routed to nobody, not flagged unrouted.
            RefusedAsReferenced("team", desk);

            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", row)
            {
                ["crmc_teamid"] = null, ["crmc_userid"] = new EntityReference("systemuser", sally),
            });
            _org.System.Delete("team", desk);
            Assert.Equal(sally, _org.Row("crmc_dedicatedowner", row, "crmc_userid").GetAttributeValue<EntityReference>("crmc_userid").Id);
        }

        [Fact]
        public void The_readme_lists_the_rules_and_rows_a_team_deleted_before_this_version_left_without_a_target()
        {
            // An organisation as it was before: the team relationships removed the link.
            var before = new CrmCollabOrg((solution, options) =>
            {
                foreach (var relationship in solution.Catalog.Relationships.Where(r => r.SchemaName.StartsWith("crmc_team_", StringComparison.Ordinal)))
                    relationship.CascadeDelete = "RemoveLink";
            });
            Guid north = before.Setup.CreateTeam("Logistics North", before.Operations, TeamType.Owner, "CrmCollab Logistics");
            Guid nadia = before.User("Nadia North", "CrmCollab Logistics");
            before.Setup.AddMembers(north, nadia);
            before.Rule("Logistics North", BusinessFunction.Logistics, new EntityReference("team", north), priority: 1);
            before.Rule("Logistics default", BusinessFunction.Logistics, nadia);
            Guid contoso = before.Account("Contoso");
            before.DedicatedOwner(contoso, BusinessFunction.Logistics, team: north);
            before.DedicatedOwner(contoso, BusinessFunction.Sav, user: nadia);
            before.System.Delete("team", north);

            string rules = ReadmeQuery();
            string rows = rules.Replace("crmc_routingrule", "crmc_dedicatedowner")
                .Replace("<condition attribute=\"crmc_queueid\" operator=\"null\" />", "");
            Assert.Equal(new[] { "Logistics North" }, Names(before, rules));
            Assert.Equal(new[] { "Logistics owner" }, Names(before, rows));
        }

        private static string[] Names(CrmCollabOrg org, string fetchXml) =>
            org.System.RetrieveMultiple(new FetchExpression(fetchXml)).Entities.Select(e => e.GetAttributeValue<string>("crmc_name")).ToArray();

        /// <summary>The FetchXML of the README's upgrade step for rules and rows a deleted team emptied.</summary>
        private static string ReadmeQuery()
        {
            string readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(CrmCollabOrg.SolutionFolder), "README.md"));
            int step = readme.IndexOf("let a team be deleted while a routing rule", StringComparison.Ordinal);
            Assert.True(step >= 0, "the README has no upgrade step for rules emptied by a deleted team");
            int start = readme.IndexOf("```xml", step, StringComparison.Ordinal) + "```xml".Length;
            return readme.Substring(start, readme.IndexOf("```", start, StringComparison.Ordinal) - start);
        }
    }
}
