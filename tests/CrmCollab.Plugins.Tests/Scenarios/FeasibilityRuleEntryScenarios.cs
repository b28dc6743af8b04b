using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>What an administrator or an import types into a feasibility rule, refused as a template's or a routing rule's is.</summary>
    public class FeasibilityRuleEntryScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        /// <summary>
        /// An import names a function value CrmCollab does not have (a handoff template, a dedicated owner and a routing rule
        /// naming one are refused with CrmCollab's sentence): the rule was let through to the platform's own range error,
        /// which names the column's logical name and table, with no code and nothing to choose from.
        /// </summary>
        [Fact]
        public void A_feasibility_rule_naming_a_function_crmcollab_does_not_have_is_refused_with_what_to_choose()
        {
            IOrganizationService admin = _org.As(_org.Admin);
            var imported = new Entity("crmc_feasibilityrule")
            {
                ["crmc_name"] = "Quality above 50k", ["crmc_function"] = new OptionSetValue(7), ["crmc_slahours"] = 48,
                ["crmc_triggerstage"] = new OptionSetValue(SalesStage.Develop), ["crmc_gatestage"] = new OptionSetValue(SalesStage.Propose),
                ["crmc_relevantcolumns"] = "estimatedvalue", ["crmc_isactive"] = true,
            };
            string[] touched = { "crmc_feasibilityrule" };

            string refusal = _org.Refused(RefusalCodes.RuleInvalid, () => admin.Create(imported), touched);
            _org.Refused(RefusalCodes.RuleInvalid, () => CrmCollabOrg.InExecuteMultiple(admin, new CreateRequest { Target = imported }), touched);
            Guid rule = _org.FeasibilityRule("Finance above 50k", BusinessFunction.Finance, "estimatedvalue");
            _org.Refused(RefusalCodes.RuleInvalid, () => admin.Update(new Entity("crmc_feasibilityrule", rule) { ["crmc_function"] = new OptionSetValue(7) }), touched);

            Assert.Equal("The function value 7 is not one of CrmCollab's functions; choose one from the list. [CRMC-RULE-INVALID]", refusal);
        }
    }
}
