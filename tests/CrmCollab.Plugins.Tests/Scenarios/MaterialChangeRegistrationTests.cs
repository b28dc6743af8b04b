using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Solution;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Feasibility;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The rule validator tells admins which deal columns re-open reviews; the shipped step must watch exactly those,
    /// with both images carrying them, or a rule would be accepted whose review never re-opens.
    /// </summary>
    public class MaterialChangeRegistrationTests
    {
        [Fact]
        public void The_material_change_step_watches_exactly_the_columns_admins_may_choose()
        {
            SolutionDefinition solution = SolutionLoader.Load(CrmCollabOrg.SolutionFolder);
            StepDefinition step = Assert.Single(solution.Steps, s =>
                s.PluginTypeName == typeof(MaterialChange).FullName && s.MessageName == "Update" && s.PrimaryEntity == "opportunity");

            Assert.Equal(FeasibilityRuleValidator.WatchedColumns.OrderBy(c => c), step.FilteringAttributes.OrderBy(c => c));
            Assert.Equal(2, step.Images.Count);
            foreach (StepImageDefinition image in step.Images)
                Assert.Empty(FeasibilityRuleValidator.WatchedColumns.Except(image.Attributes));
        }
    }
}
