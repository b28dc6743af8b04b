using System;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class LeaverSignalsTests
    {
        private static readonly Guid Paula = Guid.NewGuid(), Sam = Guid.NewGuid(), Team = Guid.NewGuid(), Queue = Guid.NewGuid();
        private int _reads;
        private Func<bool> Answer(bool value) => () => { _reads++; return value; };

        [Fact]
        public void A_leavers_waiting_signal_goes_back_to_the_accounts_salesperson_when_he_can_read_it()
        {
            var sam = new Principal(PrincipalKind.User, Sam, "Sam Sales");
            Assert.Same(sam, LeaverSignals.TakerFor(Paula, sam, Answer(false)));
            Assert.Equal(0, _reads); // a user: no team read
        }

        [Fact]
        public void Nobody_takes_it_when_the_salesperson_left_too_or_is_the_leaver_herself()
        {
            Assert.Null(LeaverSignals.TakerFor(Paula, new Principal(PrincipalKind.User, Sam, "Sam Sales", isDisabled: true), Answer(true)));
            Assert.Null(LeaverSignals.TakerFor(Paula, new Principal(PrincipalKind.User, Paula, "Paula Rep"), Answer(true)));
            Assert.Null(LeaverSignals.TakerFor(Paula, null, Answer(true)));
            Assert.Null(LeaverSignals.TakerFor(Paula, new Principal(PrincipalKind.Queue, Queue, "Desk"), Answer(true)));
            Assert.Equal(0, _reads);
        }

        [Fact]
        public void A_team_owned_accounts_signal_goes_to_the_team_only_while_an_enabled_user_belongs_to_it()
        {
            var team = new Principal(PrincipalKind.Team, Team, "Key accounts");
            Assert.Same(team, LeaverSignals.TakerFor(Paula, team, Answer(true)));
            Assert.Null(LeaverSignals.TakerFor(Paula, team, Answer(false)));
            Assert.Equal(2, _reads);
        }

        [Fact]
        public void An_account_handed_over_takes_the_previous_salespersons_signals_and_those_leavers_hold_not_an_active_colleagues()
        {
            Guid cleo = Guid.NewGuid();
            Assert.True(LeaverSignals.FollowsAccount(Sam, Sam, holderIsDisabledUser: false));
            Assert.True(LeaverSignals.FollowsAccount(Paula, Sam, holderIsDisabledUser: true));
            Assert.True(LeaverSignals.FollowsAccount(Paula, null, holderIsDisabledUser: true));
            Assert.False(LeaverSignals.FollowsAccount(cleo, Sam, holderIsDisabledUser: false));
            Assert.False(LeaverSignals.FollowsAccount(cleo, null, holderIsDisabledUser: false));
        }
    }
}
