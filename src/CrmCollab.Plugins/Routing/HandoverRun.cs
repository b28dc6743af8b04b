using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// What the passes of one run of the leaver's handover (<see cref="DisabledOwnerHandover"/>) share: the SYSTEM
    /// service, one routing read per account and function, one handoff decision per account and function, and one read of
    /// each deal owner who would hold a handoff nobody is routed to (and each account owner a leaver's waiting field signal
    /// goes back to, <see cref="HandoverSignals"/>).
    /// </summary>
    internal sealed class HandoverRun
    {
        private readonly LocalPluginContext _context;
        private readonly Dictionary<string, OwnerResolver> _resolvers = new Dictionary<string, OwnerResolver>();
        private readonly Dictionary<string, OwnerResolution> _routing = new Dictionary<string, OwnerResolution>();
        private readonly Dictionary<Guid, Principal> _holders = new Dictionary<Guid, Principal>();
        private readonly Dictionary<Guid, bool> _teamsWithActiveMember = new Dictionary<Guid, bool>();

        public HandoverRun(LocalPluginContext context)
        {
            _context = context;
            Service = context.SystemService;
            Application = new RoutingApplication(Service);
        }

        public IOrganizationService Service { get; }

        public RoutingApplication Application { get; }

        /// <summary>The routing of the account's work of the function; for a review, its deal's owners passed over.</summary>
        public OwnerResolution Resolve(Guid account, BusinessFunction function, DealOwnership reviewOf)
        {
            string key = account + ":" + (int)function;
            if (!_resolvers.TryGetValue(key, out OwnerResolver resolver))
                _resolvers[key] = resolver = new RoutingRepository(Service).ResolverFor(account, new[] { function });
            if (reviewOf != null) return resolver.Resolve(function, _context.Now, reviewOf);
            if (!_routing.TryGetValue(key, out OwnerResolution decision))
                _routing[key] = decision = resolver.Resolve(function, _context.Now);
            return decision;
        }

        /// <summary>The queue or team the Unrouted Handoffs Queue setting names, read once per run: where the work of a deal with no account goes.</summary>
        public Principal UnroutedFallback()
        {
            if (_fallback == null) _fallback = new Lazy<Principal>(new RoutingRepository(Service).UnroutedFallback);
            return _fallback.Value;
        }

        private Lazy<Principal> _fallback;

        /// <summary>
        /// Whether <paramref name="owner"/> holds work as nobody's: CrmCollab itself (SYSTEM, which created it when nobody could
        /// hold it), or the unrouted desk (the team the Unrouted Handoffs Queue setting names, or the owner of its queue).
        /// </summary>
        public bool HoldsUnrouted(EntityReference owner)
        {
            if (owner == null) return false;
            if (ServerCall.SystemUserId(_context) == owner.Id) return true;
            return UnroutedFallback()?.Holds(owner.Id) == true;
        }

        /// <summary>Nobody routed: the deal's owner holds a handoff, as at the win, unless they are disabled too (one read each).</summary>
        public Principal HolderOf(EntityReference owner)
        {
            if (owner == null) return null;
            if (!_holders.TryGetValue(owner.Id, out Principal holder)) _holders[owner.Id] = holder = HandoffCreation.HolderOf(Service, owner);
            return holder;
        }

        /// <summary>Whether an enabled user belongs to the team (one query per team and run): a team someone reads for.</summary>
        public bool HasActiveMember(Guid team)
        {
            if (!_teamsWithActiveMember.TryGetValue(team, out bool active))
                _teamsWithActiveMember[team] = active = PossibleOwner.HasActiveMember(Service, team);
            return active;
        }
    }
}
