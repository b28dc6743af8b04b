using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Feasibility;

namespace CrmCollab.Plugins.Guards
{
    /// <summary>The opportunity columns the synchronous opportunity guard watches and reads from its pre-image.</summary>
    public static class OpportunityColumnsWatched
    {
        /// <summary>Columns an administrator may lock through crmc_LockedTermsColumns, plus the always-locked terms.</summary>
        public static readonly string[] Lockable =
        {
            Opportunity.Name, Opportunity.CustomerId, Opportunity.ParentAccountId, Opportunity.ParentContactId, Opportunity.TransactionCurrencyId,
            Opportunity.EstimatedValue, Opportunity.EstimatedCloseDate, Opportunity.ActualValue, Opportunity.ActualCloseDate, Opportunity.BudgetAmount, "totalamount",
            Opportunity.SalesStage, Opportunity.StepName, "closeprobability", Opportunity.CustomerNeed, "customerpainpoints", "currentsituation",
            "proposedsolution", "decisionmaker", "purchasetimeframe", "purchaseprocess", "budgetstatus", "need",
            "opportunityratingcode", "prioritycode", Opportunity.Description, Opportunity.DiscountPercent, Opportunity.RequestedDelivery,
            Opportunity.PaymentTerms, Opportunity.IsCustomSolution, Opportunity.PriceLevelId, Opportunity.IsRevenueSystemCalculated,
        };

        /// <summary>The deal's feasibility record: written only by CrmCollab's steps, from the reviews.</summary>
        public static readonly string[] FeasibilityRecord =
            { Opportunity.FeasibilityStatus, Opportunity.FeasibilitySummary, Opportunity.FeasibilityDetail };

        /// <summary>
        /// What runs the guard on Update: stage moves, state changes, the server-owned columns, every lockable term, the
        /// originating lead, and the owner (a save handing the deal on records, for the rows sent with it, who had it:
        /// <see cref="Feasibility.DealSaveRecord"/>).
        /// </summary>
        public static readonly string[] Filter =
            new[] { Opportunity.StateCode, Opportunity.StatusCode, Opportunity.WonOn, Opportunity.OwnerHistory }.Concat(FeasibilityRecord).Concat(Lockable)
                .Concat(new[] { Opportunity.OriginatingLeadId, Opportunity.OwnerId }).Distinct().ToArray();

        /// <summary>What the guard reads of the deal before the change: the gate's columns (with who has owned the deal), the lock's,
        /// the win date and the originating lead.</summary>
        public static readonly string[] PreImage =
            FeasibilityRepository.DealColumns.Concat(new[] { Opportunity.WonOn, Opportunity.OwnerHistory }).Concat(Lockable)
                .Concat(new[] { Opportunity.OriginatingLeadId }).Distinct().ToArray();
    }
}
