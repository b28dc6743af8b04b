using System;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class UnroutedHoldingTests
    {
        private static readonly Principal Sam = new Principal(PrincipalKind.User, Guid.NewGuid(), "Sam Sales");
        private static readonly Principal SamWhoLeft = new Principal(PrincipalKind.User, Sam.Id, "Sam Sales", isDisabled: true);
        private static readonly Principal Desk = new Principal(PrincipalKind.Queue, Guid.NewGuid(), "CrmCollab Unrouted");

        private static OwnerResolution Nobody() =>
            new OwnerResolution(BusinessFunction.Logistics, null, "Logistics: no dedicated owner and no routing rule for account Northwind; no unrouted queue configured", true);

        [Fact]
        public void Work_nobody_was_routed_to_is_held_by_the_salesperson_unless_they_left()
        {
            OwnerResolution held = UnroutedHolding.Hold(Nobody(), () => Sam, "the deal's owner");
            Assert.Same(Sam, held.Owner);
            Assert.True(held.IsUnrouted);
            Assert.Equal(Nobody().RoutingPath, held.RoutingPath);

            OwnerResolution passedOver = UnroutedHolding.Hold(Nobody(), () => SamWhoLeft, "the deal's owner");
            Assert.Null(passedOver.Owner);
            Assert.True(passedOver.IsUnrouted);
            Assert.EndsWith("; the deal's owner (user Sam Sales) passed over: user Sam Sales is disabled; held by CrmCollab until an owner is set",
                passedOver.RoutingPath);
        }

        [Fact]
        public void A_leavers_work_nobody_can_take_says_it_stays_with_them_until_an_administrator_acts()
        {
            OwnerResolution passedOver = UnroutedHolding.Hold(Nobody(), () => SamWhoLeft, "the deal's owner", UnroutedHolding.LeftWithDisabledOwner);
            Assert.Null(passedOver.Owner);
            Assert.True(passedOver.IsUnrouted);
            Assert.EndsWith("passed over: user Sam Sales is disabled; nobody can take it: it stays with its disabled owner until an administrator " +
                "sets the account's dedicated owner or hands the deal to a colleague", passedOver.RoutingPath);
        }

        [Fact]
        public void Work_routed_to_someone_or_to_the_desk_never_asks_for_the_salesperson()
        {
            var toDesk = new OwnerResolution(BusinessFunction.Logistics, Desk, "→ unrouted, queue CrmCollab Unrouted", true);
            Assert.Same(toDesk, UnroutedHolding.Hold(toDesk, () => throw new InvalidOperationException("not asked"), "the deal's owner"));
            Assert.Null(UnroutedHolding.Hold(Nobody(), () => null, "the deal's owner").Owner);
        }

        [Fact]
        public void A_leavers_review_of_a_deal_without_an_account_names_giving_the_deal_an_account_not_a_dedicated_owner()
        {
            OwnerResolution left = UnroutedHolding.NobodyNoted(UnroutedHolding.NoAccount(BusinessFunction.Logistics, null), "Lena Logistics",
                UnroutedHolding.ReviewWithoutAccount(UnroutedHolding.ReviewLeftWithDisabledOwner));
            Assert.Null(left.Owner);
            Assert.True(left.IsUnrouted);
            Assert.Equal("Logistics: the deal has no account to route by; no unrouted queue configured; Lena Logistics is disabled and nobody " +
                "can take it: it stays with its disabled owner until the deal is given an account", left.RoutingPath);

            // Back from leave, she holds it: the path no longer calls her disabled.
            OwnerResolution back = UnroutedHolding.NobodyNoted(UnroutedHolding.NoAccount(BusinessFunction.Logistics, null), "Lena Logistics",
                UnroutedHolding.ReviewWithoutAccount(UnroutedHolding.ReviewLeftWithItsOwner));
            Assert.Equal("Logistics: the deal has no account to route by; no unrouted queue configured; nobody else can take it: it stays " +
                "with its owner until the deal is given an account", back.RoutingPath);
        }

        [Fact]
        public void A_routing_that_names_someone_is_not_noted_as_left_with_a_leaver()
        {
            var toDesk = new OwnerResolution(BusinessFunction.Logistics, Desk, "→ unrouted, queue CrmCollab Unrouted", true);
            Assert.Same(toDesk, UnroutedHolding.NobodyNoted(toDesk, "Lena Logistics", UnroutedHolding.ReviewLeftWithDisabledOwner));
            Assert.EndsWith("; its owner is disabled and " + UnroutedHolding.ReviewLeftWithDisabledOwner,
                UnroutedHolding.NobodyNoted(Nobody(), null, UnroutedHolding.ReviewLeftWithDisabledOwner).RoutingPath);
        }

        [Fact]
        public void Work_of_a_deal_without_an_account_goes_to_the_unrouted_desk_like_any_work_nobody_was_found_for()
        {
            OwnerResolution toDesk = UnroutedHolding.NoAccount(BusinessFunction.Logistics, Desk);
            Assert.Same(Desk, toDesk.Owner);
            Assert.True(toDesk.IsUnrouted);
            Assert.Equal("Logistics: the deal has no account to route by → unrouted, queue CrmCollab Unrouted", toDesk.RoutingPath);
            Assert.Same(toDesk, UnroutedHolding.Hold(toDesk, () => throw new InvalidOperationException("not asked"), "the deal's owner"));

            // A desk nobody can work through (its owner left), or one the deal's salesperson owns (a review), is passed over.
            var deskOfALeaver = new Principal(PrincipalKind.Queue, Desk.Id, "CrmCollab Unrouted", holder: SamWhoLeft);
            OwnerResolution passedOver = UnroutedHolding.NoAccount(BusinessFunction.Logistics, deskOfALeaver);
            Assert.Null(passedOver.Owner);
            Assert.True(passedOver.PassedOverDisabled);
            var deskOfTheSalesperson = new Principal(PrincipalKind.Queue, Desk.Id, "CrmCollab Unrouted", holder: Sam);
            OwnerResolution review = UnroutedHolding.NoAccount(BusinessFunction.Finance, deskOfTheSalesperson, new DealOwnership(new[] { Sam.Id }, new Guid[0]));
            Assert.Null(review.Owner);
            Assert.Contains("owns or has owned this deal", review.RoutingPath);
        }

        [Fact]
        public void The_desk_holds_what_its_queue_owner_owns_and_nothing_of_anyone_else()
        {
            var desk = new Principal(PrincipalKind.Queue, Guid.NewGuid(), "CrmCollab Unrouted", holder: Sam);
            Assert.True(desk.Holds(Sam.Id));
            Assert.True(desk.Holds(desk.Id));
            Assert.False(desk.Holds(Guid.NewGuid()));
            Assert.False(new Principal(PrincipalKind.Team, Guid.NewGuid(), "Dispatch").Holds(Sam.Id));
        }
    }
}
