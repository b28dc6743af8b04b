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
        private readonly HashSet<Guid> _merged = new HashSet<Guid>();

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

        /// <summary>
        /// The deal's account was merged into another while the deal was won: by design its decided reviews are re-opened for
        /// the account that stays (docs/guards.md), the deal keeping the feasibility status it was won with, and its
        /// reopen asks them again of that account's reviewers. Its terms do not move.
        /// </summary>
        public bool AccountMergedSinceWin(Guid deal) => _merged.Contains(deal);

        /// <summary>The won deal came over with a merge of its account (<see cref="AccountMergedSinceWin"/>).</summary>
        public void AccountMerged(Guid deal) => _merged.Add(deal);

        public void Observe(Guid deal, bool won, bool wonOnce, string terms)
        {
            if (!won)
            {
                // Reopened: the reopen asks the reviews again, which clear its next win.
                _amended.Remove(deal);
                _merged.Remove(deal);
            }
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
