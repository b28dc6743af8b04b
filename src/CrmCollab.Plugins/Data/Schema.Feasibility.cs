namespace CrmCollab.Plugins.Data
{
    public static class FeasibilityRuleRow
    {
        public const string Table = "crmc_feasibilityrule", Id = "crmc_feasibilityruleid", Name = "crmc_name",
            Function = "crmc_function", MinAmount = "crmc_minamount", CustomOnly = "crmc_customonly",
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
            RelevantColumns = "crmc_relevantcolumns", OwnerId = "ownerid", CreatedOn = "createdon";
    }

    public static class ProcessStage
    {
        public const string Table = "processstage", Category = "stagecategory";
        public const string SalesProcessTable = "opportunitysalesprocess", ActiveStageId = "activestageid", OpportunityId = "opportunityid";
    }

    public static class OpportunityProduct
    {
        public const string Table = "opportunityproduct", OpportunityId = "opportunityid";
    }
}
