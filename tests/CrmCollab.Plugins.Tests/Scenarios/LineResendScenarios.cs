using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Integrations re-save a deal's product lines as they are, often with every column and numbers at another scale
    /// (5.00 for 5). That is no change of the products: the approved logistics review stays approved and the deal stays
    /// cleared. A real change of the line still re-opens the review, whatever channel sends it.
    /// </summary>
    public class LineResendScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _deal, _line;

        public LineResendScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _line = _org.System.Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal), ["isproductoverridden"] = true,
                ["productdescription"] = "Extra spindle", ["quantity"] = 5m, ["priceperunit"] = new Money(100m),
                ["manualdiscountamount"] = new Money(20m),
            });
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
        }

        private int Logistics => _org.Review(_deal, BusinessFunction.Logistics).GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        private int Status => _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value;

        /// <summary>The line as an integration re-sends it: every term, the same values, numbers at two decimals.</summary>
        private Entity Resent() => new Entity("opportunityproduct", _line)
        {
            ["opportunityid"] = new EntityReference("opportunity", _deal),
            ["productdescription"] = "Extra spindle", ["quantity"] = 5.00m, ["priceperunit"] = new Money(100.00m),
            ["manualdiscountamount"] = new Money(20.00m),
        };

        private static void Send(IOrganizationService service, string channel, Entity target)
        {
            if (channel == "Update") service.Update(target);
            else if (channel == "ExecuteMultiple") CrmCollabOrg.InExecuteMultiple(service, new UpdateRequest { Target = target });
            else if (channel == "ExecuteTransaction") CrmCollabOrg.InExecuteTransaction(service, new UpdateRequest { Target = target });
            else if (channel == "UpdateMultiple") CrmCollabOrg.InUpdateMultiple(service, target);
            else CrmCollabOrg.InUpsert(service, target);
        }

        [Theory]
        [InlineData("Update")]
        [InlineData("ExecuteMultiple")]
        [InlineData("Upsert")]
        [InlineData("ExecuteTransaction")]
        [InlineData("UpdateMultiple")]
        public void Re_saving_a_line_with_its_unchanged_terms_keeps_the_approved_review_and_the_deal_cleared(string channel)
        {
            Assert.Equal((int)FeasibilityStatus.Cleared, Status);

            Send(_org.System, channel, Resent());

            Assert.All(_org.Reviews(_deal).Entities, r => Assert.Equal((int)ReviewDecision.Approved, r.GetAttributeValue<OptionSetValue>("crmc_decision").Value));
            Assert.Equal((int)FeasibilityStatus.Cleared, Status);
            _org.MoveTo(_deal, SalesStage.Propose);
        }

        [Theory]
        [InlineData("Update")]
        [InlineData("ExecuteMultiple")]
        [InlineData("Upsert")]
        [InlineData("ExecuteTransaction")]
        [InlineData("UpdateMultiple")]
        public void Re_saving_a_line_with_a_new_quantity_reopens_the_products_review_only(string channel)
        {
            Entity changed = Resent();
            changed["quantity"] = 6m;

            Send(_org.System, channel, changed);

            Assert.Equal((int)ReviewDecision.Pending, Logistics);
            Assert.Contains(_org.Reviews(_deal).Entities, r => r.GetAttributeValue<OptionSetValue>("crmc_decision").Value == (int)ReviewDecision.Invalidated);
            Assert.Equal((int)ReviewDecision.Approved, _org.Review(_deal, BusinessFunction.Finance).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Equal((int)FeasibilityStatus.Pending, Status);
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose))));
        }

        [Fact]
        public void Clearing_a_lines_manual_discount_is_a_change_of_the_products()
        {
            _org.System.Update(new Entity("opportunityproduct", _line) { ["manualdiscountamount"] = null });

            Assert.Equal((int)ReviewDecision.Pending, Logistics);
        }
    
        [Theory]
        [InlineData("Update")]
        [InlineData("ExecuteMultiple")]
        [InlineData("Upsert")]
        [InlineData("UpdateMultiple")]
        public void A_won_deals_line_re_saved_unchanged_is_accepted_and_a_real_change_still_needs_an_amendment(string channel)
        {
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);
            string reviews = _org.Tables("crmc_feasibilityreview", "crmc_amendment", "task");

            Send(_org.System, channel, Resent()); // as the integration re-saving every line does

            Assert.Equal(reviews, _org.Tables("crmc_feasibilityreview", "crmc_amendment", "task"));
            Assert.Equal(5m, _org.Row("opportunityproduct", _line, "quantity").GetAttributeValue<decimal>("quantity"));
            Entity changed = Resent();
            changed["quantity"] = 6m;
            _org.Refused(RefusalCodes.ProductsLocked, () => Send(_org.System, channel, changed), TableSnapshot.DealTables);
        }

        /// <summary>
        /// An integration re-sending every column of a won deal's line also sends "Use Default" pricing
        /// (ispriceoverridden false), the value the line has had since it was added without it (DefaultValue False,
        /// opportunityproduct table reference). That is no change of the agreed products.
        /// </summary>
        [Theory]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        public void A_won_deals_line_re_saved_with_its_default_pricing_flag_is_accepted(string channel)
        {
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);
            string reviews = _org.Tables("crmc_feasibilityreview", "crmc_amendment", "task");
            Entity resent = Resent();
            resent["ispriceoverridden"] = false;

            Send(_org.System, channel, resent);

            Assert.Equal(reviews, _org.Tables("crmc_feasibilityreview", "crmc_amendment", "task"));
        }

        /// <summary>
        /// 5 pallets are not 5 units: the line's unit is one of its terms (the review of the products re-opens on it), so on a
        /// won deal it changes only through an amendment, like its quantity. Before, the products guard did not watch the
        /// unit and a save sending only it went through.
        /// </summary>
        [Theory]
        [InlineData("Update")]
        [InlineData("ExecuteMultiple")]
        [InlineData("Upsert")]
        [InlineData("UpdateMultiple")]
        public void A_won_deals_line_cannot_be_moved_to_another_unit_without_an_amendment(string channel)
        {
            var each = new EntityReference("uom", _org.System.Create(new Entity("uom") { ["name"] = "Each" }));
            var pallet = new EntityReference("uom", _org.System.Create(new Entity("uom") { ["name"] = "Pallet of 10" }));
            _org.System.Update(new Entity("opportunityproduct", _line) { ["uomid"] = each });
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);

            Send(_org.System, channel, new Entity("opportunityproduct", _line) { ["uomid"] = each }); // the same unit, sent again
            _org.Refused(RefusalCodes.ProductsLocked,
                () => Send(_org.System, channel, new Entity("opportunityproduct", _line) { ["uomid"] = pallet }), TableSnapshot.DealTables);
            Assert.Equal(each.Id, _org.Row("opportunityproduct", _line, "uomid").GetAttributeValue<EntityReference>("uomid").Id);
        }

        /// <summary>
        /// A won deal's line totals (Amount and Extended Amount, which Dataverse lets a client update: OpportunityProduct table
        /// reference) are its agreed products too: 500 due does not become 50 without an amendment. Before, the products guard
        /// did not watch them and a save sending only one of them went through.
        /// </summary>
        [Theory]
        [InlineData("Update", "extendedamount")]
        [InlineData("UpdateMultiple", "extendedamount")]
        [InlineData("ExecuteMultiple", "extendedamount")]
        [InlineData("Update", "baseamount")]
        [InlineData("UpdateMultiple", "baseamount")]
        public void A_won_deals_line_total_cannot_be_changed_without_an_amendment(string channel, string column)
        {
            _org.System.Update(new Entity("opportunityproduct", _line) { [column] = new Money(480m) });
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);

            Send(_org.System, channel, new Entity("opportunityproduct", _line) { [column] = new Money(480.00m) }); // the same total, sent again
            _org.Refused(RefusalCodes.ProductsLocked,
                () => Send(_org.System, channel, new Entity("opportunityproduct", _line) { [column] = new Money(48m) }), TableSnapshot.DealTables);
            Assert.Equal(480m, _org.Row("opportunityproduct", _line, column).GetAttributeValue<Money>(column).Value);
        }
    }
}
