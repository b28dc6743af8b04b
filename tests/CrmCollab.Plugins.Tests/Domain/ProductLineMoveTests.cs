using System;
using CrmCollab.Plugins.Domain.Feasibility;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>Which deals a product line's Update changes: both when it moves, its own when its terms change, none else.</summary>
    public class ProductLineMoveTests
    {
        private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid();

        [Fact]
        public void A_line_moved_to_another_deal_changes_the_products_of_both()
        {
            Assert.Equal(A, ProductLineMove.DealLeft(A, B));
            Assert.Equal(B, ProductLineMove.DealChanged(false, A, B));
            Assert.Equal(B, ProductLineMove.DealChanged(true, A, B));
        }

        [Fact]
        public void Sending_the_deal_the_line_already_belongs_to_changes_nothing_by_itself()
        {
            Assert.Null(ProductLineMove.DealLeft(A, A));
            Assert.Null(ProductLineMove.DealChanged(false, A, A));
        }

        [Fact]
        public void A_line_whose_terms_change_on_its_deal_changes_that_deal_only()
        {
            Assert.Null(ProductLineMove.DealLeft(A, A));
            Assert.Equal(A, ProductLineMove.DealChanged(true, A, A));
        }

        [Fact]
        public void Without_the_deal_before_the_change_the_deal_after_it_is_reopened_rather_than_missed()
        {
            Assert.Null(ProductLineMove.DealLeft(null, B));
            Assert.Equal(B, ProductLineMove.DealChanged(false, null, B));
        }
    }
}
