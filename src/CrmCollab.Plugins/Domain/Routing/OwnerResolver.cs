using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// Finds who receives a function's work for an account on a date:
    /// the account's own dedicated owner (or its backup when the owner is a disabled user) → the same up the
    /// parent chain → the most specific matching routing rule (more criteria, then lower priority number) →
    /// the function's default rule → unrouted, to the fallback principal. Nothing is ever dropped. A rule or fallback
    /// that nobody can receive work through (a disabled user, a queue whose owner is disabled) is passed over, and the
    /// path says so; for a feasibility review, so is anyone who owns or has owned the deal (<see cref="DealOwnership"/>).
    /// </summary>
    public sealed class OwnerResolver
    {
        private readonly IReadOnlyList<AccountProfile> _chain;
        private readonly ILookup<Guid, DedicatedOwner> _owners; // by account; no ValueTuple on net462
        private readonly Lazy<ILookup<BusinessFunction, RoutingRule>> _rules;
        private readonly Func<Principal> _unroutedFallback;

        /// <param name="accountChain">The account first, then its parent, grand-parent… (cycles are cut by the loader).</param>
        /// <param name="dedicatedOwners">Dedicated owner rows of any account in the chain.</param>
        /// <param name="rules">Active routing rules.</param>
        /// <param name="unroutedFallback">The queue or team that takes work nobody was found for; asked only when needed.</param>
        public OwnerResolver(IReadOnlyList<AccountProfile> accountChain, IEnumerable<DedicatedOwner> dedicatedOwners,
            IEnumerable<RoutingRule> rules, Func<Principal> unroutedFallback)
            : this(accountChain, dedicatedOwners, () => rules, unroutedFallback)
        {
        }

        /// <param name="loadRules">
        /// Active routing rules (at least every rule that could match the account), loaded on the first function no
        /// dedicated owner takes: work the account's own people receive reads no rule.
        /// </param>
        public OwnerResolver(IReadOnlyList<AccountProfile> accountChain, IEnumerable<DedicatedOwner> dedicatedOwners,
            Func<IEnumerable<RoutingRule>> loadRules, Func<Principal> unroutedFallback)
        {
            if (accountChain == null || accountChain.Count == 0)
                throw new ArgumentException("Routing needs the account.", nameof(accountChain));
            if (loadRules == null) throw new ArgumentNullException(nameof(loadRules));
            _chain = accountChain;
            _owners = (dedicatedOwners ?? Enumerable.Empty<DedicatedOwner>()).ToLookup(o => o.AccountId);
            _rules = new Lazy<ILookup<BusinessFunction, RoutingRule>>(() =>
                (loadRules() ?? Enumerable.Empty<RoutingRule>()).Where(r => r.Target != null).ToLookup(r => r.Function));
            _unroutedFallback = unroutedFallback;
        }

        public OwnerResolution Resolve(BusinessFunction function, DateTime onDate) => Resolve(function, onDate, null);

        /// <summary>
        /// Who receives a feasibility review of a deal: as <see cref="Resolve(BusinessFunction, DateTime)"/>, but a candidate
        /// who owns or has owned the deal (<paramref name="reviewOf"/>) is passed over as a disabled user is, and the path says
        /// why. Null: nobody is passed over for that reason (handoffs).
        /// </summary>
        public OwnerResolution Resolve(BusinessFunction function, DateTime onDate, DealOwnership reviewOf)
        {
            bool disabled = false;
            Func<Principal, string> unavailable = p =>
            {
                if (p.IsLeaver) disabled = true;
                return p.Unavailable ?? reviewOf?.WhyPassedOver(p);
            };
            var notes = new List<string>();
            for (int level = 0; level < _chain.Count; level++)
            {
                AccountProfile account = _chain[level];
                string where = level == 0 ? $"account {account.Name}" : $"parent account {account.Name}";
                OwnerResolution found = FromDedicatedOwner(function, account, where, onDate, notes, reviewOf, ref disabled);
                if (found != null) return found;
            }

            RoutingRule rule = BestRule(function, _chain[0], notes, unavailable);
            if (rule != null)
            {
                string kind = rule.IsDefault
                    ? $"default rule '{rule.Name}'"
                    : $"routing rule '{rule.Name}' ({rule.CriteriaCount} criteria matched, priority {rule.Priority})";
                return new OwnerResolution(function, rule.Target, Path(notes, $"{function.Label()}: {kind} → {rule.Target}"), false, disabled);
            }

            string reason = $"{function.Label()}: no dedicated owner and no routing rule for account {_chain[0].Name}";
            return ToUnrouted(function, reason, _unroutedFallback?.Invoke(), reviewOf, notes, disabled);
        }

        /// <summary>
        /// Work nobody was found for (<paramref name="reason"/>): to the unrouted queue or team (<paramref name="fallback"/>, the
        /// Unrouted Handoffs Queue setting) when one is configured and can receive it — for a review, when it is not the deal's
        /// owner's either (<paramref name="reviewOf"/>) — else to nobody; the path says which, after the earlier notes.
        /// </summary>
        public static OwnerResolution ToUnrouted(BusinessFunction function, string reason, Principal fallback, DealOwnership reviewOf,
            List<string> notes = null, bool passedOverDisabled = false)
        {
            notes = notes ?? new List<string>();
            if (fallback == null)
                return new OwnerResolution(function, null, Path(notes, reason + "; no unrouted queue configured"), true, passedOverDisabled);
            bool disabled = passedOverDisabled || fallback.IsLeaver;
            string fallbackUnavailable = fallback.Unavailable ?? reviewOf?.WhyPassedOver(fallback);
            if (fallbackUnavailable != null)
                return new OwnerResolution(function, null, Path(notes, $"{reason}; unrouted {fallback} passed over: {fallbackUnavailable}"), true, disabled);
            return new OwnerResolution(function, fallback, Path(notes, $"{reason} → unrouted, {fallback}"), true, disabled);
        }

        private OwnerResolution FromDedicatedOwner(BusinessFunction function, AccountProfile account, string where,
            DateTime onDate, List<string> notes, DealOwnership reviewOf, ref bool passedOverDisabled)
        {
            DedicatedOwner row = _owners[account.Id].FirstOrDefault(o => o.Function == function && o.IsValidOn(onDate));
            if (row == null) return null;
            if (!row.OwnerIsActive || (row.Backup != null && !row.BackupIsActive)) passedOverDisabled = true;
            // An active owner or backup who can own nothing (no security role: moved to another business unit) is passed over too.
            string ownerOut = row.OwnerIsActive ? row.Owner.Unavailable ?? reviewOf?.WhyPassedOver(row.Owner) : null;
            if (row.OwnerIsActive && ownerOut == null)
                return new OwnerResolution(function, row.Owner, Path(notes, $"{function.Label()}: dedicated owner of {where} → {row.Owner}"), false, passedOverDisabled);
            // Disabled: as ever. Owning or having owned the deal (a review): the owner, then the backup, passed over, and why.
            string owner = ownerOut == null ? $"dedicated owner of {where} ({row.Owner}) is disabled" : $"dedicated owner of {where} passed over: {ownerOut}";
            string backupOut = row.Backup != null && row.BackupIsActive ? row.Backup.Unavailable ?? reviewOf?.WhyPassedOver(row.Backup) : null;
            if (row.Backup != null && row.BackupIsActive && backupOut == null)
                return new OwnerResolution(function, row.Backup, Path(notes, $"{function.Label()}: {owner} → backup {row.Backup}"), false, passedOverDisabled);
            notes.Add(backupOut != null ? $"{owner}; its backup passed over: {backupOut}" : $"{owner} and has no active backup");
            return null;
        }

        /// <summary>The best matching rule someone can receive work through; each better one passed over is noted.</summary>
        private RoutingRule BestRule(BusinessFunction function, AccountProfile account, List<string> notes, Func<Principal, string> unavailableOf)
        {
            IEnumerable<RoutingRule> matching = _rules.Value[function]
                .Where(r => r.Matches(account))
                .OrderByDescending(r => r.CriteriaCount)
                .ThenBy(r => r.Priority)
                .ThenBy(r => r.Id); // deterministic even when an admin leaves two rules fully tied
            foreach (RoutingRule rule in matching)
            {
                string unavailable = unavailableOf(rule.Target);
                if (unavailable == null) return rule;
                notes.Add($"routing rule '{rule.Name}' passed over: {unavailable}");
            }
            return null;
        }

        private static string Path(List<string> notes, string outcome) =>
            notes.Count == 0 ? outcome : string.Join("; ", notes) + "; " + outcome;
    }
}
