using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A deal that changes account (customer, or its Account when the customer is a contact) changes whom it is
    /// delivered to and who reviews it: every current decided review is re-opened and asked again of the new account's
    /// reviewers; pending ones move to them. Otherwise a salesperson could move the deal to another account, have that
    /// account's reviewer approve, and move it back.
    /// </summary>
    public static class AccountChangeRule
    {
        /// <summary>
        /// Whether the account change re-opens the deal's decided reviews, by the deal's status: on an open deal, and on a
        /// lost one too (its decided reviews count again once it is reopened, so a lost deal moved back to the account it
        /// came from would otherwise be won on the approval of the other account's reviewers); not on a won deal, whose
        /// reviews are final (<see cref="MaterialChangeRule.ReopensReviews"/>).
        /// </summary>
        public static bool Applies(int? dealState) => MaterialChangeRule.ReopensReviews(dealState);

        /// <summary>
        /// Whether the account change re-opens the decided reviews: on a won deal too. Its reviews stay final while it is
        /// won (nothing is asked of anyone), but the save of another customer or Account on a won deal is not locked, and a
        /// merge of accounts moves its deals too; once a CrmCollab Administrator reopens it, its decided reviews count again
        /// at the gate, and those were given by the reviewers of the account it left. Re-opened at the move, they are
        /// asked of the new account's reviewers at the reopen (<see cref="Applies"/> re-routes only an open or lost deal's
        /// pending reviews).
        /// </summary>
        public static bool ReopensDecided(int? dealState) => true;

        /// <summary>
        /// Whether a save moves the deal to another account: the account it is routed by (its customer when that is an
        /// account, else its Account field) is another one after the save. A save that leaves it with no account moves it
        /// nowhere (nobody could review it there).
        /// </summary>
        public static bool Moves(Guid? accountBefore, Guid? accountAfter) => accountAfter != null && accountAfter != accountBefore;

        /// <summary>
        /// Whether a save whose account before it is not known may move the deal — a flow's move sent as a related row of
        /// the deal's save is judged after the deal is written, without its former account: it may when it sends the column
        /// the account is read from (the customer, or the Account field when the customer is a contact), and is then judged
        /// as moving it, the same customer re-sent included.
        /// </summary>
        public static bool MayMove(bool sendsCustomer, bool sendsAccountField, bool customerIsAccount) =>
            sendsCustomer || (!customerIsAccount && sendsAccountField);

        /// <summary>
        /// Whether the deal's save moves it, judged from one of its related rows: as the save's own PreOperation step recorded
        /// it with the account before (<paramref name="recorded"/>), else as <see cref="MayMove"/> guesses from what it sends.
        /// </summary>
        public static bool MovedBySave(bool? recorded, bool sendsCustomer, bool sendsAccountField, bool customerIsAccount) =>
            recorded ?? MayMove(sendsCustomer, sendsAccountField, customerIsAccount);

        public static IReadOnlyList<Guid> ToReopen(IEnumerable<ReviewState> reviews) =>
            reviews.Where(r => r.IsCurrent && r.Decision != ReviewDecision.Pending).Select(r => r.Id).ToList();
    }
}
