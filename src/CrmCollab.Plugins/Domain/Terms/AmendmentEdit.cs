using System;

namespace CrmCollab.Plugins.Domain.Terms
{
    /// <summary>
    /// An Update of an amendment as its guard sees it. Facts that cost a query are functions, asked only when the
    /// check that needs them is reached.
    /// </summary>
    public sealed class AmendmentEdit
    {
        /// <summary>Approved by / approved on / applied on are in the update.</summary>
        public bool SendsStamps { get; set; }

        /// <summary>The update points the amendment at another deal.</summary>
        public bool ChangesDeal { get; set; }

        /// <summary>
        /// The update sends the amendment's state empty. Its state is only "required" for forms (the SDK and the Web API
        /// save an empty one), and an amendment without one is in none of the views that find it by state.
        /// </summary>
        public bool ClearsState { get; set; }

        public AmendmentState From { get; set; }
        public AmendmentState To { get; set; }

        /// <summary>The reason or a proposed value changes.</summary>
        public bool ChangesContent { get; set; }

        /// <summary>The caller created the amendment.</summary>
        public bool CallerIsAuthor { get; set; }

        /// <summary>The caller is a CrmCollab Administrator (asked only when someone else than its author moves it between Draft and Submitted).</summary>
        public Func<bool> CallerIsAdministrator { get; set; } = () => false;

        public string Reason { get; set; }
        public bool ProposesAnyValue { get; set; }
        public string ApproverComment { get; set; }

        /// <summary>The update writes another approver's comment (or clears it): allowed only with the decision.</summary>
        public bool ChangesApproverComment { get; set; }

        /// <summary>Why the caller may not approve or reject it (null: they may): <see cref="AmendmentRules.CheckApprover"/>.</summary>
        public Func<string> ApproverProblem { get; set; } = () => null;

        public Func<bool> DealIsWon { get; set; } = () => true;

        /// <summary>The update writes the proposed amount or the amendment's currency.</summary>
        public bool ChangesAmountOrCurrency { get; set; }

        /// <summary>
        /// Why the amendment's amount is not in its deal's currency (<see cref="AmendmentCurrency.Check"/>; the argument: the
        /// check is the approval's); null when it is. Asked when the amount or currency changes, and at approval.
        /// </summary>
        public Func<bool, Refusal> CurrencyProblem { get; set; } = approving => null;

        /// <summary>The amendment's status (statecode) before the update; null: active.</summary>
        public int? StatusBefore { get; set; }

        /// <summary>The status the update sets; null when it leaves the status alone.</summary>
        public int? StatusAfter { get; set; }

        /// <summary>
        /// The update carries the status and nothing else: the grid's Deactivate, a SetState, or the second half of an
        /// Update that also changed other columns (Dataverse runs the status in an Update of its own).
        /// </summary>
        public bool ChangesOnlyStatus { get; set; }
    }

    /// <summary>
    /// The order in which an amendment's update is checked; one refusal, the first that applies: the stamps, its deal,
    /// the move, its author's content, the approver and the decision, then its status (<see cref="AmendmentStatusRules"/>).
    /// </summary>
    public static class AmendmentEditRules
    {
        public static Refusal Check(AmendmentEdit edit)
        {
            // A status change alone leaves the amendment as it is: decided ones too may leave the active views.
            if (edit.ChangesOnlyStatus) return AmendmentStatusRules.CheckDeactivation(edit.StatusBefore, edit.StatusAfter, edit.From);
            return CheckChange(edit) ?? AmendmentStatusRules.CheckDeactivation(edit.StatusBefore, edit.StatusAfter,
                edit.To == AmendmentState.Approved ? AmendmentState.Applied : edit.To); // an approval is applied in the same save
        }

        private static Refusal CheckChange(AmendmentEdit edit)
        {
            if (edit.SendsStamps) return new Refusal(RefusalCodes.AmendmentStamps, AmendmentRules.StampRefusal);
            if (edit.ChangesDeal)
                return new Refusal(RefusalCodes.AmendmentDealFixed,
                    "An amendment stays with the deal it was raised on. To change another deal's terms, raise a new amendment on that deal.");
            // Emptied, a submitted amendment would leave Amendments awaiting approval undecided, as a move back to Draft by
            // someone other than its author would; a decided one would no longer read as the deal's history.
            if (edit.ClearsState)
                return new Refusal(RefusalCodes.AmendmentTransition,
                    "An amendment always has a state (Draft, Submitted, Approved, Rejected or Applied): it is how its approvers and its author find it. " +
                    "Leave the state as it is; its author takes a submitted amendment back to Draft, an approver approves or rejects it.");
            bool closed = edit.From == AmendmentState.Applied || edit.From == AmendmentState.Rejected;
            string text = AmendmentRules.CheckTransition(edit.From, closed && edit.To == edit.From ? AmendmentState.Draft : edit.To);
            if (text != null) return new Refusal(RefusalCodes.AmendmentTransition, text);
            bool deciding = edit.From != edit.To && (edit.To == AmendmentState.Approved || edit.To == AmendmentState.Rejected);
            // The approver's comment is the approver's word: written with the decision, whose approver is checked below, so
            // its author (or a reviewer who may write the row but not decide it) cannot put words in the approver's mouth.
            if (edit.ChangesApproverComment && !deciding)
                return new Refusal(RefusalCodes.AmendmentApproverComment, AmendmentRules.ApproverCommentRefusal);
            // Submitting is the author's word that the proposal is ready, and taking it back their decision: someone else
            // (a reviewer may write every amendment) would otherwise put a draft's unsettled figures before an approver, or
            // pull a submitted one out of Amendments awaiting approval without deciding it.
            bool submitsOrTakesBack = (edit.From == AmendmentState.Draft && edit.To == AmendmentState.Submitted)
                || (edit.From == AmendmentState.Submitted && edit.To == AmendmentState.Draft);
            if (submitsOrTakesBack && !edit.CallerIsAuthor && !edit.CallerIsAdministrator())
                return new Refusal(RefusalCodes.AmendmentAuthorOnly,
                    "Only the person who raised this amendment submits it or takes it back to Draft; an approver approves or rejects it as it is. " +
                    "Reject it with a comment if it needs other values.");
            if (edit.ChangesContent && !edit.CallerIsAuthor)
                return new Refusal(RefusalCodes.AmendmentAuthorOnly,
                    "Only the person who raised this amendment can change its reason or proposed values; an approver approves or rejects it as it is. " +
                    "Reject it with a comment if it needs other values.");
            // What was submitted is what its approver decides on: its author changes it back in Draft, then submits again.
            if (edit.ChangesContent && edit.From == AmendmentState.Submitted && edit.To != AmendmentState.Draft)
                return new Refusal(RefusalCodes.AmendmentSubmittedFrozen,
                    "This amendment is submitted: its approver decides on it as it is. Set it back to Draft to change its reason or values, then submit it again.");
            text = AmendmentRules.CheckContent(edit.Reason, edit.ProposesAnyValue);
            if (text != null) return new Refusal(RefusalCodes.AmendmentContent, text);
            Refusal currency = edit.ChangesAmountOrCurrency ? edit.CurrencyProblem(false) : null;
            if (currency != null) return currency;
            if (!deciding) return null;
            text = edit.ApproverProblem();
            if (text != null) return new Refusal(RefusalCodes.AmendmentApprover, text);
            text = AmendmentRules.CheckDecision(edit.To, edit.ApproverComment);
            if (text != null) return new Refusal(RefusalCodes.AmendmentContent, text);
            if (edit.To == AmendmentState.Approved && !edit.DealIsWon())
                return new Refusal(RefusalCodes.AmendmentDealNotWon,
                    "This amendment cannot be applied: its deal is no longer won (it was reopened). Amendments change the terms of a won deal only; reject this one with a comment.");
            // The deal's currency may have changed since the amount was written (reopened, changed, won again).
            return edit.To == AmendmentState.Approved ? edit.CurrencyProblem(true) : null;
        }

        /// <summary>
        /// A decided amendment is the deal's history: it stays, unless its deal itself is being deleted. A submitted one is
        /// taken out of Amendments awaiting approval undecided only by its author or a CrmCollab Administrator, as moving it
        /// back to Draft is: whoever owns it otherwise (the deal's next owner, its amendments following the deal's Assign)
        /// leaves it to its approver. A draft is deleted by whoever may.
        /// </summary>
        /// <param name="callerIsAuthor">The caller created the amendment (asked only of a submitted one).</param>
        /// <param name="callerIsAdministrator">Asked only of a submitted amendment someone else deletes.</param>
        public static Refusal CheckDelete(AmendmentState state, bool deletedWithItsDeal, Func<bool> callerIsAuthor = null,
            Func<bool> callerIsAdministrator = null)
        {
            if (deletedWithItsDeal) return null;
            if (state == AmendmentState.Submitted && callerIsAuthor != null && !callerIsAuthor()
                && (callerIsAdministrator == null || !callerIsAdministrator()))
                return new Refusal(RefusalCodes.AmendmentAuthorOnly,
                    "This amendment is waiting for approval: only the person who raised it, or a CrmCollab Administrator, takes it out of " +
                    "Amendments awaiting approval. Leave it to its approver, who approves or rejects it with a comment.");
            if (state != AmendmentState.Applied && state != AmendmentState.Rejected) return null;
            return new Refusal(RefusalCodes.AmendmentIsHistory,
                $"This amendment is {state.ToString().ToLowerInvariant()}: it is the record of how the deal's agreed terms changed (or why they did not), so it cannot be deleted.");
        }
    }
}
