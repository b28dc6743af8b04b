using System;
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
    }
}
