using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A lead the field raised is credited to its signal's team when the deal that names it is won ("signals that became
    /// won deals", the raising function's scorecard). So only a deal for the signal's account names it, whatever the
    /// path: a rep cannot hang a signal's lead on a deal of another account to claim, or give, that credit.
    /// </summary>
    public class SignalAttributionScenarios
    {
        private static readonly string[] Touched = { "opportunity", "crmc_feasibilityreview" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _contoso, _fabrikam, _signalLead;

        public SignalAttributionScenarios()
        {
            _contoso = _org.Account("Contoso");
            _fabrikam = _org.Account("Fabrikam");
            Guid signal = _org.Signal(_contoso, SignalKind.Lead, _org.User("Alice ADV", "CrmCollab ADV"), "They plan a second line next year");
            _signalLead = _org.Row("crmc_fieldsignal", signal, "crmc_leadid").GetAttributeValue<EntityReference>("crmc_leadid").Id;
        }

        private static Entity NewDeal(Guid account, Guid? lead, Guid? id = null)
        {
            var deal = new Entity("opportunity", id ?? Guid.Empty)
            {
                ["name"] = "Second line",
                ["customerid"] = new EntityReference("account", account),
                ["estimatedvalue"] = new Money(80000m),
                ["crmc_discountpercent"] = 10m,
                ["crmc_paymentterms"] = new OptionSetValue(100000000),
                ["customerneed"] = "A second packaging line",
                ["decisionmaker"] = true,
                ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(45),
                ["budgetamount"] = new Money(80000m),
            };
            if (lead.HasValue) deal["originatingleadid"] = new EntityReference("lead", lead.Value);
            return deal;
        }

        private Guid? LeadOf(Guid deal) => _org.Row("opportunity", deal, "originatingleadid").GetAttributeValue<EntityReference>("originatingleadid")?.Id;

        [Fact]
        public void A_deal_for_the_signals_account_names_its_lead()
        {
            Guid deal = _org.As(_org.Rep).Create(NewDeal(_contoso, _signalLead));

            Assert.Equal(_signalLead, LeadOf(deal));
        }

        [Fact]
        public void A_deal_of_another_account_cannot_be_created_from_a_signals_lead_on_any_path()
        {
            IOrganizationService rep = _org.As(_org.Rep);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount, () => rep.Create(NewDeal(_fabrikam, _signalLead)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount,
                () => CrmCollabOrg.InExecuteMultiple(rep, new CreateRequest { Target = NewDeal(_fabrikam, _signalLead) }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount,
                () => CrmCollabOrg.InExecuteTransaction(rep, new CreateRequest { Target = NewDeal(_fabrikam, _signalLead) }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount, () => CrmCollabOrg.InUpsert(rep, NewDeal(_fabrikam, _signalLead, Guid.NewGuid())), Touched);
            _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount, () => _org.As(_org.Admin).Create(NewDeal(_fabrikam, _signalLead)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount, () => rep.Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new System.Collections.Generic.List<Entity> { NewDeal(_contoso, _signalLead), NewDeal(_fabrikam, _signalLead) })
                {
                    EntityName = "opportunity",
                },
            }), Touched);

            Assert.Equal("The originating lead of this deal was raised from a field signal on Contoso, and the signal's team is credited " +
                "when that deal is won: a deal names it only when it is for Contoso. Choose Contoso as the customer, or clear the " +
                "originating lead. [CRMC-DEAL-LEAD-OTHER-ACCOUNT]", refusal);
        }

        [Fact]
        public void A_signals_lead_is_not_hung_later_on_a_deal_of_another_account()
        {
            Guid deal = _org.As(_org.Rep).Create(NewDeal(_fabrikam, null));
            Entity claim = new Entity("opportunity", deal) { ["originatingleadid"] = new EntityReference("lead", _signalLead) };

            _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount, () => _org.As(_org.Rep).Update(claim), Touched);
            _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount, () => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Rep), new UpdateRequest { Target = claim }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount, () => CrmCollabOrg.InUpsert(_org.As(_org.Rep), claim), Touched);
            _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount, () => CrmCollabOrg.InUpdateMultiple(_org.As(_org.Admin), claim), Touched);

            Assert.Null(LeadOf(deal));
        }

        [Fact]
        public void A_deal_that_names_a_signals_lead_keeps_the_signals_account_unless_the_lead_is_cleared()
        {
            Guid deal = _org.As(_org.Rep).Create(NewDeal(_contoso, _signalLead));
            var move = new Entity("opportunity", deal) { ["customerid"] = new EntityReference("account", _fabrikam) };

            _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount, () => _org.As(_org.Rep).Update(move), Touched);
            _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount, () => CrmCollabOrg.InUpdateMultiple(_org.As(_org.Rep), move), Touched);

            move["originatingleadid"] = null; // the deal was never the signal's: the lead goes with the move
            _org.As(_org.Rep).Update(move);
            Assert.Null(LeadOf(deal));
            Assert.Equal(_fabrikam, _org.Row("opportunity", deal, "customerid").GetAttributeValue<EntityReference>("customerid").Id);
        }

        [Fact]
        public void A_deal_for_another_customer_does_not_name_a_signals_lead_by_pointing_its_account_field_at_the_signals_account()
        {
            // Fabrikam's deal (its handoffs go to Fabrikam's people) with its Account field set to Contoso, the signal's account.
            Entity create = NewDeal(_fabrikam, _signalLead);
            create["parentaccountid"] = new EntityReference("account", _contoso);
            _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount, () => _org.As(_org.Rep).Create(create), Touched);

            Guid deal = _org.As(_org.Rep).Create(NewDeal(_fabrikam, null));
            var claim = new Entity("opportunity", deal)
            {
                ["parentaccountid"] = new EntityReference("account", _contoso), ["originatingleadid"] = new EntityReference("lead", _signalLead),
            };
            _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount, () => _org.As(_org.Rep).Update(claim), Touched);
            _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount, () => CrmCollabOrg.InUpdateMultiple(_org.As(_org.Rep), claim), Touched);
            Assert.Null(LeadOf(deal));

            // Contoso's own deal names it, and so does a deal whose customer is a contact and whose Account is Contoso.
            Guid buyer = _org.As(_org.Rep).Create(new Entity("contact") { ["lastname"] = "Buyer", ["parentcustomerid"] = new EntityReference("account", _contoso) });
            Entity viaContact = NewDeal(_contoso, _signalLead);
            viaContact["customerid"] = new EntityReference("contact", buyer);
            viaContact["parentaccountid"] = new EntityReference("account", _contoso);
            Assert.Equal(_signalLead, LeadOf(_org.As(_org.Rep).Create(viaContact)));
        }

        [Fact]
        public void A_deal_of_another_account_that_got_a_signals_lead_where_no_check_ran_is_not_won_with_it()
        {
            // A path where the deal's own Create and Update steps are not certain to run: the lead qualified into a deal for
            // Fabrikam (QualifyLead's OpportunityCustomerId; no Microsoft page says it runs the opportunity's Create steps),
            // or a migration that bypasses custom logic. The credit is given when the deal is won: the win is checked.
            Guid deal = _org.As(_org.Rep).Create(NewDeal(_fabrikam, null));
            _org.System.Execute(new UpdateRequest
            {
                Target = new Entity("opportunity", deal) { ["originatingleadid"] = new EntityReference("lead", _signalLead) },
                ["BypassCustomPluginExecution"] = true,
            });

            string refusal = _org.RefusedNamingNoId(RefusalCodes.DealLeadOtherAccount, () => _org.Win(deal, drain: false),
                "opportunity", "opportunityclose", "task", "crmc_feasibilityreview");
            Assert.Contains("Choose Contoso as the customer, or clear the originating lead.", refusal);

            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["originatingleadid"] = null });
            _org.Win(deal, drain: false);
            Guid own = _org.As(_org.Rep).Create(NewDeal(_contoso, _signalLead));
            _org.Win(own, drain: false);
            Assert.Equal(1, _org.Row("opportunity", own, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void A_lead_no_signal_raised_is_named_on_any_deal()
        {
            // The rep's own lead: naming a lead on a deal takes Append To on it, and the salesperson's reaches the leads of
            // their business unit (one SYSTEM owns is out of their reach, as it is out of their sight).
            Guid ownLead = _org.As(_org.Rep).Create(new Entity("lead") { ["subject"] = "Met them at a fair", ["lastname"] = "Buyer" });

            Guid deal = _org.As(_org.Rep).Create(NewDeal(_fabrikam, ownLead));
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["customerid"] = new EntityReference("account", _contoso) });

            Assert.Equal(ownLead, LeadOf(deal));
        }
    }
}
