using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// Who has owned a deal: the users CrmCollab recorded on it (crmc_ownerhistory, written by CrmCollab only) each time
    /// its owner changed — an Assign, a save of its owner (form, Web API, batch, bulk, Upsert), the reassignment of its
    /// customer that the platform cascades to it — both the owner it had and the one it got; and who created it in a
    /// colleague's name (handing it on at birth). None of them ever decides its
    /// feasibility reviews, unless a CrmCollab Administrator: a salesperson who is also the routed reviewer of a function
    /// could otherwise hand the deal to a colleague before its review is asked (the review then names the colleague as
    /// the owner at request) and approve it as an ordinary reviewer.
    /// <para>The window is the deal's whole life: an opportunity is one sales cycle (a won deal is reopened only by an
    /// administrator, to amend that same sale), and a salesperson's stake in a deal they owned — its commission, its
    /// quota — does not end when they pass it on. A deal whose owner has not changed since CrmCollab started recording
    /// has no history: it is judged as before, by who owns it now and who owned it when each review was asked.</para>
    /// <para>A team that owned the deal is recorded by its id marked <see cref="TeamMark"/>: its members (as they are at the
    /// decision or the attempt) do not decide the deal's reviews either (<c>FormerDealOwners</c>, which asks membership, and
    /// only when the history names a team).</para>
    /// </summary>
    public static class DealOwnerHistory
    {
        private const char Separator = ',';

        /// <summary>What marks a team's entry (<c>team:&lt;id&gt;</c>); a user's is the bare id. Only a history that names a
        /// team costs a membership query at the decision and the gate (<c>FormerDealOwners</c>).</summary>
        public const string TeamMark = "team:";

        /// <summary>The column's length (crmc_ownerhistory's MaxLength in the solution): about 2,700 owners, which no deal
        /// reaches by being handed on; only a SYSTEM-context writer could fill it.</summary>
        public const int MaxLength = 100000;

        /// <summary>The users and teams recorded in <paramref name="history"/>; empty when none (a deal never handed on since
        /// the record began); an unreadable item is skipped.</summary>
        public static IReadOnlyCollection<Guid> Parse(string history) => Read(history, teamsOnly: false);

        /// <summary>The teams recorded in <paramref name="history"/> (the entries marked <see cref="TeamMark"/>).</summary>
        public static IReadOnlyCollection<Guid> Teams(string history) => Read(history, teamsOnly: true);

        /// <summary>
        /// The history with the users <paramref name="owners"/> added (the owner the deal had and the one it gets; null for
        /// none), in the order they were first recorded; null when nothing is new (no write is needed).
        /// </summary>
        public static string With(string history, params Guid?[] owners) => With(history, owners, null);

        /// <summary>
        /// The history with <paramref name="users"/> and <paramref name="teams"/> added, in the order they were first
        /// recorded (an unreadable item of the old value is dropped); null when nothing is new (no write is needed).
        /// </summary>
        public static string With(string history, IEnumerable<Guid?> users, IEnumerable<Guid?> teams)
        {
            var items = new List<string>();
            var known = new HashSet<Guid>();
            foreach (string item in Items(history))
                if (TryRead(item, out Guid id, out bool isTeam) && known.Add(id)) items.Add(Format(id, isTeam));
            int before = items.Count;
            foreach (Guid? user in users ?? Enumerable.Empty<Guid?>())
                if (user.HasValue && user.Value != Guid.Empty && known.Add(user.Value)) items.Add(Format(user.Value, false));
            foreach (Guid? team in teams ?? Enumerable.Empty<Guid?>())
                if (team.HasValue && team.Value != Guid.Empty && known.Add(team.Value)) items.Add(Format(team.Value, true));
            if (items.Count == before) return null;
            // A history filled to the column's length by some SYSTEM-context writer must not stop the deal (nor its customer)
            // from changing owner: the platform refuses a longer value, and the whole change with it. Its oldest entries make
            // room for the owners just added.
            string recorded = string.Join(Separator.ToString(), items);
            int oldest = 0;
            while (recorded.Length > MaxLength && oldest < before)
                recorded = recorded.Substring(items[oldest++].Length + 1);
            return recorded;
        }

        private static IReadOnlyCollection<Guid> Read(string history, bool teamsOnly)
        {
            var owners = new List<Guid>();
            foreach (string item in Items(history))
                if (TryRead(item, out Guid id, out bool isTeam) && (isTeam || !teamsOnly) && !owners.Contains(id)) owners.Add(id);
            return owners;
        }

        private static IEnumerable<string> Items(string history) =>
            string.IsNullOrWhiteSpace(history) ? Enumerable.Empty<string>() : history.Split(Separator);

        private static bool TryRead(string item, out Guid id, out bool isTeam)
        {
            string text = item.Trim();
            isTeam = text.StartsWith(TeamMark, StringComparison.OrdinalIgnoreCase);
            if (isTeam) text = text.Substring(TeamMark.Length);
            return Guid.TryParse(text, out id) && id != Guid.Empty;
        }

        private static string Format(Guid id, bool isTeam) => (isTeam ? TeamMark : string.Empty) + id.ToString("D");

        /// <summary>What a salesperson or reviewer is told when they send the record themselves.</summary>
        public const string ServerOwnedSentence =
            "'Owner History' is recorded by CrmCollab each time the deal changes owner; it cannot be set or cleared. Remove it from the change and save again.";
    }
}
