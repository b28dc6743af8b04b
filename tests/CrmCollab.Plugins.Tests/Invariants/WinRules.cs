using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Domain.Feasibility;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The feasibility rules in force, and the time, when each deal was won: an administrator may change the rules since
    /// (a won deal's reviews are frozen), so a won deal is held to the rules it was won under, not to today's.
    /// </summary>
    public sealed class WinRules
    {
        private readonly Dictionary<Guid, KeyValuePair<IReadOnlyList<FeasibilityRule>, DateTime>> _atWin =
            new Dictionary<Guid, KeyValuePair<IReadOnlyList<FeasibilityRule>, DateTime>>();

        /// <summary>Records the rules and time when the deal is first seen won; forgets them once it is not (reopened).</summary>
        public void Observe(Guid deal, bool won, IReadOnlyList<FeasibilityRule> rulesNow, DateTime now)
        {
            if (!won) _atWin.Remove(deal);
            else if (!_atWin.ContainsKey(deal)) _atWin[deal] = new KeyValuePair<IReadOnlyList<FeasibilityRule>, DateTime>(rulesNow, now);
        }

        public IReadOnlyList<FeasibilityRule> RulesAtWin(Guid deal) => _atWin[deal].Key;

        public DateTime WonAt(Guid deal) => _atWin[deal].Value;
    }
}
