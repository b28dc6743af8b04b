using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The ERP integration re-sends the deal's product line with its unit named by its name and its deal by the deal's
    /// ERP reference (alternate keys the organisation defined). Sent again as they are, they change no term of the
    /// products Lena approved: a won deal's line is accepted as it is and an open deal's products review stands. Before,
    /// the line guard read the references' empty ids as another unit (CRMC-PRODUCTS-LOCKED on the won deal) and as another
    /// deal (a platform fault reading "the deal it moves to"; the material-change step took it for a move off the deal).
    /// </summary>
    public class KeyedLineLookupScenarios
    {
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity", "opportunityproduct" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
        {
            var unitName = new Emulator.Metadata.AlternateKeyDefinition { LogicalName = "erp_unitname_key" };
            unitName.Columns.Add("name");
            solution.Catalog.Table("uom").Keys.Add(unitName);
            var dealReference = new Emulator.Metadata.AlternateKeyDefinition { LogicalName = "erp_dealname_key" };
            dealReference.Columns.Add("name");
            solution.Catalog.Table("opportunity").Keys.Add(dealReference);
        });
        private readonly Guid _lena, _deal, _line;

        public KeyedLineLookupScenarios()
        {
            Guid fiona;
            (_lena, fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _org.System.Update(new Entity("opportunity", _deal) { ["name"] = "ERP-77" });
            Guid pallet = _org.System.Create(new Entity("uom") { ["name"] = "Pallet" });
            _org.System.Create(new Entity("uom") { ["name"] = "Unit" });
            _line = _org.System.Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal), ["isproductoverridden"] = true,
                ["productdescription"] = "Extra spindle", ["uomid"] = new EntityReference("uom", pallet), ["quantity"] = 5m,
                ["priceperunit"] = new Money(100m),
            });
            _org.ApproveBothReviews(_lena, fiona, _deal);
        }

        private Entity Resent(string unit) => new Entity("opportunityproduct", _line)
        {
            ["opportunityid"] = new EntityReference("opportunity", "name", "ERP-77"),
            ["uomid"] = new EntityReference("uom", "name", unit), ["quantity"] = 5.00m, ["priceperunit"] = new Money(100.00m),
        };

        private int Logistics => _org.Review(_deal, BusinessFunction.Logistics).GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        [Fact]
        public void An_open_deals_line_re_sent_with_its_unit_and_deal_named_by_key_keeps_the_products_approval()
        {
            _org.As(_org.Rep).Update(Resent("Pallet"));

            Assert.Equal((int)ReviewDecision.Approved, Logistics);
            Assert.Equal((int)FeasibilityStatus.Cleared, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
        }

        [Fact]
        public void A_won_deals_line_re_sent_with_its_unit_named_by_key_is_accepted_and_another_unit_still_needs_an_amendment()
        {
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal);

            _org.As(_org.Rep).Update(Resent("Pallet"));

            _org.Refused(RefusalCodes.ProductsLocked, () => _org.As(_org.Rep).Update(Resent("Unit")), Touched);
            Assert.Equal((int)ReviewDecision.Approved, Logistics);
        }
    }
}
