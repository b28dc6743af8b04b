namespace CrmCollab.Plugins.Domain
{
    /// <summary>
    /// Every refusal code CrmCollab gives, in one place. Codes are stable: reports, the CLI and web resources group
    /// and react by code, so a code is never renamed or reused for another rule.
    /// </summary>
    public static class RefusalCodes
    {
        public const string Prefix = "CRMC-";

        // Opportunity: stages, gate, close, reopen, delete.
        public const string StageDataMissing = "CRMC-STAGE-DATA-MISSING";
        public const string GateNotCleared = "CRMC-GATE-NOT-CLEARED";
        public const string GateReviewMissing = "CRMC-GATE-REVIEW-MISSING";
        public const string CreatedClosed = "CRMC-DEAL-CREATED-CLOSED";
        public const string ReopenNotAllowed = "CRMC-DEAL-REOPEN-ADMIN-ONLY";
        public const string DeleteWonNotAllowed = "CRMC-DEAL-DELETE-WON-ADMIN-ONLY";
        public const string ServerOwnedColumn = "CRMC-SERVER-OWNED-COLUMN";
        public const string NoAccountForReviews = "CRMC-DEAL-NO-ACCOUNT";
        public const string NegativeAmount = "CRMC-DEAL-AMOUNT-INVALID";

        // Agreed terms after the win.
        public const string TermsLocked = "CRMC-TERMS-LOCKED";
        public const string ProductsLocked = "CRMC-PRODUCTS-LOCKED";
    }
}
