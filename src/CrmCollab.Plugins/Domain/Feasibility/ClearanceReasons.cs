namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// Why a required function's review holds an attempt at the gate (<see cref="ClearanceBlock.Reason"/>): stable codes
    /// for clients (the Get Feasibility Status workflow step returns them), never prose. Listed once, here.
    /// </summary>
    public static class ClearanceReasons
    {
        /// <summary>The rules in force ask for the function's review and none is on record (a rule now applies, the deal's
        /// terms or account changed, a merge re-opened its approvals): it is requested at the deal's next review request.</summary>
        public const string Missing = "MISSING";

        /// <summary>The function approved the deal before another of its rules came to apply (it watches terms that
        /// approval did not cover, <see cref="ReviewCoverage"/>): a new review is needed.</summary>
        public const string Outgrown = "OUTGROWN";

        /// <summary>The review is waiting for its reviewer's decision.</summary>
        public const string Pending = "PENDING";

        /// <summary>The reviewer rejected the deal.</summary>
        public const string Rejected = "REJECTED";

        /// <summary>The decision stands on terms changed since without CrmCollab's checks (<see cref="OutdatedDecisions"/>).</summary>
        public const string Outdated = "OUTDATED";

        /// <summary>The attempt itself changes terms the decision approved (a save's new terms, a win at another price than
        /// the estimate, <see cref="WinPrice"/>): it re-opens that decision.</summary>
        public const string Reopened = "REOPENED";

        /// <summary>The approval was decided by whoever owns the deal now (<see cref="OwnDealApprovals"/>).</summary>
        public const string OwnDeal = "OWN-DEAL";
    }
}
