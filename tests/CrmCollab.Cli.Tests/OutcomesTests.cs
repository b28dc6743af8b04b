using CrmCollab.Cli.Simulation;
using CrmCollab.Plugins.Domain;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    public class OutcomesTests
    {
        private static string Refused(string text, string code) => new Refusal(code, text).Message;

        [Fact]
        public void Refusals_with_their_own_code_group_by_code_and_generic_ones_by_what_the_user_was_told()
        {
            var outcomes = new Outcomes();
            string first = outcomes.Reason(unchecked((int)0x80041001), "The platform refused: Deal 1 is locked by another transaction");
            string second = outcomes.Reason(unchecked((int)0x80041001), "Some other wording of the same fault");
            Assert.Equal("Other: The platform refused (code 0x80041001)", first);
            Assert.Equal(first, second);
            Assert.Equal("Other: SQL timeout", outcomes.Reason(0, "SQL timeout: the query took too long"));
        }

        [Fact]
        public void The_report_counts_a_refusal_by_its_stable_code_whatever_its_wording()
        {
            var outcomes = new Outcomes();
            Assert.Equal("Agreed terms locked after the win", outcomes.Reason(Outcomes.GenericPluginCode,
                Refused("The agreed terms of a won opportunity are locked (Est. Revenue): use an amendment.", RefusalCodes.TermsLocked)));
            Assert.Equal("Feasibility gate: reviews not approved", outcomes.Reason(Outcomes.GenericPluginCode,
                Refused("A reworded gate refusal naming Deal 000042 and Finance.", RefusalCodes.GateNotCleared)));
            Assert.Equal("Handoff closed without evidence", outcomes.Reason(Outcomes.GenericPluginCode,
                Refused("This handoff cannot be completed yet: fill in Tracking Number first.", RefusalCodes.HandoffEvidenceMissing)));
            Assert.Equal("Data-quality gate: missing columns", outcomes.Reason(Outcomes.GenericPluginCode,
                Refused("Before moving to Propose, fill in: Budget.", RefusalCodes.StageDataMissing)));
        }

        [Fact]
        public void A_finance_reviewer_refused_an_amendment_on_a_deal_they_own_is_not_counted_as_a_rep_deciding_their_own_review()
        {
            var outcomes = new Outcomes();
            string amendment = outcomes.Reason(Outcomes.GenericPluginCode, Refused(
                "You own this opportunity, or have owned it, so you cannot approve or reject changes to its agreed terms, even as its finance reviewer. " +
                "Ask a CrmCollab Administrator to decide this amendment.", RefusalCodes.AmendmentApprover));
            string review = outcomes.Reason(Outcomes.GenericPluginCode, Refused(
                "You own this opportunity, so you cannot decide its feasibility review.", RefusalCodes.ReviewDeciderNotAllowed));
            string acknowledge = outcomes.Reason(Outcomes.GenericPluginCode, Refused(
                "Only the salesperson this signal is routed to can acknowledge it.", RefusalCodes.SignalServerColumn));

            Assert.NotEqual(review, amendment);
            Assert.EndsWith("[CRMC-AMENDMENT-APPROVER]", amendment);
            Assert.EndsWith("[CRMC-SIGNAL-SERVER-COLUMN]", acknowledge);
            Assert.Equal(review, outcomes.Reason(Outcomes.GenericPluginCode, Refused("Reworded: not yours to decide.", RefusalCodes.ReviewDeciderNotAllowed)));
        }
    }
}
