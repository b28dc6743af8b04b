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
    }
}
