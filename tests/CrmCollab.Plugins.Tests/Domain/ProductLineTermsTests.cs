using System.Collections.Generic;
using CrmCollab.Plugins.Domain.Feasibility;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>A line's terms change only when a term sent has another value than before; re-sent terms change nothing.</summary>
    public class ProductLineTermsTests
    {
        private static readonly Dictionary<string, string> Stored = new Dictionary<string, string>
        {
            ["productdescription"] = "Extra spindle", ["quantity"] = "5", ["priceperunit"] = "100.00", ["manualdiscountamount"] = "",
        };

        private static string Before(string column) => Stored.TryGetValue(column, out string value) ? value : "";

        private static System.Func<string, string> After(string column, string value) =>
            c => c == column ? value : Before(c);

        [Fact]
        public void Terms_sent_again_with_the_values_they_had_change_nothing()
        {
            Assert.False(ProductLineTerms.Changed(new[] { "productdescription", "quantity", "priceperunit", "manualdiscountamount", "opportunityid" },
                Before, Before));
        }

        [Fact]
        public void A_term_with_a_new_value_is_a_change()
        {
            Assert.True(ProductLineTerms.Changed(new[] { "productdescription", "quantity" }, Before, After("quantity", "6")));
            Assert.True(ProductLineTerms.Changed(new[] { "manualdiscountamount" }, Before, After("manualdiscountamount", "20.00")));
        }

        [Fact]
        public void Columns_that_are_not_terms_change_nothing_even_when_their_value_changes()
        {
            Assert.False(ProductLineTerms.Changed(new[] { "lineitemnumber", "tax" }, Before, c => "changed"));
        }

        [Fact]
        public void The_lines_unit_and_its_manufacturing_details_are_terms()
        {
            Assert.True(ProductLineTerms.Changed(new[] { "uomid" }, Before, After("uomid", "pallet")));
            Assert.True(ProductLineTerms.Changed(new[] { "description" }, Before, After("description", "Titanium housing")));
        }

        [Fact]
        public void A_term_changed_by_another_step_but_not_sent_by_this_update_is_not_this_updates_change()
        {
            Assert.False(ProductLineTerms.Changed(new[] { "productdescription" }, Before, After("quantity", "6")));
        }

        [Fact]
        public void Without_the_values_before_the_update_any_term_sent_is_a_change_rather_than_a_missed_one()
        {
            Assert.True(ProductLineTerms.Changed(new[] { "quantity" }, null, Before));
            Assert.False(ProductLineTerms.Changed(new[] { "opportunityid" }, null, Before));
        }

        [Fact]
        public void A_save_of_what_prices_the_line_changes_its_terms_when_the_price_the_platform_sets_is_another()
        {
            // Put back on the list price (Use Default): the save sends no price, the platform sets the list's.
            Assert.True(ProductLineTerms.Changed(new[] { "ispriceoverridden" }, Before, After("priceperunit", "150.00")));
            Assert.True(ProductLineTerms.Changed(new[] { "opportunityid" }, Before, After("priceperunit", "150.00")));
            Assert.False(ProductLineTerms.Changed(new[] { "ispriceoverridden", "productid" }, Before, Before));
            Assert.True(ProductLineTerms.Changed(new[] { "ispriceoverridden" }, null, Before));
        }

        [Fact]
        public void A_line_changed_with_its_deals_stage_in_one_save_is_refused_and_one_left_alone_never_asks()
        {
            Assert.Equal(CrmCollab.Plugins.Domain.RefusalCodes.ProductsWithStageMove, ProductsWithStageMove.Check(true, () => true).Code);
            Assert.Null(ProductsWithStageMove.Check(true, () => false));
            Assert.Null(ProductsWithStageMove.Check(false, () => throw new System.InvalidOperationException("A line that does not change is never asked about its save.")));
        }

        [Theory]
        [InlineData(true, false, true)]    // recorded by the deal's own step: a move forward
        [InlineData(false, true, false)]   // recorded: the stage re-sent as it was, or moved back
        [InlineData(null, true, true)]     // no record: a save sending the stage counts as a move
        [InlineData(null, false, false)]
        public void A_lines_deal_save_moves_the_stage_as_its_own_step_recorded_else_when_it_sends_the_stage(bool? recorded, bool sendsTheStage, bool moves)
        {
            Assert.Equal(moves, ProductsWithStageMove.MovesTheStage(recorded, sendsTheStage));
        }
    }
}
