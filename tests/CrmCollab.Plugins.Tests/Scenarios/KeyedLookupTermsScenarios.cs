using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An ERP integration names the deal's currency by its ISO code and its account by the account number (alternate keys
    /// the organisation defined), and sends them with every save of the deal. Sent again as they are, with the move to
    /// Propose that Lena's and Fiona's approvals clear, they change no term and move the deal to no other account: the
    /// move goes through. Before, the gate read the reference's empty id as another row: the account "moved" (every
    /// approval counted as re-opened) and the currency's rate was read for no row (the save failed with a platform fault).
    /// </summary>
    public class KeyedLookupTermsScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
        {
            var isoCode = new Emulator.Metadata.AlternateKeyDefinition { LogicalName = "erp_isocode_key" };
            isoCode.Columns.Add("isocurrencycode");
            solution.Catalog.Table("transactioncurrency").Keys.Add(isoCode);
            var accountNumber = new Emulator.Metadata.AlternateKeyDefinition { LogicalName = "erp_accountnumber_key" };
            accountNumber.Columns.Add("accountnumber");
            solution.Catalog.Table("account").Keys.Add(accountNumber);
        });
        private readonly Guid _lena, _fiona, _deal;
        private static readonly EntityReference Dollar = new EntityReference("transactioncurrency", "isocurrencycode", "USD");
        private static readonly EntityReference Pound = new EntityReference("transactioncurrency", "isocurrencycode", "GBP");

        public KeyedLookupTermsScenarios()
        {
            Guid account;
            (_lena, _fiona, account, _deal) = _org.CustomDealAwaitingReviews();
            Currency("US Dollar", "USD", 1.10m);
            Currency("Pound Sterling", "GBP", 0.85m);
            _org.System.Update(new Entity("account", account) { ["accountnumber"] = "ERP-1001" });
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["transactioncurrencyid"] = Dollar });
            _org.ApproveBothReviews(_lena, _fiona, _deal);
        }

        private void Currency(string name, string code, decimal rate) =>
            _org.System.Create(new Entity("transactioncurrency")
            {
                ["currencyname"] = name, ["isocurrencycode"] = code, ["currencysymbol"] = code, ["exchangerate"] = rate,
            });

        private void MoveToProposeSending(string column, EntityReference value) =>
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { [column] = value, ["salesstage"] = new OptionSetValue(SalesStage.Propose) });

        private int Stage => _org.DealState(_deal).GetAttributeValue<OptionSetValue>("salesstage").Value;

        private int Decision(BusinessFunction function) => _org.Review(_deal, function).GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        [Fact]
        public void A_move_to_propose_that_sends_the_deals_currency_again_by_its_iso_code_goes_through_on_the_approvals()
        {
            MoveToProposeSending("transactioncurrencyid", Dollar);

            Assert.Equal(SalesStage.Propose, Stage);
            Assert.Equal((int)ReviewDecision.Approved, Decision(BusinessFunction.Finance));
            Assert.Equal((int)ReviewDecision.Approved, Decision(BusinessFunction.Logistics));
        }

        [Fact]
        public void A_move_to_propose_that_sends_the_deals_account_again_by_its_number_goes_through_on_the_approvals()
        {
            MoveToProposeSending("customerid", new EntityReference("account", "accountnumber", "ERP-1001"));

            Assert.Equal(SalesStage.Propose, Stage);
            Assert.Equal((int)ReviewDecision.Approved, Decision(BusinessFunction.Finance));
            Assert.Equal((int)ReviewDecision.Approved, Decision(BusinessFunction.Logistics));
        }

        [Fact]
        public void Another_currency_named_by_its_iso_code_with_the_move_still_holds_it_for_finance()
        {
            string refusal = _org.Refused(RefusalCodes.GateNotCleared, () => MoveToProposeSending("transactioncurrencyid", Pound),
                new[] { "crmc_feasibilityreview", "opportunity" });

            Assert.Contains("This save also changes terms that Finance approved", refusal);
            Assert.DoesNotContain("Logistics", refusal);
            Assert.Equal(SalesStage.Develop, Stage);
        }
    }
}
