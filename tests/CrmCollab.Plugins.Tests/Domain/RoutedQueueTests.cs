using System;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>Routed work waits in the routing's queue and in no other; work a user or team holds waits in none.</summary>
    public class RoutedQueueTests
    {
        private static readonly Guid FinanceDesk = Guid.NewGuid(), Overflow = Guid.NewGuid();

        private static OwnerResolution To(Principal owner) => new OwnerResolution(BusinessFunction.Finance, owner, "path", isUnrouted: false);

        [Fact]
        public void Work_routed_to_another_queue_leaves_the_old_one_and_stays_in_the_new_one()
        {
            OwnerResolution overflow = To(new Principal(PrincipalKind.Queue, Overflow, "Finance overflow"));

            Assert.Equal(Overflow, RoutedQueue.Of(overflow));
            Assert.Equal(new[] { FinanceDesk }, RoutedQueue.ToLeave(overflow, new[] { FinanceDesk, Overflow, FinanceDesk }));
            Assert.Empty(RoutedQueue.ToLeave(overflow, new[] { Overflow }));
        }

        [Fact]
        public void Work_a_user_or_team_now_holds_leaves_every_queue()
        {
            foreach (PrincipalKind kind in new[] { PrincipalKind.User, PrincipalKind.Team })
            {
                OwnerResolution person = To(new Principal(kind, Guid.NewGuid(), "Fiona"));
                Assert.Null(RoutedQueue.Of(person));
                Assert.Equal(new[] { FinanceDesk, Overflow }, RoutedQueue.ToLeave(person, new[] { FinanceDesk, Overflow }));
            }
        }

        [Fact]
        public void Work_the_routing_finds_nobody_for_waits_where_it_waited()
        {
            var nobody = new OwnerResolution(BusinessFunction.Finance, null, "no rule", isUnrouted: true);

            Assert.Null(RoutedQueue.Of(nobody));
            Assert.Empty(RoutedQueue.ToLeave(nobody, new[] { FinanceDesk }));
            Assert.Empty(RoutedQueue.ToLeave(null, new[] { FinanceDesk }));
        }
    }
}
