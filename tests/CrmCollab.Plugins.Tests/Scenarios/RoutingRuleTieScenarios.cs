using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An administrator imports "Logistics default → Leo" next to the existing "Logistics default → Lena", both for every
    /// account at priority 100. Routing picks one of two fully tied rules by an internal order, so one of them would never
    /// receive any work without anyone being told. A rule in force may not tie with another in force: same function,
    /// same industry, territory and size, same priority.
    /// </summary>
    public class RoutingRuleTieScenarios
    {
        private static readonly string[] RuleTables = { "crmc_routingrule" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _leo, _lenaRule;

        public RoutingRuleTieScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            _lenaRule = _org.Rule("Logistics default", BusinessFunction.Logistics, _lena, priority: 100);
        }

        private static Entity Rule(string name, Guid user, int priority, int? industry = null)
        {
            var rule = new Entity("crmc_routingrule")
            {
                ["crmc_name"] = name, ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics),
                ["crmc_userid"] = new EntityReference("systemuser", user), ["crmc_priority"] = priority, ["crmc_isactive"] = true,
            };
            if (industry.HasValue) rule["crmc_industrycode"] = new OptionSetValue(industry.Value);
            return rule;
        }

        [Fact]
        public void A_second_rule_for_the_same_accounts_at_the_same_priority_is_refused_naming_the_first()
        {
            IOrganizationService admin = _org.As(_org.Admin);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.RoutingRuleTied, () => admin.Create(Rule("Logistics default (Leo)", _leo, 100)), RuleTables);
            _org.RefusedNamingNoId(RefusalCodes.RoutingRuleTied,
                () => CrmCollabOrg.InExecuteMultiple(admin, new CreateRequest { Target = Rule("Logistics default (Leo)", _leo, 100) }), RuleTables);
            Assert.Equal("The routing rule 'Logistics default' already routes the same function for the same industry, territory and size " +
                "with priority 100, so only one of the two would ever receive the work. Give this rule another priority (the lower number wins) " +
                "or other criteria, or retire the other rule. [CRMC-ROUTING-RULE-TIED]", refusal);

            // Another priority, or narrower criteria, rank the two: both may be saved.
            Guid leoRule = admin.Create(Rule("Logistics default (Leo)", _leo, 90));
            admin.Create(Rule("Logistics retail (Leo)", _leo, 100, industry: 27));
            // Edited back onto the first rule's priority, it ties again.
            _org.RefusedNamingNoId(RefusalCodes.RoutingRuleTied,
                () => admin.Update(new Entity("crmc_routingrule", leoRule) { ["crmc_priority"] = 100 }), RuleTables);
        }

        [Fact]
        public void A_retired_rule_that_would_tie_is_refused_when_made_active_again()
        {
            IOrganizationService admin = _org.As(_org.Admin);
            admin.Execute(CrmCollabOrg.StateChange("SetState", "crmc_routingrule", _lenaRule, 1, 2));
            admin.Create(Rule("Logistics default (Leo)", _leo, 100)); // Lena's rule is retired: no tie

            foreach (string message in new[] { "SetState", "SetStateDynamicEntity", "Update" })
                _org.RefusedNamingNoId(RefusalCodes.RoutingRuleTied,
                    () => admin.Execute(CrmCollabOrg.StateChange(message, "crmc_routingrule", _lenaRule, 0, 1)), RuleTables);
        }
    }
}
