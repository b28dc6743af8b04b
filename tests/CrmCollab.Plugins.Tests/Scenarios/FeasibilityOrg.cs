using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>Feasibility set-up on top of the shipped organisation: rules, reviewers, deals and decisions.</summary>
    public static class FeasibilityOrg
    {
        /// <summary>
        /// The set-up the feasibility scenarios start from: Lena (logistics) and Fiona (finance) review for Contoso as its
        /// dedicated owners, one rule per function asks for their reviews, and a custom deal above 50k has just reached
        /// Develop, so both reviews are pending.
        /// </summary>
        public static (Guid lena, Guid fiona, Guid account, Guid deal) CustomDealAwaitingReviews(this CrmCollabOrg org, int financeSlaHours = 48)
        {
            (Guid lena, Guid fiona, Guid account, Guid deal) = org.CustomDealInQualify(financeSlaHours);
            org.MoveTo(deal, SalesStage.Develop);
            return (lena, fiona, account, deal);
        }

        /// <summary>Lena and Fiona approve the deal's logistics and finance reviews (<see cref="CustomDealAwaitingReviews"/>).</summary>
        public static void ApproveBothReviews(this CrmCollabOrg org, Guid lena, Guid fiona, Guid deal)
        {
            org.Decide(lena, org.Review(deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            org.Decide(fiona, org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
        }

        /// <summary>The same set-up with the deal still in Qualify: CrmCollab has requested no review yet.</summary>
        public static (Guid lena, Guid fiona, Guid account, Guid deal) CustomDealInQualify(this CrmCollabOrg org, int financeSlaHours = 48)
        {
            Guid lena = org.User("Lena Logistics", "CrmCollab Reviewer");
            Guid fiona = org.User("Fiona Finance", "CrmCollab Reviewer");
            Guid account = org.Account("Contoso");
            org.DedicatedOwner(account, BusinessFunction.Logistics, user: lena);
            org.DedicatedOwner(account, BusinessFunction.Finance, user: fiona);
            org.FeasibilityRule("Custom above 50k: logistics", BusinessFunction.Logistics, "crmc_requesteddelivery,products");
            org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent,estimatedvalue", slaHours: financeSlaHours);
            return (lena, fiona, account, org.CustomDeal(account));
        }

        public static Guid FeasibilityRule(this CrmCollabOrg org, string name, BusinessFunction function, string relevantColumns,
            decimal? minAmount = 50000m, bool customOnly = true, decimal? minDiscount = null, int slaHours = 48)
        {
            var rule = new Entity("crmc_feasibilityrule")
            {
                ["crmc_name"] = name,
                ["crmc_function"] = new OptionSetValue((int)function),
                ["crmc_customonly"] = customOnly,
                ["crmc_triggerstage"] = new OptionSetValue(SalesStage.Develop),
                ["crmc_gatestage"] = new OptionSetValue(SalesStage.Propose),
                ["crmc_slahours"] = slaHours,
                ["crmc_relevantcolumns"] = relevantColumns,
                ["crmc_isactive"] = true,
            };
            if (minAmount.HasValue) rule["crmc_minamount"] = new Money(minAmount.Value);
            if (minDiscount.HasValue) rule["crmc_mindiscountpercent"] = minDiscount.Value;
            return org.As(org.Admin).Create(rule);
        }

        public static Guid CustomDeal(this CrmCollabOrg org, Guid account, decimal amount = 80000m, decimal discount = 10m)
        {
            return org.As(org.Rep).Create(new Entity("opportunity")
            {
                ["name"] = "Custom line retrofit",
                ["customerid"] = new EntityReference("account", account),
                ["estimatedvalue"] = new Money(amount),
                ["crmc_discountpercent"] = discount,
                ["crmc_iscustomsolution"] = true,
                ["salesstage"] = new OptionSetValue(SalesStage.Qualify),
                // What the data-quality gates ask before Develop and Propose.
                ["customerneed"] = "Retrofit line 4 with custom tooling",
                ["decisionmaker"] = true,
                ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(60),
                ["budgetamount"] = new Money(amount),
            });
        }

        public static void MoveTo(this CrmCollabOrg org, Guid deal, int stage, Guid? asUser = null) =>
            org.As(asUser ?? org.Rep).Update(new Entity("opportunity", deal) { ["salesstage"] = new OptionSetValue(stage) });

        public static Entity Review(this CrmCollabOrg org, Guid deal, BusinessFunction function) =>
            org.Reviews(deal).Entities.Where(r => ((OptionSetValue)r["crmc_function"]).Value == (int)function)
                .OrderByDescending(r => r.GetAttributeValue<DateTime>("createdon")).First();

        public static EntityCollection Reviews(this CrmCollabOrg org, Guid deal)
        {
            var query = new QueryExpression("crmc_feasibilityreview")
            {
                ColumnSet = new ColumnSet("crmc_function", "crmc_decision", "ownerid", "crmc_duedate", "crmc_decidedby", "crmc_decidedon", "createdon"),
            };
            query.Criteria.AddCondition("crmc_opportunityid", ConditionOperator.Equal, deal);
            return org.System.RetrieveMultiple(query);
        }

        public static void Decide(this CrmCollabOrg org, Guid reviewer, Entity review, ReviewDecision decision, string conditions = null, string reason = null)
        {
            var update = new Entity("crmc_feasibilityreview", review.Id) { ["crmc_decision"] = new OptionSetValue((int)decision) };
            if (conditions != null) update["crmc_conditions"] = conditions;
            if (reason != null) update["crmc_rejectionreason"] = reason;
            org.As(reviewer).Update(update);
        }

        public static Entity DealState(this CrmCollabOrg org, Guid deal) =>
            org.System.Retrieve("opportunity", deal, new ColumnSet("salesstage", "statecode", "crmc_feasibilitystatus", "crmc_feasibilitysummary"));
    }
}
