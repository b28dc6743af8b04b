using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The handoffs of won deals while an administrator changes the templates (docs/guards.md): a deal's first win hands off
    /// one task of every template in force then; a template made or retired later changes no deal already won; a won deal
    /// never has two handoffs of one template, and keeps the one of each template it was handed off with (no delete, no
    /// second). A re-win's own rules (a retired template's handoff standing for its replacement) are the scenarios'.
    /// </summary>
    public sealed class WonHandoffs
    {
        private readonly HashSet<Guid> _everWon = new HashSet<Guid>();
        private readonly Dictionary<Guid, HashSet<Guid>> _handedOff = new Dictionary<Guid, HashSet<Guid>>();
        private readonly HashSet<Guid> _reWon = new HashSet<Guid>(), _placesMovedSinceReWin = new HashSet<Guid>();

        /// <summary>
        /// An administrator moved a template to another step of its function's order, or to another function. A deal won
        /// again before, whose handoff of a retired template stood for a template in force at its place, may then be named
        /// missing that template (which template it stood for is not recorded: docs/guards.md names it).
        /// </summary>
        public void PlacesMoved() => _placesMovedSinceReWin.UnionWith(_reWon);

        /// <summary>Such a move since the deal was won again (<see cref="PlacesMoved"/>).</summary>
        public bool PlacesMovedSinceReWin(Guid deal) => _placesMovedSinceReWin.Contains(deal);


        /// <param name="deal">A won deal.</param>
        /// <param name="firstSeenWon">Its win was the last action (seen won for the first time since it was open).</param>
        /// <param name="own">Its handoff tasks (each naming its template).</param>
        /// <param name="inForce">The templates in force now.</param>
        /// <param name="existing">Every template there is (a deleted one's tasks lose their link).</param>
        public void Assert(Guid deal, bool firstSeenWon, IReadOnlyList<Entity> own, IReadOnlyCollection<Guid> inForce, ISet<Guid> existing)
        {
            var byTemplate = own.GroupBy(t => t.GetAttributeValue<EntityReference>("crmc_handofftemplateid").Id).ToDictionary(g => g.Key, g => g.Count());
            foreach (var pair in byTemplate)
                Xunit.Assert.True(pair.Value == 1, $"won deal {deal} has {pair.Value} handoffs of template {pair.Key}");
            if (firstSeenWon)
            {
                if (_everWon.Add(deal))
                    foreach (Guid template in inForce)
                        Xunit.Assert.True(byTemplate.ContainsKey(template), $"won deal {deal} has no handoff of template {template}, in force at its first win");
                else _reWon.Add(deal);
                _handedOff[deal] = new HashSet<Guid>(byTemplate.Keys);
            }
            if (!_handedOff.TryGetValue(deal, out HashSet<Guid> handedOff)) return;
            foreach (Guid template in handedOff.Where(existing.Contains))
                Xunit.Assert.True(byTemplate.ContainsKey(template), $"won deal {deal} lost its handoff of template {template}");
        }
    }
}
