using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>crmc_decision values.</summary>
    public enum ReviewDecision
    {
        Pending = 100000000,
        Approved = 100000001,
        ApprovedWithConditions = 100000002,
        Rejected = 100000003,
        Invalidated = 100000004,
        /// <summary>Withdrawn by the server: the deal no longer meets any rule of the function. History, never blocks.</summary>
        Withdrawn = 100000005,
    }

    /// <summary>crmc_feasibilitystatus values on the opportunity.</summary>
    public enum FeasibilityStatus
    {
        NotRequired = 100000000,
        Pending = 100000001,
        Cleared = 100000002,
        Blocked = 100000003,
    }

    /// <summary>The opportunity's sales stages (salesstage choice).</summary>
    public static class SalesStage
    {
        public const int Qualify = 0, Develop = 1, Propose = 2, Close = 3;

        private static readonly int[] All = { Qualify, Develop, Propose, Close };

        public static string Label(int stage)
        {
            switch (stage)
            {
                case Qualify: return "Qualify";
                case Develop: return "Develop";
                case Propose: return "Propose";
                case Close: return "Close";
                default: return "stage " + stage;
            }
        }

        /// <summary>
        /// The deal's stage from its two columns: the later of its sales stage and the stage its pipeline phase
        /// (stepname) names, so neither column alone moves the deal past a gate the other still holds it before.
        /// </summary>
        public static int? Of(int? salesStage, string stepName)
        {
            int? fromStep = FromStepName(stepName);
            if (salesStage == null) return fromStep;
            return fromStep == null ? salesStage : Math.Max(salesStage.Value, fromStep.Value);
        }

        /// <summary>
        /// The stage a process step name stands for: the stage it names ("Propose", "2-Propose"), else the out-of-the-box
        /// numbering "1-Qualify" … "4-Close" (step N is stage N − 1); null when it says neither.
        /// </summary>
        public static int? FromStepName(string step)
        {
            if (string.IsNullOrWhiteSpace(step)) return null;
            foreach (int stage in All)
                if (step.IndexOf(Label(stage), StringComparison.OrdinalIgnoreCase) >= 0) return stage;
            bool numbered = step.Length > 1 && step[0] >= '1' && step[0] <= '4' && step[1] == '-';
            return numbered ? step[0] - '1' : (int?)null;
        }
    }

    /// <summary>The deal facts feasibility rules look at.</summary>
    public sealed class DealFacts
    {
        /// <summary>The deal's estimated value in the organisation's base currency (<see cref="BaseAmount"/>), the
        /// currency rule thresholds are stated in.</summary>
        public decimal? Amount { get; set; }
        public bool IsCustomSolution { get; set; }
        public decimal? DiscountPercent { get; set; }
        public DateTime? RequestedDelivery { get; set; }
        public int? IndustryCode { get; set; }
    }

    /// <summary>A crmc_feasibilityrule row. All set criteria must hold; unset ones are ignored.</summary>
    public sealed class FeasibilityRule
    {
        public Guid Id { get; set; }
        public string Name { get; set; }
        public BusinessFunction Function { get; set; }
        public decimal? MinAmount { get; set; }
        public bool CustomOnly { get; set; }
        public decimal? MinDiscountPercent { get; set; }
        public int? MaxLeadDays { get; set; }
        public int? IndustryCode { get; set; }
        public int TriggerStage { get; set; } = SalesStage.Develop;
        public int GateStage { get; set; } = SalesStage.Propose;
        public int SlaHours { get; set; } = 48;
        /// <summary>Opportunity columns (lower-case logical names) or "products" whose change re-opens the review.</summary>
        public IReadOnlyList<string> RelevantColumns { get; set; } = Array.Empty<string>();
        public bool IsActive { get; set; } = true;

        /// <param name="requestedOn">When reviews are requested: lead days count from then.</param>
        public bool Applies(DealFacts deal, DateTime requestedOn)
        {
            if (!IsActive) return false;
            if (MinAmount.HasValue && !(deal.Amount >= MinAmount)) return false;
            if (CustomOnly && !deal.IsCustomSolution) return false;
            if (MinDiscountPercent.HasValue && !(deal.DiscountPercent >= MinDiscountPercent)) return false;
            if (IndustryCode.HasValue && deal.IndustryCode != IndustryCode) return false;
            if (MaxLeadDays.HasValue)
            {
                if (!deal.RequestedDelivery.HasValue) return false;
                if ((deal.RequestedDelivery.Value.Date - requestedOn.Date).TotalDays > MaxLeadDays.Value) return false;
            }
            return true;
        }
    }

    /// <summary>A crmc_feasibilityreview row as the gate sees it.</summary>
    public sealed class ReviewState
    {
        public Guid Id { get; set; }
        public BusinessFunction Function { get; set; }
        public ReviewDecision Decision { get; set; }
        public string Conditions { get; set; }
        public string RejectionReason { get; set; }
        public DateTime? DueDate { get; set; }
        public string ReviewerName { get; set; }
        public DateTime CreatedOn { get; set; }

        /// <summary>Who decided it (crmc_decidedby, stamped by CrmCollab); null while pending or when not read.</summary>
        public Guid? DecidedBy { get; set; }

        /// <summary>Who owned the deal when the review was asked (crmc_dealowneratrequest, stamped by CrmCollab); null for a
        /// review asked before it was recorded, of a team-owned deal, or when not read.</summary>
        public Guid? DealOwnerAtRequest { get; set; }

        /// <summary>A newer review of the function replaced this decided one (<see cref="ReviewCoverage"/>).</summary>
        public bool Superseded { get; set; }

        /// <summary>Invalidated, withdrawn and superseded reviews are history; every other review is the function's current word.</summary>
        public bool IsCurrent => !Superseded && Decision != ReviewDecision.Invalidated && Decision != ReviewDecision.Withdrawn;

        public bool IsApproved => Decision == ReviewDecision.Approved || Decision == ReviewDecision.ApprovedWithConditions;
    }
}
