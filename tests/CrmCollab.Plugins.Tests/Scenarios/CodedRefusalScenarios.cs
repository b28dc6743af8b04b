using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Amendments and field signals sent incomplete or already decided, by a form, an import or an integration: each is
    /// refused with its stable code and a sentence that says what to do, and nothing is written.
    /// </summary>
    public class CodedRefusalScenarios
    {
        private static readonly string[] AmendmentTables = { "crmc_amendment", "opportunity", "task" };
        private static readonly string[] SignalTables = { "crmc_fieldsignal", "lead", "account" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _account, _won, _open;

        public CodedRefusalScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            _account = _org.Account("Contoso");
            _org.DedicatedOwner(_account, BusinessFunction.Adv, user: _alice);
            _won = _org.Deal(_account, discount: 10m);
            _org.Win(_won);
            _open = _org.Deal(_account, "Second line", discount: 12m);
        }

        private Entity NewAmendment(Guid? deal, AmendmentState? state = null, string reason = "Customer asked for a bigger discount")
        {
            var amendment = new Entity("crmc_amendment") { ["crmc_reason"] = reason, ["crmc_newdiscountpercent"] = 7m };
            if (deal.HasValue) amendment["crmc_opportunityid"] = new EntityReference("opportunity", deal.Value);
            if (state.HasValue) amendment["crmc_state"] = new OptionSetValue((int)state.Value);
            return amendment;
        }


        [Fact]
        public void An_amendment_cannot_arrive_already_approved_applied_or_rejected_whatever_the_channel()
        {
            IOrganizationService rep = _org.As(_org.Rep);

            string approved = _org.RefusedNamingNoId(RefusalCodes.AmendmentCreatedDecided, () => rep.Create(NewAmendment(_won, AmendmentState.Approved)), AmendmentTables);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentCreatedDecided, () => CrmCollabOrg.InExecuteMultiple(rep, new CreateRequest
            {
                Target = NewAmendment(_won, AmendmentState.Applied),
            }), AmendmentTables);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentCreatedDecided, () => CrmCollabOrg.InExecuteTransaction(_org.As(_org.Admin), new CreateRequest
            {
                Target = NewAmendment(_won, AmendmentState.Rejected),
            }), AmendmentTables);

            Assert.Equal("A new amendment cannot be saved as Approved: save it as Draft or Submitted, then the deal's finance reviewer " +
                "or a CrmCollab Administrator approves or rejects it. [CRMC-AMENDMENT-CREATED-DECIDED]", approved);
            Assert.Equal(10m, _org.Row("opportunity", _won, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent"));
            rep.Create(NewAmendment(_won, AmendmentState.Submitted)); // the way in: submitted, then decided by an approver
        }

        [Fact]
        public void An_amendment_names_a_won_deal_and_gives_its_reason()
        {
            IOrganizationService rep = _org.As(_org.Rep);

            string noDeal = _org.RefusedNamingNoId(RefusalCodes.AmendmentNoDeal, () => rep.Create(NewAmendment(null)), AmendmentTables);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentNoDeal, () => CrmCollabOrg.InExecuteMultiple(rep, new CreateRequest { Target = NewAmendment(null) }), AmendmentTables);
            string notWon = _org.RefusedNamingNoId(RefusalCodes.AmendmentDealNotWon, () => rep.Create(NewAmendment(_open)), AmendmentTables);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentDealNotWon, () => CrmCollabOrg.InExecuteTransaction(rep, new CreateRequest { Target = NewAmendment(_open) }), AmendmentTables);
            string noReason = _org.RefusedNamingNoId(RefusalCodes.AmendmentContent, () => rep.Create(NewAmendment(_won, reason: " ")), AmendmentTables);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentContent, () => CrmCollabOrg.InExecuteMultiple(rep, new CreateRequest { Target = NewAmendment(_won, reason: null) }), AmendmentTables);

            Assert.StartsWith("Choose the won opportunity whose agreed terms this amendment changes", noDeal);
            Assert.Equal(AmendmentRules.DealNotWon + " [CRMC-AMENDMENT-DEAL-NOT-WON]", notWon);
            Assert.StartsWith("Give the reason for this amendment", noReason);
        }

        [Fact]
        public void A_new_amendment_cannot_carry_its_own_approval_stamps()
        {
            Entity stamped = NewAmendment(_won);
            stamped["crmc_approvedby"] = new EntityReference("systemuser", _org.Rep);
            stamped["crmc_approvedon"] = CrmCollabOrg.Start;

            string refusal = _org.RefusedNamingNoId(RefusalCodes.AmendmentStamps, () => _org.As(_org.Rep).Create(stamped), AmendmentTables);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentStamps, () => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Admin), new CreateRequest { Target = stamped }), AmendmentTables);

            Assert.Equal(AmendmentRules.StampRefusal + " [CRMC-AMENDMENT-SERVER-COLUMN]", refusal);
        }

        [Fact]
        public void An_incomplete_field_signal_says_what_is_missing_and_reaches_nobody()
        {
            IOrganizationService alice = _org.As(_alice);
            var noAccount = new Entity("crmc_fieldsignal")
            {
                ["crmc_kind"] = new OptionSetValue((int)SignalKind.ChurnRisk), ["crmc_description"] = "They are talking to a competitor",
            };
            var noKind = new Entity("crmc_fieldsignal")
            {
                ["crmc_accountid"] = new EntityReference("account", _account), ["crmc_description"] = "Heard at the plant",
            };

            string account = _org.RefusedNamingNoId(RefusalCodes.SignalIncomplete, () => alice.Create(noAccount), SignalTables);
            _org.RefusedNamingNoId(RefusalCodes.SignalIncomplete, () => CrmCollabOrg.InExecuteMultiple(alice, new CreateRequest { Target = noAccount }), SignalTables);
            string kind = _org.RefusedNamingNoId(RefusalCodes.SignalIncomplete, () => CrmCollabOrg.InExecuteTransaction(alice, new CreateRequest { Target = noKind }), SignalTables);
            string description = _org.RefusedNamingNoId(RefusalCodes.SignalIncomplete, () => _org.Signal(_account, SignalKind.Lead, _alice, " "), SignalTables);
            string competitor = _org.RefusedNamingNoId(RefusalCodes.SignalIncomplete, () => _org.Signal(_account, SignalKind.CompetitorPresence, _alice), SignalTables);

            Assert.Equal("Choose the account this signal is about: it goes to that account's salesperson. [CRMC-SIGNAL-INCOMPLETE]", account);
            Assert.StartsWith("Choose what kind of signal this is", kind);
            Assert.StartsWith("Describe what you saw or heard", description);
            Assert.StartsWith("Name the competitor you saw on this account.", competitor);
        }
    }
}
