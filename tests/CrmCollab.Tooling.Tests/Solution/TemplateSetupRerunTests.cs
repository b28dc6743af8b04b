using System.Linq;
using CrmCollab.Tooling.Setup;
using CrmCollab.Tooling.Tests.Packaging;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Tooling.Tests.Solution
{
    /// <summary>
    /// The default templates are loaded again on an organisation where an administrator already typed one of them in
    /// (another case, a space at the end): it is the same template, left as the administrator made it, not a second one —
    /// which the organisation refuses (two templates in force of one function never share a subject).
    /// </summary>
    public class TemplateSetupRerunTests
    {
        [Fact]
        public void A_default_template_the_administrator_typed_in_is_left_as_it_is_when_the_defaults_are_loaded()
        {
            var org = new AppOrg();
            var templates = HandoffTemplateSetup.Read(System.IO.Path.Combine(PackagingFixture.RepoRoot, "setup", "handoff-templates.json"));
            HandoffTemplateSetup.TemplateData contract = templates.First(t => t.Function == "ADV");
            org.As(org.Admin).Create(new Entity("crmc_handofftemplate")
            {
                ["crmc_name"] = "Contract", ["crmc_subject"] = contract.Subject.ToLowerInvariant() + " ",
                ["crmc_function"] = new OptionSetValue(100000003), ["crmc_dueoffsetdays"] = 2, ["crmc_isactive"] = true,
            });

            int created = HandoffTemplateSetup.Apply(org.System, templates);

            Assert.Equal(templates.Count - 1, created);
            var adv = new QueryExpression("crmc_handofftemplate") { ColumnSet = new ColumnSet("crmc_subject") };
            adv.Criteria.AddCondition("crmc_function", ConditionOperator.Equal, 100000003);
            Assert.Equal(templates.Count(t => t.Function == "ADV"), org.System.RetrieveMultiple(adv).Entities.Count);
        }
    }
}
