using System;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Signals
{
    /// <summary>
    /// A field signal waits for the account's salesperson, and only whoever holds it acknowledges it (the Salesperson
    /// role writes only its own signals). A salesperson may pass one to a colleague; when the holder leaves (user
    /// disabled) a disabled user reads nothing, so a signal still waiting goes back to the account's salesperson — its
    /// natural owner, as a handoff nobody is routed to goes to the deal's owner (<see cref="UnroutedHolding"/>). When
    /// nobody can take it (the salesperson left too, a team of the account with no active member) it stays with the
    /// leaver — a record cannot be given to nobody — until the account is handed to an active salesperson, who takes
    /// with the account the waiting signals leavers hold (<see cref="FollowsAccount"/>), or its salesperson is enabled
    /// again. Only a waiting signal (active, not acknowledged: the queries ask it) moves; an acknowledged or inactive one is
    /// history and stays where it was read.
    /// </summary>
    public static class LeaverSignals
    {
        /// <summary>
        /// Who a waiting signal held by a disabled user goes to: the account's salesperson (its owner) when they can hold
        /// and read it — an enabled user other than the holder, or a team an enabled user belongs to. Null: nobody can, it
        /// stays with its holder.
        /// </summary>
        /// <param name="holder">The disabled user holding the signal.</param>
        /// <param name="salesperson">The account's owner, with whether they are disabled (null: none read).</param>
        /// <param name="teamHasActiveMember">For a team-owned account: whether an enabled user belongs to the team; asked only then.</param>
        public static Principal TakerFor(Guid holder, Principal salesperson, Func<bool> teamHasActiveMember)
        {
            if (salesperson == null || salesperson.Id == holder || salesperson.Kind == PrincipalKind.Queue || salesperson.Unavailable != null)
                return null;
            if (salesperson.Kind == PrincipalKind.Team && !teamHasActiveMember()) return null;
            return salesperson;
        }

        /// <summary>
        /// An account handed to another salesperson: whether one of its waiting signals goes with it — held by the previous
        /// salesperson, or by a disabled user (a leaver's, which nobody could take when they left, or an earlier version left
        /// with them). A signal passed on to an active colleague stays with them.
        /// </summary>
        /// <param name="previousOwner">The account's owner before the hand-over (null: not known).</param>
        /// <param name="holderIsDisabledUser">The signal's holder is a user who is disabled (a team never is).</param>
        public static bool FollowsAccount(Guid holder, Guid? previousOwner, bool holderIsDisabledUser) =>
            holder == previousOwner || holderIsDisabledUser;
    }
}
