namespace CrmCollab.Plugins.Data
{
    public static class FeasibilityRuleRow
    {
        public const string Table = "crmc_feasibilityrule", Id = "crmc_feasibilityruleid", Name = "crmc_name",
            Function = "crmc_function", MinAmount = "crmc_minamount", CustomOnly = "crmc_customonly",
            // The minimum's currency (weighed at its rate of the day: FeasibilityRuleRows).
            TransactionCurrencyId = Opportunity.TransactionCurrencyId,
            MinDiscountPercent = "crmc_mindiscountpercent", MaxLeadDays = "crmc_maxleaddays", IndustryCode = "crmc_industrycode",
            TriggerStage = "crmc_triggerstage", GateStage = "crmc_gatestage", SlaHours = "crmc_slahours",
            RelevantColumns = "crmc_relevantcolumns", IsActive = "crmc_isactive";
    }

    public static class FeasibilityReviewRow
    {
        public const string Table = "crmc_feasibilityreview", Id = "crmc_feasibilityreviewid", Name = "crmc_name",
            OpportunityId = "crmc_opportunityid", Function = "crmc_function", Decision = "crmc_decision",
            Conditions = "crmc_conditions", RejectionReason = "crmc_rejectionreason", DueDate = "crmc_duedate",
            DecidedOn = "crmc_decidedon", DecidedBy = "crmc_decidedby", TermsFingerprint = "crmc_termsfingerprint",
            RoutingPath = "crmc_routingpath", SupersededBy = "crmc_supersededby", GateStage = "crmc_gatestage",
            RelevantColumns = "crmc_relevantcolumns", WithdrawalReason = "crmc_withdrawalreason", OwnerId = "ownerid",
            CreatedOn = "createdon", DealOwnerAtRequest = "crmc_dealowneratrequest";

        /// <summary>The same column as the handoff task's (one global choice, one name).</summary>
        public const string RoutingHold = HandoffTask.RoutingHold;
    }

    public static class ProcessStage
    {
        public const string Table = "processstage", Id = "processstageid", Category = "stagecategory", Name = "stagename";
    }

    /// <summary>
    /// A business process flow instance row: every BPF has its own table. The two out-of-box ones on opportunity
    /// link the deal through opportunityid; a BPF an administrator creates links it through bpf_opportunityid.
    /// </summary>
    public static class ProcessFlow
    {
        public const string OpportunitySalesProcess = "opportunitysalesprocess",
            LeadToOpportunitySalesProcess = "leadtoopportunitysalesprocess";

        /// <summary>The BPF tables CrmCollab ships steps for; `crmcollab bpf add` covers an administrator's own.</summary>
        public static readonly string[] OutOfBoxTables = { OpportunitySalesProcess, LeadToOpportunitySalesProcess };

        public const string ActiveStageId = "activestageid", ProcessId = "processid", OpportunityId = "opportunityid",
            CustomOpportunityId = "bpf_opportunityid";

        /// <summary>The deal an instance row belongs to, whichever kind of BPF table it is.</summary>
        public static System.Guid? DealOf(Microsoft.Xrm.Sdk.Entity instance) =>
            instance == null ? null
                : (instance.Read<Microsoft.Xrm.Sdk.EntityReference>(OpportunityId)
                   ?? instance.Read<Microsoft.Xrm.Sdk.EntityReference>(CustomOpportunityId))?.Id;
    }

    public static class OpportunityProduct
    {
        public const string Table = "opportunityproduct", OpportunityId = "opportunityid";
    }
}
