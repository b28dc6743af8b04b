using System;

namespace CrmCollab.Emulator.Engine
{
    /// <summary>
    /// The out-of-box business process flows every organisation starts with, with the ids Microsoft ships (the same
    /// in every organisation: Microsoft Learn getActivePath sample, a recorded Sales Hub session). Admins may rename
    /// stages; <c>stagecategory</c> survives renames.
    /// </summary>
    public static class WellKnownProcesses
    {
        /// <summary>Opportunity Sales Process (workflow uniquename and instance table <c>opportunitysalesprocess</c>).</summary>
        public static readonly Guid OpportunitySalesProcessId = new Guid("3e8ebee6-a2bc-4451-9c5f-b146b085413a");
        public const string OpportunitySalesProcessName = "opportunitysalesprocess";

        public static readonly Guid OpportunityQualifyStageId = new Guid("6b9ce798-221a-4260-90b2-2a95ed51a5bc");
        public static readonly Guid OpportunityDevelopStageId = new Guid("650e06b4-789b-46c1-822b-0da76bedb1ed");
        public static readonly Guid OpportunityProposeStageId = new Guid("d3ca8878-8d7b-47b9-852d-fcd838790cfd");
        public static readonly Guid OpportunityCloseStageId = new Guid("bb7e830a-61bd-441b-b1fd-6bb104ffa027");

        /// <summary>Lead to Opportunity Sales Process (uniquename and table <c>leadtoopportunitysalesprocess</c>);
        /// its Qualify stage is on the lead, the others on the opportunity.</summary>
        public static readonly Guid LeadToOpportunitySalesProcessId = new Guid("919e14d1-6489-4852-abd0-a63a6ecaac5d");
        public const string LeadToOpportunitySalesProcessName = "leadtoopportunitysalesprocess";

        public static readonly Guid LeadQualifyStageId = new Guid("f99b4d48-7aad-456e-864a-8e7d543f7495");
        public static readonly Guid LeadDevelopStageId = new Guid("bfc9108c-8389-406b-9166-2c3298a2e41f");
        public static readonly Guid LeadProposeStageId = new Guid("3a275c22-fc45-4e89-97fc-41e5ec578743");
        public static readonly Guid LeadCloseStageId = new Guid("7f5247fe-cfc3-42bc-aa77-b1d836d9b7c0");

        /// <summary>processstage.stagecategory values of the sales stages.</summary>
        public const int Qualify = 0, Develop = 1, Propose = 2, Close = 3;

        /// <summary>workflow.category of a business process flow.</summary>
        public const int BusinessProcessFlowCategory = 4;

        /// <summary>Both processes as the seed plants them: id, unique name, display name, primary table, and the stages
        /// in path order (id, name, category, table).</summary>
        internal static readonly ProcessSeed[] All =
        {
            new ProcessSeed(OpportunitySalesProcessId, OpportunitySalesProcessName, "Opportunity Sales Process", "opportunity",
                (OpportunityQualifyStageId, "Qualify", Qualify, "opportunity"), (OpportunityDevelopStageId, "Develop", Develop, "opportunity"),
                (OpportunityProposeStageId, "Propose", Propose, "opportunity"), (OpportunityCloseStageId, "Close", Close, "opportunity")),
            new ProcessSeed(LeadToOpportunitySalesProcessId, LeadToOpportunitySalesProcessName, "Lead to Opportunity Sales Process", "lead",
                (LeadQualifyStageId, "Qualify", Qualify, "lead"), (LeadDevelopStageId, "Develop", Develop, "opportunity"),
                (LeadProposeStageId, "Propose", Propose, "opportunity"), (LeadCloseStageId, "Close", Close, "opportunity")),
        };
    }
}
