namespace CrmCollab.Plugins.Domain.Terms
{
    /// <summary>
    /// How a deal may enter and leave its final states: created open only (closing is Win or Lose), reopened and
    /// deleted once won only by a CrmCollab Administrator, because the downstream teams' handoffs, reviews and
    /// amendments hang on the won deal.
    /// </summary>
    public static class DealLifecycle
    {
        public const int Open = 0, Won = 1, Lost = 2;

        public static Refusal OnCreate(int? state) =>
            state == Won || state == Lost
                ? new Refusal(RefusalCodes.CreatedClosed,
                    "A deal cannot be created already won or lost. Create it open, then close it with Close as Won or Close as Lost, so its reviews and handoffs follow.")
                : null;

        /// <param name="wasWon">The deal is Won now, or was won before (a reopened deal).</param>
        public static Refusal OnReopen(int? stateBefore, int? stateAfter, bool isAdministrator)
        {
            if (stateBefore != Won || stateAfter != Open || isAdministrator) return null;
            return new Refusal(RefusalCodes.ReopenNotAllowed,
                "A won deal can be reopened only by a CrmCollab Administrator: its handoffs are already with the downstream teams. " +
                "To change its terms, raise an amendment; to reopen it, ask your CrmCollab administrator.");
        }

        /// <summary>
        /// A closed deal moves no stage and is not won (again): Dataverse refuses a Win of an opportunity already Won or Lost,
        /// and a closed opportunity cannot be changed until it is reopened (Microsoft: "Troubleshoot issues with an
        /// opportunity"). What the Get Feasibility Status step answers for both attempts, saying who may reopen it
        /// (<see cref="OnReopen"/>: a won deal only a CrmCollab Administrator, a lost one whoever may edit it).
        /// </summary>
        /// <returns>Null for an open deal, which the gate judges.</returns>
        public static Refusal WhileClosed(int? state, string dealName)
        {
            if (state == Lost)
                return new Refusal(RefusalCodes.DealClosed,
                    $"{Named(dealName)} is lost: it cannot move to another stage or be won until it is reopened. " +
                    "Its salesperson, or anyone else who may edit it, can reopen it with Reopen Opportunity.");
            if (state == Won)
                return new Refusal(RefusalCodes.DealClosed,
                    $"{Named(dealName)} is already won: it cannot move to another stage or be won again until it is reopened, " +
                    "which only a CrmCollab Administrator may do. To change its agreed terms, raise an amendment.");
            return null;
        }

        /// <summary>The deal by its name; "This opportunity" for one saved without a name (the API does not require it).</summary>
        private static string Named(string dealName) =>
            string.IsNullOrWhiteSpace(dealName) ? "This opportunity" : $"The opportunity '{dealName}'";

        /// <summary>
        /// A lost deal moved forward — its own stage (salesstage, stepname) or its business process flow past the deal's
        /// stage: refused as any move of a closed deal (<see cref="WhileClosed"/>, what Get Feasibility Status answers), since
        /// any salesperson may reopen a lost deal and it would come back past a gate the move never had judged (its pending
        /// reviews withdrawn at the loss). Before, the deal's own stage met the gate, which told the salesperson that saving
        /// the deal would request the missing reviews (a lost deal asks for none), or let a deal lost with its approvals move
        /// on while lost. A won deal's flow, whose gate the win passed, and a move back are left free: null.
        /// </summary>
        public static Refusal OnMovedForward(int? state, string dealName) => state == Lost ? WhileClosed(state, dealName) : null;

        /// <summary>Deleting a customer deletes its deals with it: the same rule as deleting a won deal.</summary>
        public static Refusal OnCustomerDelete(bool hasWonDeal, System.Func<bool> isAdministrator)
        {
            if (!hasWonDeal || isAdministrator()) return null;
            return new Refusal(RefusalCodes.DeleteWonNotAllowed,
                "This customer has won deals: deleting it would delete them too, with the downstream teams' handoffs, reviews and amendments. " +
                "Deactivate the customer instead, or ask your CrmCollab administrator if it really must go.");
        }

        /// <summary>
        /// Deleting the account or contact won deals name in their Account or Contact field (not their customer): the
        /// platform clears the field on them, an agreed term locked after the win and, for the account, what their handoffs
        /// are routed by; so, as for their customer, only an administrator may.
        /// </summary>
        public static Refusal OnNamedByWonDealDelete(bool namedByWonDeal, System.Func<bool> isAdministrator)
        {
            if (!namedByWonDeal || isAdministrator()) return null;
            return new Refusal(RefusalCodes.DeleteWonNotAllowed,
                "Won deals name this record as their Account or Contact: deleting it would clear that agreed term without an amendment, " +
                "and leave their handoffs without the account they are routed by. Deactivate it instead, or ask your CrmCollab administrator if it really must go.");
        }

        /// <summary>
        /// Deleting an account deletes the contacts whose company it is (contact_customer_accounts: Delete Cascade), below the
        /// contacts' own Delete steps, which no page says run: with them go the deals they are the customer of
        /// (opportunity_customer_contacts: Cascade), and the won deals that name one as their Contact lose it (RemoveLink). So,
        /// as for the account's own won deals, only an administrator may.
        /// </summary>
        /// <param name="contactIsWonCustomer">A contact of the account is the customer of a won (or once-won) deal.</param>
        /// <param name="contactNamedByWonDeal">A contact of the account is a won (or once-won) deal's Contact.</param>
        public static Refusal OnAccountContactsDelete(bool contactIsWonCustomer, System.Func<bool> contactNamedByWonDeal,
            System.Func<bool> isAdministrator)
        {
            if (contactIsWonCustomer && !isAdministrator())
                return new Refusal(RefusalCodes.DeleteWonNotAllowed,
                    "Contacts of this account are the customers of won deals: deleting the account deletes its contacts, and those deals with them, " +
                    "with the downstream teams' handoffs, reviews and amendments. Deactivate the account instead, or ask your CrmCollab administrator if it really must go.");
            if (!contactIsWonCustomer && contactNamedByWonDeal() && !isAdministrator())
                return new Refusal(RefusalCodes.DeleteWonNotAllowed,
                    "Won deals name contacts of this account as their Contact: deleting the account deletes its contacts and clears that agreed term " +
                    "without an amendment. Deactivate the account instead, or ask your CrmCollab administrator if it really must go.");
            return null;
        }

        /// <summary>
        /// Merging a customer away moves its deals to the customer that stays: a won deal would change customer after its
        /// terms were agreed, so, as for a delete, only an administrator may.
        /// </summary>
        public static Refusal OnCustomerMerge(bool mergedAwayHasWonDeal, System.Func<bool> isAdministrator)
        {
            if (!mergedAwayHasWonDeal || isAdministrator()) return null;
            return new Refusal(RefusalCodes.MergeWonNotAllowed,
                "The record you are merging away has won deals: merging would move them, with their agreed terms, handoffs and reviews, to the record that stays. " +
                "Keep both records, or ask your CrmCollab administrator to merge them.");
        }

        public static Refusal OnDelete(bool wasWon, bool isAdministrator)
        {
            if (!wasWon || isAdministrator) return null;
            return new Refusal(RefusalCodes.DeleteWonNotAllowed,
                "A won deal cannot be deleted: deleting it would also delete the downstream teams' handoffs, reviews and amendments. " +
                "Ask your CrmCollab administrator if it really must go.");
        }
    }
}
