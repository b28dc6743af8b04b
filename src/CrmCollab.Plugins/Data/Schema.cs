namespace CrmCollab.Plugins.Data
{
    // Logical names the plugins read and write, in one place: the contract with solution/.

    public static class Contact
    {
        public const string Table = "contact", Id = "contactid", ParentCustomerId = "parentcustomerid";
    }

    public static class Account
    {
        public const string Table = "account", Id = "accountid", Name = "name", ParentAccountId = "parentaccountid",
            IndustryCode = "industrycode", TerritoryId = "territoryid", CustomerSizeCode = "customersizecode",
            OwnerId = "ownerid", ChurnRisk = "crmc_churnrisk", LastSignalOn = "crmc_lastsignalon",
            ReroutingBatch = "crmc_reroutingbatch"; // server-owned: a background share of the re-routing below the account (Routing/AccountReroute)
    }

    public static class Opportunity
    {
        public const string Table = "opportunity", Id = "opportunityid", Name = "name", CustomerId = "customerid",
            ParentAccountId = "parentaccountid", ParentContactId = "parentcontactid", EstimatedValue = "estimatedvalue", SalesStage = "salesstage",
            EstimatedValueBase = "estimatedvalue_base", // stamped by Dataverse: the amount in the organization's base currency
            StepName = "stepname", StateCode = "statecode", OwnerId = "ownerid", TransactionCurrencyId = "transactioncurrencyid",
            DiscountPercent = "crmc_discountpercent", RequestedDelivery = "crmc_requesteddelivery",
            PaymentTerms = "crmc_paymentterms", IsCustomSolution = "crmc_iscustomsolution",
            PriceLevelId = "pricelevelid", // the price list its catalogue lines are priced from (Opportunity table reference)
            FeasibilityStatus = "crmc_feasibilitystatus", FeasibilitySummary = "crmc_feasibilitysummary",
            FeasibilityDetail = "crmc_feasibilitydetail", WonOn = "crmc_wonon", StatusCode = "statuscode",
            OriginatingLeadId = "originatingleadid", OwnerHistory = "crmc_ownerhistory",
            EstimatedCloseDate = "estimatedclosedate", BudgetAmount = "budgetamount", CustomerNeed = "customerneed", Description = "description",
            ActualValue = "actualvalue", ActualCloseDate = "actualclosedate", // written by the platform's Win (and Lose's date)
            IsRevenueSystemCalculated = "isrevenuesystemcalculated"; // Revenue: Est. Revenue typed, or calculated from the products

        public const int StateOpen = 0, StateWon = 1, StateLost = 2;

        /// <summary>The deal's columns of Date Only behaviour (solution/Entities/Opportunity: Behavior 2): their date alone is stored.</summary>
        public static readonly string[] DateOnlyColumns = { RequestedDelivery };
    }

    /// <summary>
    /// The activity every Win and Lose creates inside its own operation (its deal lookup is named like the deal's id).
    /// Steps on its Create see the closing message as ParentContext.MessageName.
    /// </summary>
    public static class OpportunityClose
    {
        public const string Table = "opportunityclose", WinMessage = "Win", LoseMessage = "Lose", ActualRevenue = "actualrevenue",
            TransactionCurrencyId = Opportunity.TransactionCurrencyId;
    }

    /// <summary>A currency: its rate is the number of its units worth one unit of the organisation's base currency.</summary>
    public static class TransactionCurrency
    {
        public const string Table = "transactioncurrency", ExchangeRate = "exchangerate", Name = "currencyname";
    }

    public static class SystemUser
    {
        public const string Table = "systemuser", Id = "systemuserid", FullName = "fullname", IsDisabled = "isdisabled",
            HandoverShare = "crmc_handovershare"; // server-owned: a background share of a leaver's handover (Domain/Routing/WorkShare)
    }

    public static class Team
    {
        public const string Table = "team", Id = "teamid", Name = "name", TeamType = "teamtype";

        public const int AccessTeam = 1;
    }

    public static class Queue
    {
        public const string Table = "queue", Id = "queueid", Name = "name", OwnerId = "ownerid";
    }

    public static class QueueItem
    {
        public const string Table = "queueitem", QueueId = "queueid", ObjectId = "objectid", Title = "title";

        /// <summary>The message that takes an item out of its queue, and its one parameter.</summary>
        public const string RemoveFromQueue = "RemoveFromQueue", QueueItemIdParameter = "QueueItemId";
    }

    public static class DedicatedOwnerRow
    {
        public const string Table = "crmc_dedicatedowner", Id = "crmc_dedicatedownerid", Name = "crmc_name",
            AccountId = "crmc_accountid", Function = "crmc_function", UserId = "crmc_userid", TeamId = "crmc_teamid",
            BackupUserId = "crmc_backupuserid", ValidFrom = "crmc_validfrom", ValidTo = "crmc_validto", StateCode = "statecode",
            ReroutingBatch = "crmc_reroutingbatch"; // server-owned: a background share of a row change's re-routing (Domain/Routing/AccountShare)
    }

    public static class RoutingRuleRow
    {
        public const string Table = "crmc_routingrule", Id = "crmc_routingruleid", Name = "crmc_name", Function = "crmc_function",
            IndustryCode = "crmc_industrycode", TerritoryId = "crmc_territoryid", CustomerSizeCode = "crmc_customersizecode",
            UserId = "crmc_userid", TeamId = "crmc_teamid", QueueId = "crmc_queueid", Priority = "crmc_priority",
            IsActive = "crmc_isactive",
            ReroutingBatch = "crmc_reroutingbatch"; // server-owned: a background share of a rule change's re-routing (Domain/Routing/ReroutingBatch)
    }

    public static class HandoffTemplateRow
    {
        public const string Table = "crmc_handofftemplate", Id = "crmc_handofftemplateid", Name = "crmc_name",
            Function = "crmc_function", Subject = "crmc_subject", Description = "crmc_description",
            DueOffsetDays = "crmc_dueoffsetdays", RequiredEvidence = "crmc_requiredevidence", Sequence = "crmc_sequence",
            IsActive = "crmc_isactive", InForceSince = "crmc_inforcesince";
    }

    public static class HandoffTask
    {
        public const string Table = "task", Id = "activityid", Subject = "subject", Description = "description",
            RegardingObjectId = "regardingobjectid", ScheduledEnd = "scheduledend", OwnerId = "ownerid", StateCode = "statecode",
            StatusCode = "statuscode", ActualEnd = "actualend", Function = "crmc_function", OpportunityId = "crmc_opportunityid",
            TemplateId = "crmc_handofftemplateid", HandoffKey = "crmc_handoffkey", RoutingPath = "crmc_routingpath",
            AgreedTerms = "crmc_agreedterms", AcceptedOn = "crmc_acceptedon", IsUnrouted = "crmc_isunrouted",
            ContractNumber = "crmc_contractnumber", TrackingNumber = "crmc_trackingnumber", DeliveredOn = "crmc_deliveredon",
            ServiceReference = "crmc_servicereference", RequiredEvidence = "crmc_requiredevidence", ClosedOnTime = "crmc_closedontime",
            CancelReason = "crmc_cancelreason", RoutingHold = "crmc_routinghold",
            HandedOffOn = "crmc_handedoffon", Sequence = "crmc_handoffsequence";

        public const int StateOpen = 0, StateCompleted = 1, StateCanceled = 2;

        /// <summary>The task's columns of Date Only behaviour (solution/Entities/Task: Behavior 2): their date alone is stored.</summary>
        public static readonly string[] DateOnlyColumns = { DeliveredOn };
    }

    public static class EnvironmentVariable
    {
        public const string DefinitionTable = "environmentvariabledefinition", DefinitionId = "environmentvariabledefinitionid",
            SchemaName = "schemaname", DefaultValue = "defaultvalue", ValueTable = "environmentvariablevalue", Value = "value",
            ValueId = "environmentvariablevalueid";

        public const string UnroutedQueue = "crmc_UnroutedQueue", LockedTermsColumns = "crmc_LockedTermsColumns",
            StageRequirements = "crmc_StageRequirements";
    }
}
