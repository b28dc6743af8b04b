using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A competitor-presence signal says which competitor the field saw at the account: the competitor record it names is
    /// part of what was raised. Deleting it would empty the signal's Competitor (the relationship removes the link), and
    /// the salesperson could then not even reword the signal without naming a competitor again.
    /// </summary>
    public class SignalCompetitorScenarios
    {
        private static readonly string[] Touched = { "crmc_fieldsignal", "competitor" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _sally, _account, _globex, _sid;

        public SignalCompetitorScenarios()
        {
            _sally = _org.User("Sally SAV", "CrmCollab SAV");
            _account = _org.Account("Contoso");
            _globex = _org.System.Create(new Entity("competitor") { ["name"] = "Globex" });
            _sid = _org.User("Sid Sysadmin", "System Administrator"); // holds Delete on competitors; not the CrmCollab role
        }

        private Guid? CompetitorOf(Guid signal) =>
            _org.Row("crmc_fieldsignal", signal, "crmc_competitorid").GetAttributeValue<EntityReference>("crmc_competitorid")?.Id;

        [Fact]
        public void The_competitor_a_signal_saw_at_the_account_is_not_deleted_from_under_it_on_any_path()
        {
            Guid signal = _org.Signal(_account, SignalKind.CompetitorPresence, _sally, "Globex demoed their line to the plant manager", _globex);
            IOrganizationService sid = _org.As(_sid);
            var delete = new DeleteRequest { Target = new EntityReference("competitor", _globex) };

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SignalCompetitorIsHistory, () => sid.Delete("competitor", _globex), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalCompetitorIsHistory, () => CrmCollabOrg.InExecuteMultiple(sid, delete), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalCompetitorIsHistory, () => CrmCollabOrg.InExecuteTransaction(sid, delete), Touched);

            Assert.Equal("Field signals name this competitor as the one seen at their accounts, and deleting it would empty that on them. " +
                "If it duplicates another competitor, have those signals name that one first; a CrmCollab Administrator may delete it " +
                "if it really must go. [CRMC-SIGNAL-COMPETITOR-HISTORY]", refusal);
            Assert.Equal(_globex, CompetitorOf(signal));
            _org.As(_org.Rep).Update(new Entity("crmc_fieldsignal", signal) { ["crmc_description"] = "Globex demoed their line, twice" });

            sid.Delete("competitor", _org.System.Create(new Entity("competitor") { ["name"] = "Initech" })); // no signal names it
            _org.Setup.AssignRole(_sid, "CrmCollab Administrator");
            sid.Delete("competitor", _globex); // a CrmCollab Administrator may, when it must go
            Assert.Null(CompetitorOf(signal));
        }
    }
}
