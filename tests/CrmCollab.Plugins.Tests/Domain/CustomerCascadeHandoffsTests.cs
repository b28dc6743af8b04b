using System;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>Which handoffs of a customer's deals go back to who held them after the customer's reassignment cascaded to them.</summary>
    public class CustomerCascadeHandoffsTests
    {
        private static readonly Guid Lena = Guid.NewGuid(), Sam = Guid.NewGuid(), Carl = Guid.NewGuid();

        [Fact]
        public void Routed_and_closed_handoffs_are_kept_an_unrouted_one_the_salesperson_held_follows_the_deal()
        {
            Assert.True(CustomerCascadeHandoffs.IsKept(open: true, unrouted: false, heldBy: Lena, dealOwner: Sam));
            Assert.True(CustomerCascadeHandoffs.IsKept(open: false, unrouted: false, heldBy: Lena, dealOwner: Sam));
            Assert.True(CustomerCascadeHandoffs.IsKept(open: true, unrouted: true, heldBy: Lena, dealOwner: Sam)); // at the desk, or with a colleague
            Assert.False(CustomerCascadeHandoffs.IsKept(open: true, unrouted: true, heldBy: Sam, dealOwner: Sam));
            Assert.True(CustomerCascadeHandoffs.IsKept(open: false, unrouted: true, heldBy: Sam, dealOwner: Sam)); // closed: who did it
        }

        [Fact]
        public void Only_what_the_cascade_gave_the_new_owner_goes_back()
        {
            Assert.True(CustomerCascadeHandoffs.GoesBack(heldBefore: Lena, heldNow: Carl, newOwner: Carl));
            Assert.False(CustomerCascadeHandoffs.GoesBack(heldBefore: Lena, heldNow: Lena, newOwner: Carl)); // a deal's own step put it back
            Assert.False(CustomerCascadeHandoffs.GoesBack(heldBefore: Carl, heldNow: Carl, newOwner: Carl)); // it was his
            Assert.False(CustomerCascadeHandoffs.GoesBack(heldBefore: Lena, heldNow: null, newOwner: Carl));
        }
    }
}
