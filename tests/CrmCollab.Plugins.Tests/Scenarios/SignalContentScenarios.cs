using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// What a field signal says is checked when it is raised (what was seen, the competitor when it is one). A later save
    /// keeps it worth routing: the salesperson may reword it, not empty it. Before, an Update could clear the description or
    /// the competitor of a signal the raise had refused without them.
    /// </summary>
    public class SignalContentScenarios
    {
        private static readonly string[] Touched = { "crmc_fieldsignal" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _signal;

        public SignalContentScenarios()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV");
            Guid account = _org.Account("Contoso"); // Sam, the salesperson, owns it: its signals are routed to him
            Guid acme = _org.System.Create(new Entity("competitor") { ["name"] = "Acme Packaging" });
            _signal = _org.Signal(account, SignalKind.CompetitorPresence, alice, "Acme demoed a line to the plant manager", acme);
        }

        [Theory]
        [InlineData("crmc_description", "Update")]
        [InlineData("crmc_description", "UpdateMultiple")]
        [InlineData("crmc_competitorid", "Update")]
        [InlineData("crmc_competitorid", "UpdateMultiple")]
        public void The_salesperson_cannot_empty_what_a_competitor_signal_says(string column, string channel)
        {
            var change = new Entity("crmc_fieldsignal", _signal) { [column] = null };
            IOrganizationService sam = _org.As(_org.Rep);

            string refusal = _org.Refused(RefusalCodes.SignalIncomplete, () =>
            {
                if (channel == "Update") sam.Update(change);
                else CrmCollabOrg.InUpdateMultiple(sam, change);
            }, Touched);

            Assert.Contains(column == "crmc_description" ? "Describe what you saw" : "Name the competitor", refusal);
        }

        [Fact]
        public void The_salesperson_may_reword_it()
        {
            _org.As(_org.Rep).Update(new Entity("crmc_fieldsignal", _signal) { ["crmc_description"] = "Acme demoed line 2 to the plant manager" });

            Assert.Equal("Acme demoed line 2 to the plant manager",
                _org.Row("crmc_fieldsignal", _signal, "crmc_description").GetAttributeValue<string>("crmc_description"));
        }

        [Fact]
        public void A_lead_signal_described_at_length_becomes_a_lead_that_keeps_what_fits_and_the_signal_all_of_it()
        {
            // A planner pastes the customer's e-mail: longer than a lead's Description holds (2,000), within the signal's (4,000).
            Guid account = _org.Account("Fabrikam");
            string email = "They plan a second line next year. " + new string('x', 2500);

            Guid signal = _org.Signal(account, SignalKind.Lead, _org.User("Lena Logistics", "CrmCollab Logistics"), email);

            Assert.Equal(email, _org.Row("crmc_fieldsignal", signal, "crmc_description").GetAttributeValue<string>("crmc_description"));
            Guid lead = _org.Row("crmc_fieldsignal", signal, "crmc_leadid").GetAttributeValue<EntityReference>("crmc_leadid").Id;
            Assert.Equal(email.Substring(0, 2000), _org.Row("lead", lead, "description").GetAttributeValue<string>("description"));
        }
    }
}
