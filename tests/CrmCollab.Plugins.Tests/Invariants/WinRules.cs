using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Domain.Feasibility;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// What the feasibility rules in force asked of each deal when it was won: an administrator may change the rules, or
    /// an account's industry, since (a won deal's reviews are frozen), so a won deal is held to what it was won under.
    /// </summary>
    public sealed class WinRules
    {
        private readonly Dictionary<Guid, IReadOnlyList<RequiredReview>> _atWin = new Dictionary<Guid, IReadOnlyList<RequiredReview>>();

        /// <summary>Records what the rules ask when the deal is first seen won; forgets it once it is not (reopened).</summary>
        /// <returns>Whether the deal is seen won for the first time since it was last open (its win was the last action).</returns>
        public bool Observe(Guid deal, bool won, Func<IReadOnlyList<RequiredReview>> requiredNow)
        {
            if (!won)
            {
                _atWin.Remove(deal);
                return false;
            }
            if (_atWin.ContainsKey(deal)) return false;
            _atWin[deal] = requiredNow();
            return true;
        }

        public IReadOnlyList<RequiredReview> RequiredAtWin(Guid deal) => _atWin[deal];
    }
}
