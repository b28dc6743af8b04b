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
    /// <para>A team that owned the deal is recorded by its id, as a user is: its members (as they are at the decision or the
    /// attempt) do not decide the deal's reviews either (<c>FormerDealOwners</c>, which asks membership).</para>
    /// </summary>
    public static class DealOwnerHistory
    {
        private const char Separator = ',';

        /// <summary>The users recorded in <paramref name="history"/>; empty when none (a deal never handed on since the
        /// record began); an unreadable item is skipped.</summary>
        public static IReadOnlyCollection<Guid> Parse(string history)
        {
            var owners = new List<Guid>();
            if (string.IsNullOrWhiteSpace(history)) return owners;
            foreach (string item in history.Split(Separator))
                if (Guid.TryParse(item.Trim(), out Guid owner) && owner != Guid.Empty && !owners.Contains(owner)) owners.Add(owner);
            return owners;
        }

        /// <summary>Has <paramref name="user"/> owned the deal, by its <paramref name="history"/>?</summary>
        public static bool Includes(string history, Guid user) => Parse(history).Contains(user);

        /// <summary>
        /// The history with <paramref name="owners"/> added (the owner the deal had and the one it gets; null for a team),
        /// in the order they were first recorded; null when nothing is new (no write is needed).
        /// </summary>
        public static string With(string history, params Guid?[] owners)
        {
            var known = new List<Guid>(Parse(history));
            bool added = false;
            foreach (Guid? owner in owners)
            {
                if (!owner.HasValue || owner.Value == Guid.Empty || known.Contains(owner.Value)) continue;
                known.Add(owner.Value);
                added = true;
            }
            return added ? string.Join(Separator.ToString(), known.Select(o => o.ToString("D"))) : null;
        }

        /// <summary>What a salesperson or reviewer is told when they send the record themselves.</summary>
        public const string ServerOwnedSentence =
            "'Owner History' is recorded by CrmCollab each time the deal changes owner; it cannot be set or cleared. Remove it from the change and save again.";
    }
}
