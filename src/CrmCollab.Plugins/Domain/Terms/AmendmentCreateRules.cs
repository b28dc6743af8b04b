using System;

namespace CrmCollab.Plugins.Domain.Terms
{
    /// <summary>
    /// What a new amendment must be, whatever the client (form, import, API): not decided yet, with its reason and a
    /// proposed value, on a deal that is won. One refusal, the first that applies.
    /// </summary>
    public static class AmendmentCreateRules
    {
        /// <param name="sendsStamps">Approved by / approved on / applied on are in the create.</param>
        /// <param name="state">The state sent; null when none (it starts as Draft).</param>
        /// <param name="choosesDeal">The amendment names the opportunity it changes.</param>
        /// <param name="dealIsWon">Asked only when the rest holds (it costs a read of the deal).</param>
        /// <param name="dealWasWonOnce">Asked only of a deal not won: it was won before and reopened (its terms stay locked).</param>
        public static Refusal Check(bool sendsStamps, AmendmentState? state, string reason, bool proposesAnyValue,
            bool choosesDeal, Func<bool> dealIsWon, Func<bool> dealWasWonOnce = null)
        {
            if (sendsStamps) return new Refusal(RefusalCodes.AmendmentStamps, AmendmentRules.StampRefusal);
            if (state.HasValue && state != AmendmentState.Draft && state != AmendmentState.Submitted)
                return new Refusal(RefusalCodes.AmendmentCreatedDecided,
                    $"A new amendment cannot be saved as {Label(state.Value)}: save it as Draft or Submitted, then the deal's finance reviewer " +
                    "or a CrmCollab Administrator approves or rejects it.");
            string text = AmendmentRules.CheckContent(reason, proposesAnyValue);
            if (text != null) return new Refusal(RefusalCodes.AmendmentContent, text);
            if (!choosesDeal)
                return new Refusal(RefusalCodes.AmendmentNoDeal,
                    "Choose the won opportunity whose agreed terms this amendment changes (the Opportunity column), then save again.");
            if (!dealIsWon())
                return new Refusal(RefusalCodes.AmendmentDealNotWon,
                    dealWasWonOnce != null && dealWasWonOnce() ? AmendmentRules.DealReopened : AmendmentRules.DealNotWon);
            return null;
        }

        /// <summary>A new amendment is not decided, so it carries no approver's comment: that is written with the decision.</summary>
        public static Refusal CheckApproverComment(bool writesApproverComment) =>
            writesApproverComment ? new Refusal(RefusalCodes.AmendmentApproverComment, AmendmentRules.ApproverCommentRefusal) : null;

        /// <summary>
        /// An amendment to a won deal is raised by its salesperson (the deal's owner, or a member of the team that owns it) or a
        /// CrmCollab Administrator: a colleague who may only read and link to the deal (a salesperson reads the business unit's
        /// deals) would otherwise put new terms for someone else's customer before an approver.
        /// </summary>
        /// <param name="callerOwnsDeal">The caller owns the deal or belongs to the team that owns it.</param>
        public static Refusal CheckAuthor(Func<bool> callerOwnsDeal, Func<bool> callerIsAdministrator) =>
            callerOwnsDeal() || callerIsAdministrator() ? null
            : new Refusal(RefusalCodes.AmendmentDealOwnerOnly,
                "Amendments to a won deal are raised by its salesperson, the deal's owner. Ask them to raise this one, " +
                "or ask a CrmCollab administrator to give you the deal first.");

        /// <summary>The state as the form shows it ("Approved"), or "that state" for a value that is not one.</summary>
        private static string Label(AmendmentState state) =>
            Enum.IsDefined(typeof(AmendmentState), state) ? state.ToString() : "that state";
    }
}
