using System;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Guards
{
    /// <summary>
    /// Deleting a customer (account or contact) deletes its deals: Dataverse cascades the delete along the relationships
    /// between opportunities and their customer (opportunity_customer_accounts, opportunity_customer_contacts). Whether
    /// the deals' own Delete steps run inside that cascade is not documented, so the rule that only a CrmCollab
    /// Administrator deletes a won deal is checked here too, before anything is deleted. Merging a customer away moves its
    /// deals to the customer that stays, under the same rule. An account's save is held to the columns CrmCollab keeps on it
    /// for the field, in this order: its last signal's date, then its churn-risk mark.
    /// </summary>
    public sealed class CustomerGuard : PluginBase
    {
        public const string PreImage = "PreImage";

        public CustomerGuard(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Delete", Account.Table, OnDelete);
            Register(PipelineStage.PreOperation, "Delete", Contact.Table, OnDelete);
            Register(PipelineStage.PreOperation, "Merge", Account.Table, OnMerge);
            Register(PipelineStage.PreOperation, "Merge", Contact.Table, OnMerge);
            Register(PipelineStage.PreOperation, "Create", Account.Table, OnAccountSaved);
            Register(PipelineStage.PreOperation, "Update", Account.Table, OnAccountSaved).Filter(Account.LastSignalOn, Account.ChurnRisk)
                .PreImage(PreImage, Account.LastSignalOn, Account.ChurnRisk, Account.OwnerId);
        }

        /// <summary>
        /// "Last signal on" is CrmCollab's to write (<see cref="FieldSignalRules.CheckLastSignalDate"/>), and the churn-risk
        /// mark its salesperson's (<see cref="ChurnMarkRules.Check"/>): the guard tells the rules what the save sends, the
        /// values as they are, and whether the intake or a merge of accounts is saving.
        /// </summary>
        private static void OnAccountSaved(LocalPluginContext context)
        {
            Entity account = context.TargetEntity;
            if (account == null) return;
            Entity before = context.PreImage(PreImage); // none on Create: its values read as null
            // Only plug-in code runs after a signal's Create (the intake's step), and no client sets a parent context.
            bool byIntake = ServerCall.ComesFromStep(context.ExecutionContext, PipelineStage.PostOperation, "Create", FieldSignalRow.Table);
            Throw(FieldSignalRules.CheckLastSignalDate(account.Contains(Account.LastSignalOn), account.Read<DateTime?>(Account.LastSignalOn),
                    before.Read<DateTime?>(Account.LastSignalOn), byIntake, MergedAway<DateTime?>(context, Account.LastSignalOn))
                ?? ChurnMarkRules.Check(account.Contains(Account.ChurnRisk), account.Read<bool?>(Account.ChurnRisk),
                    before.Read<bool?>(Account.ChurnRisk), byIntake, MergedAway<bool?>(context, Account.ChurnRisk),
                    () => IsSalespersonOrAdministrator(context, before.Read<EntityReference>(Account.OwnerId) ?? account.Read<EntityReference>(Account.OwnerId)),
                    () => HasUnacknowledgedChurnSignal(context.SystemService, context.ExecutionContext.PrimaryEntityId)));
        }

        /// <summary>
        /// The account's owner as it stands (on Create, the one the save names; none named means whoever creates it), a
        /// member of its owning team, or a CrmCollab Administrator.
        /// </summary>
        private static bool IsSalespersonOrAdministrator(LocalPluginContext context, EntityReference owner)
        {
            Guid user = context.ExecutionContext.InitiatingUserId;
            return (owner == null ? context.ExecutionContext.MessageName == "Create" : Principals.OwnsOrBelongs(context.SystemService, user, owner))
                || IsAdministrator(context)();
        }

        private static bool HasUnacknowledgedChurnSignal(IOrganizationService service, Guid accountId)
        {
            if (accountId == Guid.Empty) return false; // a Create: no signal names the account yet
            var query = new QueryExpression(FieldSignalRow.Table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(FieldSignalRow.AccountId, ConditionOperator.Equal, accountId);
            query.Criteria.AddCondition(FieldSignalRow.Kind, ConditionOperator.Equal, (int)SignalKind.ChurnRisk);
            query.Criteria.AddCondition(FieldSignalRow.AcknowledgedOn, ConditionOperator.Null);
            query.Criteria.AddCondition(CommonColumn.StateCode, ConditionOperator.Equal, 0);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        /// <summary>When the save is a merge's UpdateContent for the account that stays: reads the merged-away account's value.</summary>
        private static Func<T> MergedAway<T>(LocalPluginContext context, string column)
        {
            IPluginExecutionContext merge = context.ExecutionContext.ParentContext;
            if (merge == null || !string.Equals(merge.MessageName, "Merge", StringComparison.OrdinalIgnoreCase)
                || !string.Equals(merge.PrimaryEntityName, Account.Table, StringComparison.OrdinalIgnoreCase)
                || merge.PrimaryEntityId != context.ExecutionContext.PrimaryEntityId
                || !(merge.InputParameters.TryGetValue("SubordinateId", out object raw) && raw is Guid subordinate))
                return null;
            return () => context.SystemService.Retrieve(Account.Table, subordinate, new ColumnSet(column)).Read<T>(column);
        }

        /// <summary>
        /// A merge moves the merged-away record's deals to the record that stays (the Merge cascade of the same
        /// relationships, and of the deal's parent account or contact). Whether their Update steps run while they move is
        /// not documented: checked here.
        /// </summary>
        private static void OnMerge(LocalPluginContext context)
        {
            EntityReference master = context.TargetReference;
            if (master == null || !(context.ExecutionContext.InputParameters.TryGetValue("SubordinateId", out object raw) && raw is Guid subordinate))
                return;
            var mergedAway = new EntityReference(master.LogicalName, subordinate);
            Throw(DealLifecycle.OnCustomerMerge(HasWonDeal(context.SystemService, mergedAway, orAsParent: true), IsAdministrator(context)));
        }

        private static void OnDelete(LocalPluginContext context)
        {
            EntityReference customer = context.TargetReference;
            if (customer == null) return;
            Throw(DealLifecycle.OnCustomerDelete(HasWonDeal(context.SystemService, customer, orAsParent: false), IsAdministrator(context)));
        }

        private static Func<bool> IsAdministrator(LocalPluginContext context) => () =>
            Principals.HasRole(context.SystemService, context.ExecutionContext.InitiatingUserId, Membership.AdministratorRole);

        /// <summary>
        /// A deal of the customer is won, or was won once (reopened since); with <paramref name="orAsParent"/>, also a deal
        /// that names it as its parent account or contact (a delete only unlinks those, a merge moves them).
        /// </summary>
        private static bool HasWonDeal(IOrganizationService service, EntityReference customer, bool orAsParent)
        {
            var query = new QueryExpression(Opportunity.Table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            if (!orAsParent) query.Criteria.AddCondition(Opportunity.CustomerId, ConditionOperator.Equal, customer.Id);
            else
            {
                var whose = new FilterExpression(LogicalOperator.Or);
                whose.AddCondition(Opportunity.CustomerId, ConditionOperator.Equal, customer.Id);
                whose.AddCondition(customer.LogicalName == Account.Table ? Opportunity.ParentAccountId : Opportunity.ParentContactId,
                    ConditionOperator.Equal, customer.Id);
                query.Criteria.AddFilter(whose);
            }
            var won = new FilterExpression(LogicalOperator.Or);
            won.AddCondition(Opportunity.StateCode, ConditionOperator.Equal, Opportunity.StateWon);
            won.AddCondition(Opportunity.WonOn, ConditionOperator.NotNull);
            query.Criteria.AddFilter(won);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }
    }
}
