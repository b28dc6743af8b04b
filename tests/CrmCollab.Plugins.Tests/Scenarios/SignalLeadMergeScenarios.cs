using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Sally (SAV) raised a lead on Contoso; CrmCollab made it a lead for Sam. Sam also keeps his own leads, one of them
    /// for Fabrikam, already the originating lead of Fabrikam's deal. A merge of two leads moves the merged-away lead's
    /// field signals and deals to the lead that stays, so it could give Contoso's signal a lead Fabrikam's deal names (the
    /// deal is then refused its win: a deal names a signal's lead only when it is for the signal's account), or hang
    /// Fabrikam's deal on Contoso's signal lead. The signal's lead stays the lead that stays, and takes no deal of another
    /// account; a true duplicate of it is merged into it.
    /// </summary>
    public class SignalLeadMergeScenarios
    {
        private static readonly string[] Touched = { "lead", "crmc_fieldsignal", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _contoso, _fabrikam, _signal, _signalLead, _fairLead, _fabrikamDeal;

        public SignalLeadMergeScenarios()
        {
            _contoso = _org.Account("Contoso");
            _fabrikam = _org.Account("Fabrikam");
            _signal = _org.Signal(_contoso, SignalKind.Lead, _org.User("Sally SAV", "CrmCollab SAV"), "They plan a second line next year");
            _signalLead = LeadOfSignal();
            _fairLead = _org.As(_org.Rep).Create(new Entity("lead")
            {
                ["subject"] = "Met them at a fair", ["lastname"] = "Buyer", ["parentaccountid"] = new EntityReference("account", _fabrikam),
            });
            _fabrikamDeal = _org.Deal(_fabrikam, "Fabrikam second line");
            _org.As(_org.Rep).Update(new Entity("opportunity", _fabrikamDeal) { ["originatingleadid"] = new EntityReference("lead", _fairLead) });
        }

        private Guid LeadOfSignal() => _org.Row("crmc_fieldsignal", _signal, "crmc_leadid").GetAttributeValue<EntityReference>("crmc_leadid").Id;

        private Guid? LeadOfDeal(Guid deal) =>
            _org.Row("opportunity", deal, "originatingleadid").GetAttributeValue<EntityReference>("originatingleadid")?.Id;

        private static MergeRequest Merge(Guid kept, Guid mergedAway) => new MergeRequest
        {
            Target = new EntityReference("lead", kept), SubordinateId = mergedAway, UpdateContent = new Entity("lead"), PerformParentingChecks = false,
        };

        [Fact]
        public void A_signals_lead_is_not_merged_away_into_another_lead_whatever_the_path()
        {
            IOrganizationService sam = _org.As(_org.Rep);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SignalLeadMerge, () => sam.Execute(Merge(_fairLead, _signalLead)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalLeadMerge, () => CrmCollabOrg.InExecuteMultiple(sam, Merge(_fairLead, _signalLead)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalLeadMerge, () => CrmCollabOrg.InExecuteTransaction(sam, Merge(_fairLead, _signalLead)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalLeadMerge, () => _org.As(_org.Admin).Execute(Merge(_fairLead, _signalLead)), Touched);

            Assert.Equal("The lead you are merging away was raised from a field signal on Contoso, and the signal's team is credited for " +
                "the deals that lead brings, so it stays the lead: merge the other lead into it (choose it as the record that stays). " +
                "If both leads were raised from field signals, keep both and disqualify the one not needed. [CRMC-SIGNAL-LEAD-MERGE]", refusal);
            Assert.Equal(_signalLead, LeadOfSignal());
            _org.Win(_fabrikamDeal, drain: false); // Fabrikam's deal keeps its own lead, and is won
        }

        [Fact]
        public void A_lead_merged_into_a_signals_lead_brings_no_deal_of_another_account_with_it()
        {
            IOrganizationService sam = _org.As(_org.Rep);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.SignalLeadMerge, () => sam.Execute(Merge(_signalLead, _fairLead)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalLeadMerge, () => CrmCollabOrg.InExecuteMultiple(sam, Merge(_signalLead, _fairLead)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.SignalLeadMerge, () => _org.As(_org.Admin).Execute(Merge(_signalLead, _fairLead)), Touched);

            Assert.Equal("The deal Fabrikam second line names the lead you are merging away as its originating lead, and the merge would " +
                "give it this lead, raised from a field signal on Contoso: a deal names a signal's lead only when it is for Contoso. " +
                "Clear that deal's originating lead, or choose Contoso as its customer, then merge again. [CRMC-SIGNAL-LEAD-MERGE]", refusal);
            Assert.Equal(_fairLead, LeadOfDeal(_fabrikamDeal));
            _org.Win(_fabrikamDeal, drain: false);
        }

        [Fact]
        public void A_duplicate_of_a_signals_lead_is_merged_into_it_with_the_accounts_deal()
        {
            // Sam's own lead for the same second line at Contoso, already on a Contoso deal: a true duplicate.
            Guid duplicate = _org.As(_org.Rep).Create(new Entity("lead")
            {
                ["subject"] = "Second line", ["lastname"] = "Buyer", ["parentaccountid"] = new EntityReference("account", _contoso),
            });
            Guid contosoDeal = _org.Deal(_contoso, "Contoso second line");
            _org.As(_org.Rep).Update(new Entity("opportunity", contosoDeal) { ["originatingleadid"] = new EntityReference("lead", duplicate) });

            _org.As(_org.Rep).Execute(Merge(_signalLead, duplicate));

            Assert.Equal(_signalLead, LeadOfSignal());
            Assert.NotEqual(_fairLead, LeadOfDeal(contosoDeal));
            _org.Win(contosoDeal, drain: false);
            // Two leads no signal raised are merged as before.
            Guid other = _org.As(_org.Rep).Create(new Entity("lead") { ["subject"] = "Fair, again", ["lastname"] = "Buyer" });
            _org.As(_org.Rep).Execute(Merge(_fairLead, other));
        }
    }
}
