using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Guards;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Whatever an administrator locks, a save sending only that column cannot change a won deal: every column
    /// crmc_LockedTermsColumns may name (and every column of a won deal's product lines the products lock names), sent
    /// alone with another value through Update and UpdateMultiple, leaves the deal as agreed. A column a lock names but
    /// its guard's step is not filtered on would never run the guard (as the line's unit once did).
    /// </summary>
    public class LockCoverageScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _deal, _line;
        private readonly Dictionary<string, object> _other;

        public LockCoverageScenarios()
        {
            Guid lena, fiona;
            (lena, fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _line = _org.System.Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal), ["isproductoverridden"] = true,
                ["productdescription"] = "Extra spindle", ["quantity"] = 5m, ["priceperunit"] = new Money(100m),
            });
            _org.ApproveBothReviews(lena, fiona, _deal);
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal);
            _org.SetVariable("crmc_LockedTermsColumns", string.Join(",", OpportunityColumnsWatched.Lockable));
            Guid contact = _org.System.Create(new Entity("contact") { ["lastname"] = "Other buyer" });
            Guid uom = _org.System.Create(new Entity("uom") { ["name"] = "Pallet of 10" });
            Guid priceList = _org.System.Create(new Entity("pricelevel") { ["name"] = "Friends and family" });
            Guid product = _org.System.Create(new Entity("product") { ["name"] = "Gearbox" });
            Guid currency = _org.System.Create(new Entity("transactioncurrency")
            {
                ["currencyname"] = "Swiss franc", ["isocurrencycode"] = "CHF", ["currencysymbol"] = "CHF", ["exchangerate"] = 0.9m, ["currencyprecision"] = 2,
            });
            var account = new EntityReference("account", _org.Account("Fabrikam"));
            DateTime day = CrmCollabOrg.Start.Date.AddDays(90);
            _other = new Dictionary<string, object>
            {
                // the deal
                ["name"] = "Another deal", ["customerid"] = account, ["parentaccountid"] = account,
                ["parentcontactid"] = new EntityReference("contact", contact), ["transactioncurrencyid"] = new EntityReference("transactioncurrency", currency),
                ["estimatedvalue"] = new Money(1m), ["estimatedclosedate"] = day, ["actualvalue"] = new Money(2m), ["actualclosedate"] = day,
                ["budgetamount"] = new Money(3m), ["totalamount"] = new Money(4m), ["salesstage"] = new OptionSetValue(SalesStage.Qualify),
                ["stepname"] = "1-Qualify", ["closeprobability"] = 7, ["customerneed"] = "Other need", ["customerpainpoints"] = "Other pain",
                ["currentsituation"] = "Other situation", ["proposedsolution"] = "Other solution", ["decisionmaker"] = false,
                ["purchasetimeframe"] = new OptionSetValue(4), ["purchaseprocess"] = new OptionSetValue(2), ["budgetstatus"] = new OptionSetValue(0),
                ["need"] = new OptionSetValue(3), ["opportunityratingcode"] = new OptionSetValue(3), ["prioritycode"] = new OptionSetValue(1),
                ["description"] = "Other description", ["crmc_discountpercent"] = 42m, ["crmc_requesteddelivery"] = day,
                ["crmc_paymentterms"] = "Cash on delivery", ["crmc_iscustomsolution"] = false,
                ["pricelevelid"] = new EntityReference("pricelevel", priceList), ["isrevenuesystemcalculated"] = true,
                // the line (prefixed: a line column may share its name with a deal's)
                ["line.productdescription"] = "Other product", ["line.productid"] = new EntityReference("product", product),
                ["line.uomid"] = new EntityReference("uom", uom), ["line.quantity"] = 50m, ["line.priceperunit"] = new Money(1m),
                ["line.manualdiscountamount"] = new Money(9m), ["line.description"] = "Other details", ["line.ispriceoverridden"] = true,
                ["line.tax"] = new Money(5m), ["line.lineitemnumber"] = 9, ["line.baseamount"] = new Money(6m), ["line.extendedamount"] = new Money(8m),
            };
        }

        public static IEnumerable<object[]> DealColumns() =>
            OpportunityColumnsWatched.Lockable.SelectMany(c => new[] { new object[] { "Update", c }, new object[] { "UpdateMultiple", c } });

        /// <summary>
        /// The line's columns a client may update (isproductoverridden is not: OpportunityProduct table reference), the
        /// catalogue product included.
        /// </summary>
        public static IEnumerable<object[]> LineColumns() =>
            LockedTerms.ProductLineColumns.Where(c => c != "isproductoverridden")
                .SelectMany(c => new[] { new object[] { "Update", c }, new object[] { "UpdateMultiple", c } });

        private static void Send(IOrganizationService service, string channel, Entity target)
        {
            if (channel == "Update") service.Update(target);
            else CrmCollabOrg.InUpdateMultiple(service, target);
        }

        [Theory]
        [MemberData(nameof(DealColumns))]
        public void A_won_deals_locked_column_sent_alone_is_refused(string channel, string column)
        {
            string refusal = _org.Refused(RefusalCodes.TermsLocked,
                () => Send(_org.As(_org.Rep), channel, new Entity("opportunity", _deal) { [column] = _other[column] }), "opportunity", "opportunityproduct");
            // The salesperson reads the column as the form labels it ("Actual Revenue"), never its logical name.
            Assert.DoesNotContain($"({column})", refusal);
        }

        [Theory]
        [MemberData(nameof(LineColumns))]
        public void A_won_deals_product_line_column_sent_alone_is_refused(string channel, string column)
        {
            _org.Refused(RefusalCodes.ProductsLocked,
                () => Send(_org.System, channel, new Entity("opportunityproduct", _line) { [column] = _other["line." + column] }), "opportunity", "opportunityproduct");
        }
    }
}
