using System;

namespace CrmCollab.Plugins.Domain.Terms
{
    /// <summary>crmc_state of an amendment.</summary>
    public enum AmendmentState
    {
        Draft = 100000000,
        Submitted = 100000001,
        Approved = 100000002,
        Rejected = 100000003,
        Applied = 100000004,
    }

    /// <summary>How an amendment may move, and who may approve it.</summary>
    public static class AmendmentRules
    {
        /// <summary>Null when the move is allowed, else the refusal text.</summary>
        public static string CheckTransition(AmendmentState from, AmendmentState to)
        {
            if (from == to) return null;
            switch (from)
            {
                case AmendmentState.Draft when to == AmendmentState.Submitted:
                case AmendmentState.Submitted when to == AmendmentState.Approved || to == AmendmentState.Rejected || to == AmendmentState.Draft:
                    return null;
                case AmendmentState.Approved when to == AmendmentState.Applied:
                    return "An amendment is marked Applied by CrmCollab when it is applied to the deal; it cannot be set by hand.";
                case AmendmentState.Applied:
                case AmendmentState.Rejected:
                    return $"This amendment is {from.ToString().ToLowerInvariant()} and can no longer change. Create a new amendment instead.";
                default:
                    return $"An amendment cannot go from {from} to {to}. Submit it first, then an approver approves or rejects it.";
            }
        }

        /// <summary>
        /// A CrmCollab Administrator or the deal's finance reviewer approves; never the requester, and never a finance
        /// reviewer who owns the deal now (directly or through the owning team) or has owned it: the gate never counts a
        /// review approved by such a person (<see cref="Feasibility.OwnDealApprovals"/>), and an amendment is the clearance of
        /// a won deal's new terms. Otherwise a salesperson who is also a finance reviewer approves a colleague's deal, has it
        /// handed to them once won, and approves the discount its amendments ask for on what is now their own deal.
        /// </summary>
        /// <param name="approverOwnsOrOwnedDeal">Asked only of a finance reviewer who is no administrator (it may cost a query).</param>
        public static string CheckApprover(Guid approverId, Guid requesterId, bool approverIsAdministrator, bool approverIsFinanceReviewer,
            Func<bool> approverOwnsOrOwnedDeal = null)
        {
            if (approverId == requesterId)
                return "You requested this amendment, so someone else must approve it: the deal's finance reviewer or a CrmCollab Administrator.";
            if (approverIsAdministrator) return null;
            if (!approverIsFinanceReviewer)
                return "Only the deal's finance reviewer or a CrmCollab Administrator can approve or reject an amendment.";
            if (approverOwnsOrOwnedDeal != null && approverOwnsOrOwnedDeal())
                return "You own this opportunity, or have owned it, so you cannot approve or reject changes to its agreed terms, even as its finance reviewer. " +
                       "Ask a CrmCollab Administrator to decide this amendment.";
            return null;
        }

        /// <summary>
        /// Who requested an amendment: its creator (Created By, which no client writes and neither Assign nor the cascade of
        /// its deal's owner changes), not its owner. An administrator handed a won deal owns its amendments by cascade and
        /// approves the ones its rep raised; one they raised stays theirs whoever it is given to. The owner answers only
        /// for a row whose creator is not known.
        /// </summary>
        public static Guid RequesterOf(Guid? createdBy, Guid? owner) => createdBy ?? owner ?? Guid.Empty;

        /// <summary>A rejection tells the requester why, so they can raise a better amendment.</summary>
        public static string CheckDecision(AmendmentState to, string approverComment) =>
            to == AmendmentState.Rejected && string.IsNullOrWhiteSpace(approverComment)
                ? "Say why you reject this amendment (approver's comment), so the requester can act on it."
                : null;

        /// <summary>The approver's comment is their word on the decision: written in the save that records it, never ahead of it.</summary>
        public const string ApproverCommentRefusal =
            "The approver's comment is written by whoever approves or rejects this amendment (the deal's finance reviewer or a CrmCollab Administrator), " +
            "in the save that records the decision. Leave it as it is; explain the proposal in its reason.";

        public const string StampRefusal =
            "Approved by, approved on and applied on are set by CrmCollab when the amendment is decided; they cannot be typed in.";

        public const string DealNotWon =
            "Amendments change the locked terms of a won deal; this opportunity is not won, so edit its terms directly.";

        /// <summary>
        /// A deal won once and no longer won (reopened by an administrator, perhaps lost since): its terms stay locked as they
        /// were won (<see cref="LockedTerms"/>), so "edit its terms directly" would send the person to a refusal.
        /// </summary>
        public const string DealReopened =
            "This opportunity was won and has been reopened: the terms it was won on stay locked, and an amendment changes them only while the deal is won. " +
            "Raise this amendment once the deal is won again.";

        public static string CheckContent(string reason, bool proposesAnyValue)
        {
            if (string.IsNullOrWhiteSpace(reason)) return "Give the reason for this amendment: approvers and downstream owners read it.";
            if (!proposesAnyValue) return "An amendment must propose at least one new value (amount, discount, requested delivery or payment terms).";
            return null;
        }
    }
}
