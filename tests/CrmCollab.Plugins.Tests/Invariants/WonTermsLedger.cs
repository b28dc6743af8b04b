using System;
using System.Collections.Generic;
using Xunit;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The terms each won deal had when it was first seen won (right after its win: the invariants run after every
    /// action). While it stays won they must not move: the random operations make no amendment, the only way to
    /// change them. Reopened, the deal leaves the ledger; won again, it is read afresh.
    /// </summary>
    public sealed class WonTermsLedger
    {
        private readonly Dictionary<Guid, string> _terms = new Dictionary<Guid, string>();

        public void Observe(Guid deal, bool won, string terms)
        {
            if (!won)
            {
                _terms.Remove(deal);
                return;
            }
            if (_terms.TryGetValue(deal, out string agreed))
                Assert.True(agreed == terms, $"won deal {deal}'s agreed terms moved without an amendment: '{agreed}' became '{terms}'");
            else _terms[deal] = terms;
        }
    }
}
