using CrmCollab.Cli.Simulation;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    public class OutcomesTests
    {
        [Fact]
        public void Refusals_with_their_own_code_group_by_code_and_generic_ones_by_what_the_user_was_told()
        {
            var outcomes = new Outcomes();
            string first = outcomes.Reason(unchecked((int)0x80041001), "Deal 1 cannot enter Propose until its feasibility reviews are approved: Finance pending");
            string second = outcomes.Reason(unchecked((int)0x80041001), "Some other wording of the same rule");
            Assert.Equal("Feasibility gate: reviews not approved (code 0x80041001)", first);
            Assert.Equal(first, second);
            Assert.Equal("Agreed terms locked after the win", outcomes.Reason(Outcomes.GenericPluginCode, "The agreed terms of a won opportunity are locked: use an amendment"));
            Assert.Equal("Agreed terms locked after the win", outcomes.Reason(0, "The agreed terms of a won opportunity are locked"));
        }
    }
}
