using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>What a save of a dedicated owner row is checked for (<see cref="DedicatedOwnerRules.ChecksFor"/>).</summary>
    public enum OwnerRowChecks
    {
        /// <summary>The row ends inactive: it routes nothing, and any row, a broken one too, may be deactivated.</summary>
        None,

        /// <summary>A new active row, or an active row's account, function, owners or dates saved: the row, the owners the
        /// save names, no overlap with another active row.</summary>
        NamedOwners,

        /// <summary>A row made active, or given another account or function (a routing rule another function or segment):
        /// checked as a new one, every owner included.</summary>
        EveryOwner,
    }

    /// <summary>What makes a dedicated owner row or a routing rule acceptable at save time.</summary>
    public static class DedicatedOwnerRules
    {
        /// <summary>
        /// An inactive row is not counted when another row of its account and function is saved, so it is checked when it
        /// is made active again (an Update of its status, or SetState from the grid), as a new row would be.
        /// </summary>
        /// <param name="wasActive">The row before the save; null for a new row.</param>
        /// <param name="sendsRowColumns">The save sends its account, function, owners or dates (not only its status): an
        /// active row whose status alone is sent again is left as it was.</param>
        /// <param name="retargets">The save gives the row another account or function (a rule another function, industry,
        /// territory or size): its owners are named for work they were never judged for, as on a new row.</param>
        public static OwnerRowChecks ChecksFor(bool activeAfter, bool? wasActive, bool sendsRowColumns, bool retargets = false) =>
            !activeAfter ? OwnerRowChecks.None
            : wasActive == false || (wasActive == true && retargets) ? OwnerRowChecks.EveryOwner
            : wasActive == null || sendsRowColumns ? OwnerRowChecks.NamedOwners
            : OwnerRowChecks.None;

        /// <summary>
        /// A row on its own: null when complete, else one refusal listing every problem, as sentences an administrator
        /// (or an import's author) can act on.
        /// </summary>
        /// <param name="hasAccount">The row names its account (forms require it; the API and imports do not).</param>
        public static Refusal Check(int? functionValue, Guid? userId, Guid? teamId, DateTime? validFrom, DateTime? validTo, bool hasAccount = true) =>
            Refused(RefusalCodes.OwnerInvalid, Problems(functionValue, userId, teamId, validFrom, validTo, hasAccount));

        private static IEnumerable<string> Problems(int? functionValue, Guid? userId, Guid? teamId, DateTime? validFrom, DateTime? validTo, bool hasAccount)
        {
            if (!hasAccount)
                yield return "Choose the account this owner is dedicated to.";
            if (functionValue == null)
                yield return "Choose the function (ADV, Logistics, SAV, …) this owner is dedicated to.";
            else if (!BusinessFunctions.IsDefined(functionValue.Value))
                yield return $"The function value {functionValue} is not one of CrmCollab's functions; choose one from the list.";
            if (userId.HasValue && teamId.HasValue)
                yield return "Set either a user or a team as dedicated owner, not both.";
            if (!userId.HasValue && !teamId.HasValue)
                yield return "Set the user or the team who is the dedicated owner.";
            if (validFrom.HasValue && validTo.HasValue && validTo.Value.Date < validFrom.Value.Date)
                yield return $"'Valid to' ({validTo.Value:yyyy-MM-dd}) is before 'valid from' ({validFrom.Value:yyyy-MM-dd}).";
        }

        private static Refusal Refused(string code, IEnumerable<string> problems)
        {
            string text = string.Join(" ", problems);
            return text.Length == 0 ? null : new Refusal(code, text);
        }

        /// <summary>
        /// The row clashes with <paramref name="other"/>, an active row of the same account and function over an
        /// overlapping period. It names that row's owner by name, never by id: "another owner" when no name is known.
        /// </summary>
        /// <param name="ownerName">The other row's user's full name or team's name; null when unknown.</param>
        /// <param name="rowName">The other row's own name (crmc_name); null when it has none.</param>
        public static Refusal Overlap(DedicatedOwner other, string ownerName, string rowName)
        {
            string name = Shown(ownerName);
            string who = name == null ? "Another owner"
                : other.Owner?.Kind == PrincipalKind.Team ? "The team " + name : "The user " + name;
            string row = Shown(rowName) == null ? "" : $" (row '{rowName.Trim()}')";
            return new Refusal(RefusalCodes.OwnerOverlap,
                $"{who} is already this account's {other.Function.Label()} dedicated owner {Period(other)}{row}, and one account has one " +
                "dedicated owner per function at a time. End that row (set its 'valid to' before this one starts), or edit that row instead.");
        }

        /// <summary>
        /// A merge would bring the merged-away account's active row of a function onto the account that stays, which has
        /// one over the same period: the account would have two owners of that function.
        /// </summary>
        /// <param name="movingOwner">The merged-away account's owner, by name (null when unknown).</param>
        /// <param name="stayingOwner">The owner of the account that stays, by name (null when unknown).</param>
        public static Refusal MergeOverlap(BusinessFunction function, string movingOwner, string stayingOwner)
        {
            string moving = Shown(movingOwner) ?? "another owner", staying = Shown(stayingOwner) ?? "another owner";
            return new Refusal(RefusalCodes.OwnerOverlap,
                $"Both accounts have a {function.Label()} dedicated owner over the same period ({moving} for the account merged away, " +
                $"{staying} for the account that stays), and one account has one dedicated owner per function at a time. " +
                "Ask a CrmCollab administrator to end or deactivate one of the two rows, then merge again.");
        }

        private static string Period(DedicatedOwner row)
        {
            bool starts = row.ValidFrom != DateTime.MinValue;
            if (starts && row.ValidTo.HasValue) return $"from {row.ValidFrom:yyyy-MM-dd} to {row.ValidTo.Value:yyyy-MM-dd}";
            if (starts) return $"from {row.ValidFrom:yyyy-MM-dd} with no end date";
            return row.ValidTo.HasValue ? $"until {row.ValidTo.Value:yyyy-MM-dd}" : "with no start or end date";
        }

        /// <summary>A name fit to show a person: null when empty or when it is only an id.</summary>
        private static string Shown(string name) =>
            string.IsNullOrWhiteSpace(name) || Guid.TryParse(name.Trim(), out _) ? null : name.Trim();

        /// <summary>The first other row of the same account × function whose validity overlaps, or null.</summary>
        public static DedicatedOwner FindOverlap(DedicatedOwner candidate, IEnumerable<DedicatedOwner> sameAccountAndFunction) =>
            sameAccountAndFunction
                .Where(other => other.Id != candidate.Id)
                .FirstOrDefault(other => Overlaps(candidate, other));

        private static bool Overlaps(DedicatedOwner a, DedicatedOwner b)
        {
            DateTime aEnd = a.ValidTo?.Date ?? DateTime.MaxValue.Date, bEnd = b.ValidTo?.Date ?? DateTime.MaxValue.Date;
            return a.ValidFrom.Date <= bEnd && b.ValidFrom.Date <= aEnd;
        }

        /// <summary>
        /// Whether a dedicated owner (or backup) can own the tasks and reviews CrmCollab routes to it: the platform lets
        /// only a principal holding Read on a table own its rows, and an access team owns nothing.
        /// </summary>
        /// <param name="who">"the user Ann Smith" or "the team Logistics North".</param>
        /// <param name="isDisabledUser">A disabled user: the platform gives no record to one, and routing would pass over the row
        /// without a word (to the backup, the rules or nobody), so a row names an active user.</param>
        public static Refusal CheckCanOwn(string who, bool isTeam, bool isAccessTeam, bool hasSecurityRole, bool isDisabledUser = false) =>
            !isTeam && isDisabledUser
                ? new Refusal(RefusalCodes.OwnerCannotOwn,
                    $"{Capitalised(who)} is disabled, and a disabled user cannot own the handoffs and reviews routed to a dedicated owner. " +
                    "Choose an active user or a team, or enable the user first.")
                : CannotOwn(RefusalCodes.OwnerCannotOwn, "dedicated owner", "an owner team, or a user", who, isTeam, isAccessTeam, hasSecurityRole);

        /// <summary>
        /// A dedicated owner team has an enabled member: routing gives the account's work to its dedicated owner first, and
        /// work a team nobody active belongs to owns counts as routed (no unrouted flag, no fallback to a rule or the
        /// unrouted desk) while nobody sees or works it; a deal's gate would wait for ever on a review nobody decides.
        /// </summary>
        public static Refusal CheckOwnerTeamMembers(string who, bool hasActiveMember) =>
            hasActiveMember ? null : new Refusal(RefusalCodes.OwnerCannotOwn,
                $"{Capitalised(who)} has no active member, so nobody would see or work the handoffs and reviews routed to this dedicated owner. " +
                "Add the people who do this work to the team first, or choose another owner.");

        /// <summary>
        /// Whether a routing rule's user or team can own the reviews and handoff tasks the rule routes: the same rule as a
        /// dedicated owner's (<see cref="CheckCanOwn"/>), and a disabled user too, since the platform gives no record to
        /// one. Every salesperson's move into a review's trigger stage assigns the review to this target inside their own
        /// save, so a target that cannot own would make each such move fail.
        /// </summary>
        /// <param name="who">"the user Ann Smith" or "the team Finance desk".</param>
        /// <param name="ownedQueue">When the rule routes to a queue: the queue's name, <paramref name="who"/> being its owner. A
        /// queue cannot own records, so its owner holds what waits in it and is judged by this same rule.</param>
        /// <param name="queueInactive">The rule's queue is deactivated: nobody works from it, so what the rule routes there would wait unseen.</param>
        public static Refusal CheckRuleTarget(string who, bool isTeam, bool isAccessTeam, bool hasSecurityRole, bool isDisabledUser,
            string ownedQueue = null, bool queueInactive = false)
        {
            if (ownedQueue != null && queueInactive)
                return new Refusal(RefusalCodes.RoutingTargetCannotOwn,
                    $"The queue {ownedQueue} is inactive: people no longer work from it, and the reviews and handoffs this routing rule routes there would wait unseen. " +
                    "Activate the queue first, or choose another queue, user or team as the rule's target.");
            if (ownedQueue != null) who = $"{who}, who owns the queue {ownedQueue} and so holds what waits in it,";
            Refusal refusal;
            if (!isTeam && isDisabledUser)
                refusal = new Refusal(RefusalCodes.RoutingTargetCannotOwn,
                    $"{Capitalised(who)} is disabled, and a disabled user cannot own the reviews and handoffs this routing rule routes. " +
                    "Choose an active user, a team or a queue as its target, or enable the user first.");
            else
                refusal = CannotOwn(RefusalCodes.RoutingTargetCannotOwn, "routing rule", "an owner team, a user or a queue", who, isTeam, isAccessTeam, hasSecurityRole);
            return refusal == null || ownedQueue == null ? refusal
                : new Refusal(refusal.Code, $"{refusal.Text} Or give the queue {ownedQueue} to an owner who can own this work.");
        }

        /// <summary>
        /// A routing rule's team (or the team owning its queue) has an enabled member: a team nobody active belongs to can
        /// own the reviews and handoffs the rule routes, but nobody sees them in their views or queues, and a deal's gate
        /// waits for ever on a review nobody decides, while routing counts it as routed (no unrouted flag, no fallback).
        /// </summary>
        public static Refusal CheckRuleTeamMembers(string who, bool hasActiveMember, string ownedQueue = null)
        {
            if (hasActiveMember) return null;
            string holder = ownedQueue == null ? Capitalised(who) : $"{Capitalised(who)}, which owns the queue {ownedQueue},";
            return new Refusal(RefusalCodes.RoutingTargetCannotOwn,
                $"{holder} has no active member, so nobody would see or work the reviews and handoffs this routing rule routes to it. " +
                "Add the people who do this work to the team first, or choose another target.");
        }

        /// <param name="row">What the administrator saves: "dedicated owner", "routing rule".</param>
        /// <param name="instead">What can own instead of an access team.</param>
        private static Refusal CannotOwn(string code, string row, string instead, string who, bool isTeam, bool isAccessTeam, bool hasSecurityRole)
        {
            if (isAccessTeam)
                return new Refusal(code,
                    $"{Capitalised(who)} is an access team, and access teams cannot own records. Choose {instead}.");
            if (hasSecurityRole) return null;
            string noRole = isTeam ? "has no security role" : "has no security role, directly or through a team";
            return new Refusal(code,
                $"{Capitalised(who)} {noRole}, so it lacks the Read privilege on tasks (prvReadActivity) and on feasibility reviews " +
                "(prvReadcrmc_FeasibilityReview) needed to own the handoffs and reviews CrmCollab routes to it. " +
                $"Give it a CrmCollab role (for example CrmCollab Logistics) first, then save this {row} again.");
        }

        private static string Capitalised(string text) =>
            string.IsNullOrEmpty(text) ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        /// <summary>
        /// An active routing rule tied with another active one — same function, same industry, territory and size, same
        /// priority — is never the one routing picks (ties go by an internal order), so the administrator's choice of
        /// who receives the work would not be theirs. Null when no other rule ties.
        /// </summary>
        /// <param name="tiedWith">The name of the active rule it ties with; null: none.</param>
        public static Refusal CheckRuleTie(string tiedWith, int? priority) =>
            tiedWith == null ? null : new Refusal(RefusalCodes.RoutingRuleTied,
                $"The routing rule '{tiedWith}' already routes the same function for the same industry, territory and size with " +
                $"priority {(priority.HasValue ? priority.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(none)")}, so only one of the two would ever receive the work. " +
                "Give this rule another priority (the lower number wins) or other criteria, or retire the other rule.");

        /// <summary>A routing rule on its own: null when complete, else one refusal listing every problem.</summary>
        public static Refusal CheckRule(int? functionValue, int targetCount) =>
            Refused(RefusalCodes.RoutingRuleInvalid, RuleProblems(functionValue, targetCount));

        private static IEnumerable<string> RuleProblems(int? functionValue, int targetCount)
        {
            if (functionValue == null || !BusinessFunctions.IsDefined(functionValue.Value))
                yield return "Choose the function this routing rule routes.";
            if (targetCount == 0)
                yield return "Set the user, team or queue that receives the work routed by this rule.";
            else if (targetCount > 1)
                yield return "Set only one target (a user, a team or a queue) on a routing rule.";
        }
    }
}
