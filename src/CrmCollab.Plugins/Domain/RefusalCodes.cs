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
        public const string MergeWonNotAllowed = "CRMC-CUSTOMER-MERGE-WON-ADMIN-ONLY";
        public const string ServerOwnedColumn = "CRMC-SERVER-OWNED-COLUMN";
        public const string NoAccountForReviews = "CRMC-DEAL-NO-ACCOUNT";
        public const string NegativeAmount = "CRMC-DEAL-AMOUNT-INVALID";
        // A closed deal (won or lost) asked about: Dataverse neither wins nor changes a closed opportunity until it is reopened.
        public const string DealClosed = "CRMC-DEAL-CLOSED";

        // Agreed terms after the win.
        public const string TermsLocked = "CRMC-TERMS-LOCKED";
        public const string ProductsLocked = "CRMC-PRODUCTS-LOCKED";

        // Issue 15: reviews, amendments, handoffs, signals and settings that cannot be bent.
        public const string ReviewServerColumn = "CRMC-REVIEW-SERVER-COLUMN";
        public const string ReviewNotDeactivated = "CRMC-REVIEW-NOT-DEACTIVATED";
        public const string ReviewFrozenOnceWon = "CRMC-REVIEW-FROZEN-WON";
        public const string ReviewDecisionIncomplete = "CRMC-REVIEW-DECISION-INCOMPLETE";
        public const string ReviewDeciderNotAllowed = "CRMC-REVIEW-DECIDER-NOT-ALLOWED";
        public const string ReviewHandOverNotAllowed = "CRMC-REVIEW-HANDOVER-NOT-ALLOWED";
        public const string ReviewDecidedOwnerKept = "CRMC-REVIEW-DECIDED-OWNER-KEPT";
        public const string ReviewDecisionFinal = "CRMC-REVIEW-DECISION-FINAL";
        public const string ReviewDealLost = "CRMC-REVIEW-DEAL-LOST";
        public const string AmendmentStamps = "CRMC-AMENDMENT-SERVER-COLUMN";
        public const string AmendmentDealFixed = "CRMC-AMENDMENT-DEAL-FIXED";
        public const string AmendmentDealNotWon = "CRMC-AMENDMENT-DEAL-NOT-WON";
        public const string AmendmentTransition = "CRMC-AMENDMENT-TRANSITION";
        public const string AmendmentAuthorOnly = "CRMC-AMENDMENT-AUTHOR-ONLY";
        public const string AmendmentContent = "CRMC-AMENDMENT-CONTENT";
        public const string AmendmentApprover = "CRMC-AMENDMENT-APPROVER";
        public const string AmendmentIsHistory = "CRMC-AMENDMENT-HISTORY";
        public const string AmendmentDealOwnerOnly = "CRMC-AMENDMENT-DEAL-OWNER-ONLY";
        public const string AmendmentApproverComment = "CRMC-AMENDMENT-APPROVER-COMMENT";
        public const string HandoffServerColumn = "CRMC-HANDOFF-SERVER-COLUMN";
        public const string HandoffClosed = "CRMC-HANDOFF-CLOSED";
        public const string HandoffReopenAdminOnly = "CRMC-HANDOFF-REOPEN-ADMIN-ONLY";
        public const string HandoffReopenLostDeal = "CRMC-HANDOFF-REOPEN-LOST-DEAL";
        public const string HandoffAcceptOwnerOnly = "CRMC-HANDOFF-ACCEPT-OWNER-ONLY";
        public const string HandoffWorkOwnerOnly = "CRMC-HANDOFF-WORK-OWNER-ONLY";
        public const string HandoffCancelAdminOnly = "CRMC-HANDOFF-CANCEL-ADMIN-ONLY";
        public const string HandoffCancelReason = "CRMC-HANDOFF-CANCEL-REASON";
        public const string HandoffEvidenceMissing = "CRMC-HANDOFF-EVIDENCE-MISSING";
        public const string HandoffIsHistory = "CRMC-HANDOFF-HISTORY";
        public const string HandoffHandOverNotAllowed = "CRMC-HANDOFF-HANDOVER-NOT-ALLOWED";
        public const string HandoffsOpenOnLoss = "CRMC-HANDOFF-OPEN-ON-LOSS";
        public const string ProductsWithStageMove = "CRMC-PRODUCTS-STAGE-SAME-SAVE";
        public const string CloseHistoryKept = "CRMC-CLOSE-HISTORY-KEPT";
        public const string HandoffAcceptanceKept = "CRMC-HANDOFF-ACCEPTANCE-KEPT";
        public const string HandoffClosedOwnerKept = "CRMC-HANDOFF-CLOSED-OWNER-KEPT";
        public const string HandoffUnroutedWork = "CRMC-HANDOFF-UNROUTED-WORK";
        public const string HandoffClosedStateAdminOnly = "CRMC-HANDOFF-CLOSED-STATE-ADMIN-ONLY";
        public const string ReviewIsHistory = "CRMC-REVIEW-HISTORY";
        public const string TemplateUnknownColumn = "CRMC-TEMPLATE-UNKNOWN-COLUMN";
        public const string TemplateInUse = "CRMC-TEMPLATE-IN-USE";
        public const string TemplateIncomplete = "CRMC-TEMPLATE-INCOMPLETE";
        public const string TemplateDuplicate = "CRMC-TEMPLATE-DUPLICATE";
        public const string TemplateEvidenceNotWatched = "CRMC-TEMPLATE-EVIDENCE-NOT-WATCHED";
        public const string OwnerCannotOwn = "CRMC-OWNER-CANNOT-OWN";
        public const string SignalServerColumn = "CRMC-SIGNAL-SERVER-COLUMN";
        public const string SettingSchemaMismatch = "CRMC-SETTING-SCHEMA-MISMATCH";
        public const string SettingInvalid = "CRMC-SETTING-INVALID";
        public const string SettingUnknownColumn = "CRMC-SETTING-UNKNOWN-COLUMN";
        public const string SettingUnknownQueue = "CRMC-SETTING-UNKNOWN-QUEUE";
        public const string SettingUnverifiable = "CRMC-SETTING-UNVERIFIABLE";
        public const string SettingNotLockable = "CRMC-SETTING-NOT-LOCKABLE";
        public const string SettingQueueInUse = "CRMC-SETTING-QUEUE-IN-USE";
        public const string SettingValueExists = "CRMC-SETTING-VALUE-EXISTS";
        public const string RuleInvalid = "CRMC-RULE-INVALID";

        // Amendments and reviews created in a state only a decision gives, inactive, or without what they need; an open
        // amendment deactivated.
        public const string AmendmentCreatedDecided = "CRMC-AMENDMENT-CREATED-DECIDED";
        public const string AmendmentNoDeal = "CRMC-AMENDMENT-NO-DEAL";
        public const string AmendmentCreatedInactive = "CRMC-AMENDMENT-CREATED-INACTIVE";
        public const string AmendmentNotDeactivated = "CRMC-AMENDMENT-NOT-DEACTIVATED";
        public const string ReviewCreatedDecided = "CRMC-REVIEW-CREATED-DECIDED";
        public const string ReviewCreatedInactive = "CRMC-REVIEW-CREATED-INACTIVE";
        public const string ReviewCreatedIncomplete = "CRMC-REVIEW-CREATED-INCOMPLETE";
        public const string ReviewDealClosed = "CRMC-REVIEW-DEAL-CLOSED";

        // Administrators' set-up: dedicated owners and routing rules.
        public const string OwnerInvalid = "CRMC-OWNER-INVALID";
        public const string OwnerOverlap = "CRMC-OWNER-OVERLAP";
        // The daily re-routing of dedicated owner periods asked for a day to come, or more than a year back.
        public const string OwnerPeriodDayToCome = "CRMC-OWNER-PERIOD-DAY-TO-COME";
        public const string OwnerPeriodTooFarBack = "CRMC-OWNER-PERIOD-TOO-FAR-BACK";
        public const string RoutingRuleInvalid = "CRMC-ROUTING-RULE-INVALID";
        // Routing: an active routing rule tied with another (same function, criteria and priority), so one never routes.
        public const string RoutingRuleTied = "CRMC-ROUTING-RULE-TIED";
        public const string RoutingTargetCannotOwn = "CRMC-ROUTING-TARGET-CANNOT-OWN";
        public const string RoutingQueueInUse = "CRMC-ROUTING-QUEUE-IN-USE";

        // Field signals raised incomplete, inactive or to a disabled salesperson, deactivated before they are acknowledged, or
        // deleted (a signal, its lead, its account) by anyone but a CrmCollab Administrator.
        public const string SignalIncomplete = "CRMC-SIGNAL-INCOMPLETE";
        public const string SignalCreatedInactive = "CRMC-SIGNAL-CREATED-INACTIVE";
        public const string SignalNotAcknowledged = "CRMC-SIGNAL-NOT-ACKNOWLEDGED";
        public const string SignalSalespersonDisabled = "CRMC-SIGNAL-SALESPERSON-DISABLED";
        public const string SignalLeadIsHistory = "CRMC-SIGNAL-LEAD-HISTORY";
        public const string SignalIsHistory = "CRMC-SIGNAL-HISTORY";
        // A lead merge that would move a field signal's lead away, or hang a deal of another account on it.
        public const string SignalLeadMerge = "CRMC-SIGNAL-LEAD-MERGE";
        // The competitor field signals name (as the one seen at their accounts) deleted by anyone but a CrmCollab Administrator.
        public const string SignalCompetitorIsHistory = "CRMC-SIGNAL-COMPETITOR-HISTORY";
        public const string AccountDeleteSignals = "CRMC-ACCOUNT-DELETE-SIGNALS";

        // The account's last field-signal date written by anyone but CrmCollab's signal intake.
        public const string AccountSignalDate = "CRMC-ACCOUNT-SIGNAL-DATE";

        // The account's churn-risk mark set or cleared by someone other than its salesperson, or cleared over an open signal.
        public const string AccountChurnMark = "CRMC-ACCOUNT-CHURN-MARK";

        // An account's industry, territory, size or parent account changed by someone other than a CrmCollab Administrator
        // while it has open deals: they decide which feasibility reviews the deals need and who reviews them.
        public const string AccountSegmentAdminOnly = "CRMC-ACCOUNT-SEGMENT-ADMIN-ONLY";

        // A deal naming as its originating lead one raised from a field signal on another account.
        public const string DealLeadOtherAccount = "CRMC-DEAL-LEAD-OTHER-ACCOUNT";

        // Post-sale handoff creation (the job on a win, and the Create Post-Sale Handoff workflow step).
        public const string HandoffNoAccount = "CRMC-HANDOFF-NO-ACCOUNT";
        public const string HandoffIncomplete = "CRMC-HANDOFF-INCOMPLETE";
        public const string HandoffMissing = "CRMC-HANDOFF-MISSING";
        public const string HandoffDealNotWon = "CRMC-HANDOFF-DEAL-NOT-WON";

        // A business process flow of a deal: moved by someone who may not edit the deal.
        public const string FlowMoveDenied = "CRMC-FLOW-MOVE-DENIED";

        // Any write or workflow step: a value of the wrong kind, a step configured without its input, a step that failed.
        public const string ValueWrongKind = "CRMC-VALUE-WRONG-KIND";
        public const string WorkflowInputMissing = "CRMC-WORKFLOW-INPUT-MISSING";
        public const string WorkflowStepFailed = "CRMC-WORKFLOW-STEP-FAILED";
        public const string WorkflowOnly = "CRMC-WORKFLOW-ONLY";
        public const string WorkflowUserRights = "CRMC-WORKFLOW-USER-RIGHTS";
        // A workflow step whose workflow's user is disabled (or in no business unit): Dataverse refuses every call it makes.
        public const string WorkflowUserDisabled = "CRMC-WORKFLOW-USER-DISABLED";
        // A custom API that reads with its caller's rights (Get Feasibility Status) met a record the caller may not read.
        public const string CallerRights = "CRMC-CALLER-RIGHTS";
        // A custom API asked about a record that does not exist (deleted, or a wrong id in a flow).
        public const string RecordNotFound = "CRMC-RECORD-NOT-FOUND";
        // A custom API given a value that is not one of CrmCollab's functions.
        public const string FunctionUnknown = "CRMC-FUNCTION-UNKNOWN";

        // Any plugin step: Dataverse refused a request the step made, for a reason that is no CrmCollab rule.
        public const string PlatformFault = "CRMC-PLATFORM-FAULT";

        // Any plugin step: registered on an event its plug-in does not handle, or failed on an unexpected error.
        public const string StepNotHandled = "CRMC-STEP-NOT-HANDLED";
        public const string StepFailed = "CRMC-STEP-FAILED";

        // Any plugin step: registered without what it reads (an image), or run without what the platform always passes.
        public const string StepMisconfigured = "CRMC-STEP-MISCONFIGURED";

        // Routing: a routing rule or dedicated owner names something work cannot be routed to.
        public const string RoutingTargetKind = "CRMC-ROUTING-TARGET-KIND";

        // An amendment's content while its approver decides on it.
        public const string AmendmentSubmittedFrozen = "CRMC-AMENDMENT-SUBMITTED-FROZEN";

        // An amendment's amount in another currency than its deal's (copied as it is, 100,000 yen would become 100,000 euros).
        public const string AmendmentCurrency = "CRMC-AMENDMENT-CURRENCY";

        // A win whose actual revenue is in another currency than its deal's (a close raised by a rep working in yen on a euro deal).
        public const string WinCurrency = "CRMC-WIN-CURRENCY";
    }
}
