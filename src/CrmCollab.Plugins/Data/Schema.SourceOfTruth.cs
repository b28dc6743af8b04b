using System;
using System.Collections.Generic;

namespace CrmCollab.Plugins.Data
{
    // Logical names of the source-of-truth features (amendments, evidence, stage gates, signals, KPIs).

    public static class CommonColumn
    {
        public const string StateCode = "statecode", StatusCode = "statuscode", OwnerId = "ownerid", CreatedBy = "createdby",
            CreatedOn = "createdon", ModifiedOn = "modifiedon";
    }

    public static class AmendmentRow
    {
        public const string Table = "crmc_amendment", Id = "crmc_amendmentid", Name = "crmc_name",
            OpportunityId = "crmc_opportunityid", NewEstimatedValue = "crmc_newestimatedvalue",
            NewDiscountPercent = "crmc_newdiscountpercent", NewRequestedDelivery = "crmc_newrequesteddelivery",
            NewPaymentTerms = "crmc_newpaymentterms", Reason = "crmc_reason", State = "crmc_state",
            ApprovedBy = "crmc_approvedby", ApprovedOn = "crmc_approvedon", AppliedOn = "crmc_appliedon",
            ApproverComment = "crmc_approvercomment",
            // The amendment's own currency: Dataverse gives a row with a money column one, its proposed amount's.
            TransactionCurrencyId = Opportunity.TransactionCurrencyId;

        /// <summary>Proposed column → the opportunity column it replaces once approved.</summary>
        public static readonly IReadOnlyDictionary<string, string> Proposals = new Dictionary<string, string>
        {
            [NewEstimatedValue] = Opportunity.EstimatedValue,
            [NewDiscountPercent] = Opportunity.DiscountPercent,
            [NewRequestedDelivery] = Opportunity.RequestedDelivery,
            [NewPaymentTerms] = Opportunity.PaymentTerms,
        };
    }

    public static class FieldSignalRow
    {
        public const string Table = "crmc_fieldsignal", Id = "crmc_fieldsignalid", Name = "crmc_name",
            AccountId = "crmc_accountid", Kind = "crmc_kind", Description = "crmc_description",
            RaisedByFunction = "crmc_raisedbyfunction", RaisedBy = "crmc_raisedby", CompetitorId = "crmc_competitorid",
            AcknowledgedOn = "crmc_acknowledgedon", LeadId = "crmc_leadid", DueDate = "crmc_duedate";
    }

    /// <summary>The competitor a competitor-presence signal names (its lookup: <see cref="FieldSignalRow.CompetitorId"/>).</summary>
    public static class Competitor
    {
        public const string Table = "competitor";
    }

    public static class Lead
    {
        public const string Table = "lead", Subject = "subject", LastName = "lastname", CompanyName = "companyname",
            ParentAccountId = "parentaccountid", Description = "description", OwnerId = "ownerid";
    }

    public static class Annotation
    {
        public const string Table = "annotation", Subject = "subject", NoteText = "notetext", ObjectId = "objectid";
    }

    public static class Membership
    {
        public const string UserRoles = "systemuserroles", TeamMembers = "teammembership", TeamRoles = "teamroles",
            UserId = "systemuserid", TeamId = "teamid", RoleId = "roleid", RoleTable = "role",
            ParentRootRoleId = "parentrootroleid", IsInherited = "isinherited";

        /// <summary>
        /// role.isinherited "Direct User (Basic) access level and Team privileges" (the default; 0 is "Team privileges only"):
        /// a team's role of this kind is granted to its members directly (Power Platform admin guide, "Security roles and
        /// privileges", Member's privilege inheritance), so only such a role makes a team's member who the role says.
        /// </summary>
        public const int DirectUserAndTeamPrivileges = 1;

        /// <summary>
        /// The id of the solution's CrmCollab Administrator role (solution/Roles/CrmCollab Administrator.xml): the
        /// import keeps it in the root business unit and each business unit's copy points back to it through
        /// parentrootroleid. Recognised by this id, never by name: anyone allowed to create roles can name one alike.
        /// </summary>
        public static readonly Guid AdministratorRoleId = new Guid("a9433910-03ab-5226-a477-81b188598c76");

        /// <summary>The ids of the solution's function roles (solution/Roles): whom a field signal is credited to, by id as above.</summary>
        public static readonly Guid AdvRoleId = new Guid("c2f5f604-f5f3-541b-9689-b44a1f741cd9"),
            LogisticsRoleId = new Guid("3052e696-069b-52ca-a2c7-898d759b1f3c"),
            SavRoleId = new Guid("03faf548-58f7-5cd7-91b1-3d26badf8792");
    }

    /// <summary>
    /// Display labels of the columns refusals name, so a sales rep reads "Delivered on", not crmc_deliveredon.
    /// A fixed map (no metadata call per refusal); an unknown column falls back to its logical name.
    /// </summary>
    public static class ColumnLabels
    {
        private static readonly Dictionary<string, string> Labels = new Dictionary<string, string>
        {
            ["crmc_closedontime"] = "Closed on time", [Opportunity.EstimatedValue] = "Est. Revenue", [Opportunity.DiscountPercent] = "Discount (%)",
            [Opportunity.RequestedDelivery] = "Requested delivery", [Opportunity.PaymentTerms] = "Payment terms", [Opportunity.PriceLevelId] = "Price List",
            [Opportunity.CustomerNeed] = "Customer need", ["decisionmaker"] = "Decision maker",
            [Opportunity.EstimatedCloseDate] = "Est. Close Date", [Opportunity.BudgetAmount] = "Budget amount",
            ["closeprobability"] = "Probability", ["proposedsolution"] = "Proposed solution",
            ["currentsituation"] = "Current situation", ["customerpainpoints"] = "Customer pain points",
            ["purchasetimeframe"] = "Purchase timeframe", ["purchaseprocess"] = "Purchase process",
            ["budgetstatus"] = "Budget", ["description"] = "Description", ["parentcontactid"] = "Contact",
            ["customerid"] = "Potential customer", ["transactioncurrencyid"] = "Currency",
            ["crmc_iscustomsolution"] = "Custom solution",
            ["crmc_contractnumber"] = "Contract number", ["crmc_trackingnumber"] = "Tracking number",
            ["crmc_deliveredon"] = "Delivered on", ["crmc_servicereference"] = "Service reference",
            ["crmc_opportunityid"] = "Opportunity", ["crmc_function"] = "Function", ["crmc_relevantcolumns"] = "Relevant columns",
            ["crmc_termsfingerprint"] = "Terms fingerprint", ["crmc_duedate"] = "Due date", ["crmc_gatestage"] = "Gate stage",
            ["crmc_routingpath"] = "Routing path", ["crmc_decidedon"] = "Decided on", ["crmc_decidedby"] = "Decided by",
            ["crmc_supersededby"] = "Superseded by", [FeasibilityReviewRow.DealOwnerAtRequest] = "Deal owner at request",
            ["crmc_handoffkey"] = "Handoff key", ["crmc_handofftemplateid"] = "Handoff template",
            ["crmc_requiredevidence"] = "Required evidence", ["scheduledend"] = "Due date", ["actualend"] = "Actual end",
            ["crmc_raisedbyfunction"] = "Raised by function", ["crmc_raisedby"] = "Raised by",
            ["crmc_cancelreason"] = "Cancellation reason", ["crmc_agreedterms"] = "Agreed terms", ["crmc_isunrouted"] = "Unrouted",
            [HandoffTask.RoutingHold] = "Routing hold", [HandoffTask.HandedOffOn] = "Handed off on",
            [HandoffTask.Sequence] = "Handoff sequence", [HandoffTemplateRow.InForceSince] = "In force since",
            ["regardingobjectid"] = "Regarding", ["crmc_accountid"] = "Account", ["crmc_kind"] = "Kind", ["crmc_leadid"] = "Lead",
            // The rest of what an administrator may lock on the deal (Guards.OpportunityColumnsWatched.Lockable), as its form labels it.
            [Opportunity.ParentAccountId] = "Account", [Opportunity.ActualValue] = "Actual Revenue", [Opportunity.ActualCloseDate] = "Actual Close Date",
            ["totalamount"] = "Total Amount", [Opportunity.SalesStage] = "Sales Stage", [Opportunity.StepName] = "Pipeline Phase", ["need"] = "Need",
            ["opportunityratingcode"] = "Rating", ["prioritycode"] = "Priority", [Opportunity.IsRevenueSystemCalculated] = "Revenue",
        };

        /// <summary>Labels only the deal's columns have: a column of that name on another table is labelled otherwise.</summary>
        private static readonly Dictionary<string, string> OpportunityLabels = new Dictionary<string, string> { [Opportunity.Name] = "Topic" };

        public static string Of(string column) => Labels.TryGetValue(column, out string label) ? label : column;

        public static IEnumerable<string> Of(IEnumerable<string> columns)
        {
            foreach (string column in columns) yield return Of(column);
        }

        /// <summary>The deal's columns as its form labels them ("Topic" for its name).</summary>
        public static IEnumerable<string> OfOpportunity(IEnumerable<string> columns)
        {
            foreach (string column in columns) yield return OpportunityLabels.TryGetValue(column, out string label) ? label : Of(column);
        }
    }
}
