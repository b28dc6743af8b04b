using System;
using System.ServiceModel;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A routing rule's territory narrows it and its queue receives its work: deleting either would silently turn a
    /// territory's rule into one for every territory, or leave a rule routing nowhere. The platform refuses such a delete
    /// (the relationships restrict it) until the rule no longer names the record.
    /// </summary>
    public class RoutingRuleReferenceScenarios
    {
        /// <summary>Dataverse's CannotDeleteDueToAssociation (0x80040227): the record is referenced through a relationship that restricts its delete.</summary>
        private const int CannotDeleteDueToAssociation = unchecked((int)0x80040227);

        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private void RefusedAsReferenced(string table, Guid id)
        {
            string before = _org.Tables(table, "crmc_routingrule");
            OrganizationServiceFault fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.System.Delete(table, id)).Detail;
            Assert.Equal(CannotDeleteDueToAssociation, fault.ErrorCode);
            Assert.Equal(before, _org.Tables(table, "crmc_routingrule"));
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
            Guid rule = _org.As(_org.Admin).Create(new Entity("crmc_routingrule")
            {
                ["crmc_name"] = "SAV desk", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Sav),
                ["crmc_queueid"] = new EntityReference("queue", queue), ["crmc_priority"] = 1, ["crmc_isactive"] = true,
            });

            RefusedAsReferenced("queue", queue);

            _org.As(_org.Admin).Update(new Entity("crmc_routingrule", rule)
            {
                ["crmc_queueid"] = null, ["crmc_userid"] = new EntityReference("systemuser", sally),
            });
            _org.System.Delete("queue", queue);
            Assert.Equal(sally, _org.Row("crmc_routingrule", rule, "crmc_userid").GetAttributeValue<EntityReference>("crmc_userid").Id);
        }
    }
}
