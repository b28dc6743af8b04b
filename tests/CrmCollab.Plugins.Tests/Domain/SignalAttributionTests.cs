using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Signals;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class SignalAttributionTests
    {
        private static readonly Guid Contoso = Guid.NewGuid(), Fabrikam = Guid.NewGuid();

        [Fact]
        public void A_signals_lead_belongs_to_deals_of_the_signals_account_as_customer_or_parent_account()
        {
            Assert.Null(SignalAttribution.CheckOriginatingLead(Contoso, "Contoso", Contoso, null));
            Assert.Null(SignalAttribution.CheckOriginatingLead(Contoso, "Contoso", null, Contoso)); // a contact of Contoso as customer
            Assert.Null(SignalAttribution.CheckOriginatingLead(null, null, Fabrikam, null)); // no signal raised the lead

            Refusal refusal = SignalAttribution.CheckOriginatingLead(Contoso, "Contoso", Fabrikam, Fabrikam);
            Assert.Equal(RefusalCodes.DealLeadOtherAccount, refusal.Code);
            Assert.Contains("Choose Contoso as the customer, or clear the originating lead.", refusal.Message);
            Assert.Contains("another account", SignalAttribution.CheckOriginatingLead(Contoso, " ", null, null).Message);
        }

        [Fact]
        public void A_deal_for_another_customer_account_is_not_the_signals_because_its_account_field_names_the_signals_account()
        {
            Assert.Equal(RefusalCodes.DealLeadOtherAccount, SignalAttribution.CheckOriginatingLead(Contoso, "Contoso", Fabrikam, Contoso).Code);
            Assert.Null(SignalAttribution.CheckOriginatingLead(Contoso, "Contoso", Contoso, Fabrikam)); // Contoso's deal, whatever its Account field says
        }

        [Fact]
        public void A_lead_merge_keeps_a_signals_lead_and_gives_it_only_deals_of_the_signals_account()
        {
            bool read = false;
            IEnumerable<LeadDeal> Deals(params (string, Guid?, Guid?)[] deals) { read = true; return deals.Select(d => new LeadDeal(d.Item1, d.Item2, d.Item3)); }

            Assert.Null(SignalAttribution.CheckLeadMerge(null, null, null, () => Deals(("Fabrikam line", Fabrikam, null)))); // no signal's lead
            Assert.False(read);
            Refusal away = SignalAttribution.CheckLeadMerge("Contoso", null, null, () => Deals());
            Assert.Equal(RefusalCodes.SignalLeadMerge, away.Code);
            Assert.Contains("a field signal on Contoso", away.Message);
            Assert.Contains("another account", SignalAttribution.CheckLeadMerge("", Contoso, "Contoso", () => Deals()).Message);
            Assert.False(read); // the merged-away lead is a signal's: refused before any deal is read

            Assert.Null(SignalAttribution.CheckLeadMerge(null, Contoso, "Contoso", () => Deals(("Contoso line", Contoso, null), ("Via a contact", null, Contoso))));
            Refusal other = SignalAttribution.CheckLeadMerge(null, Contoso, "Contoso", () => Deals(("Contoso line", Contoso, null), ("Fabrikam line", Fabrikam, Contoso)));
            Assert.Equal(RefusalCodes.SignalLeadMerge, other.Code);
            Assert.StartsWith("The deal Fabrikam line names the lead you are merging away", other.Message);
            Assert.StartsWith("A deal names", SignalAttribution.CheckLeadMerge(null, Contoso, "Contoso", () => Deals((null, null, null))).Message);
        }
    }
}
