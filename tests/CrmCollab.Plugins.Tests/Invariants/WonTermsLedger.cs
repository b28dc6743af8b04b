using System;
using System.Collections.Generic;
using Xunit;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The terms each won deal had when it was first seen won (right after its win: the invariants run after every
    /// action). While it stays won, and once reopened (by a CrmCollab Administrator, to amend that sale: docs/guards.md,
    /// OpportunityGuard's locked terms, "won, or won once and reopened"), they must not move but through an approved
    /// amendment (the only way to change them): an approval that went through lets the terms be read afresh.
    /// </summary>
    public sealed class WonTermsLedger
    {
        private readonly Dictionary<Guid, string> _terms = new Dictionary<Guid, string>();
        private readonly HashSet<Guid> _amended = new HashSet<Guid>();

        /// <summary>
        /// An amendment of the deal was approved since its win: its new terms are cleared by that approval (the deal's
        /// finance reviewer or an administrator, docs/guards.md), not by the reviews, which the reopen asks again.
        /// </summary>
        public bool AmendedSinceWin(Guid deal) => _amended.Contains(deal);

        /// <summary>An amendment of the deal was approved: its terms may have moved, once.</summary>
        public void Amended(Guid deal)
        {
            _terms.Remove(deal);
            _amended.Add(deal);
        }

        public void Observe(Guid deal, bool won, bool wonOnce, string terms)
        {
            if (!won) _amended.Remove(deal); // reopened: the reopen asks the reviews again, which clear its next win
            if (!wonOnce)
            {
                _terms.Remove(deal);
                return;
            }
            if (_terms.TryGetValue(deal, out string agreed))
                Assert.True(agreed == terms, $"deal {deal}, won, had its agreed terms moved without an amendment: '{agreed}' became '{terms}'");
            else _terms[deal] = terms;
        }
    }
}
