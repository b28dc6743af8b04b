using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
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
    /// deals to the customer that stays, under the same rule. An account's save, and what a merge writes to the account that
    /// stays, are held to the columns CrmCollab keeps on it for the field, in this order: its last signal's date, then its
    /// churn-risk mark.
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
            Register(PipelineStage.PreOperation, "Update", Account.Table, OnAccountSaved)
                .Filter(Account.LastSignalOn, Account.ChurnRisk, Account.IndustryCode, Account.TerritoryId, Account.CustomerSizeCode, Account.ParentAccountId,
                    Account.ReroutingBatch)
                .PreImage(PreImage, Account.LastSignalOn, Account.ChurnRisk, Account.OwnerId,
                    Account.IndustryCode, Account.TerritoryId, Account.CustomerSizeCode, Account.ParentAccountId);
        }

        /// <summary>The account columns that decide its deals' reviews and routing, with the words a rep reads for them.</summary>
        private static readonly KeyValuePair<string, string>[] Segment =
        {
            new KeyValuePair<string, string>(Account.IndustryCode, "industry"),
            new KeyValuePair<string, string>(Account.TerritoryId, "territory"),
            new KeyValuePair<string, string>(Account.CustomerSizeCode, "size"),
            new KeyValuePair<string, string>(Account.ParentAccountId, "parent account"),
        };

        /// <summary>An account's Create or Update: its save, against the account as it is (the pre-image; none on Create).</summary>
        private static void OnAccountSaved(LocalPluginContext context)
        {
            Entity account = context.TargetEntity;
            if (account == null) return;
            // Written by CrmCollab's background re-routing of the accounts below alone (AccountShare, Routing/AccountReroute).
            if (Routing.ShareDispatch.IsOwnShareSave(context, Account.ReroutingBatch, WorkShare.ReroutingBatchSentence)) return;
            // The intake's step after a signal's Create, or after a merge, which writes through the SYSTEM service: the parent
            // context alone proves nothing (an account created with its signal in one request is written inside the signal's
            // Create: ServerCall).
            bool byIntake = Signals.FieldSignalIntake.IsOwnAccountWrite(context);
            Throw(CheckAccountColumns(context, account, context.PreImage(PreImage), context.ExecutionContext.PrimaryEntityId, byIntake,
                MergedAwayOf(context)));
            // Its parent or territory may be named by alternate key (an ERP's account sync naming the group by its customer
            // number): read as the rows they name, not as a new parent (KeyedReferences: one Retrieve per keyed lookup).
            if (context.ExecutionContext.MessageName == "Update")
                Throw(CheckSegment(context, KeyedReferences.Resolved(context, account), context.PreImage(PreImage)));
        }

        /// <summary>
        /// The account's industry, territory, size or parent changed while it routes open deals (<see cref="AccountSegmentRules"/>):
        /// a CrmCollab Administrator's (or CrmCollab's own) change only. A save sending them as they are changes nothing.
        /// </summary>
        private static Refusal CheckSegment(LocalPluginContext context, Entity sent, Entity before)
        {
            if (before == null) return null;
            IReadOnlyList<string> changed = Changes.Of(sent, before, Segment.Select(s => s.Key));
            Guid accountId = before.Id != Guid.Empty ? before.Id : context.ExecutionContext.PrimaryEntityId;
            // A new parent moves the fallback of the accounts below it too (their dedicated owners come from the chain).
            var routed = new Lazy<List<Guid>>(() => changed.Contains(Account.ParentAccountId)
                ? Routing.HandoffReassignment.WithDescendants(context.SystemService, accountId).ToList() : new List<Guid> { accountId });
            return AccountSegmentRules.Check(changed.Select(c => Segment.First(s => s.Key == c).Value).ToList(),
                () => ServerCall.IsSystem(context) || IsAdministrator(context)(),
                () => DealsRoutedBy(context.SystemService, routed.Value, Opportunity.StateOpen),
                // A lost deal may be reopened by its salesperson, and asks its reviews then (read only when no open deal is).
                () => DealsRoutedBy(context.SystemService, routed.Value, Opportunity.StateLost));
        }

        /// <summary>
        /// A merge moves the accounts below the merged-away one under the account that stays (the Merge cascade of the
        /// parent-account relationship, below the pipeline: no step of theirs runs), so their dedicated owners now fall back
        /// through another chain: the same rule as a save of their parent (<see cref="AccountSegmentRules"/>), on the deals
        /// they route. One query for an account with nothing below it; else one per level, then who merges and their deals.
        /// </summary>
        private static Refusal CheckPlantsMoved(LocalPluginContext context, Guid mergedAway)
        {
            List<Guid> plants = Routing.HandoffReassignment.WithDescendants(context.SystemService, mergedAway).Where(account => account != mergedAway).ToList();
            if (plants.Count == 0) return null;
            return AccountSegmentRules.Check(new[] { Segment.First(s => s.Key == Account.ParentAccountId).Value },
                () => ServerCall.IsSystem(context) || IsAdministrator(context)(),
                () => DealsRoutedBy(context.SystemService, plants, Opportunity.StateOpen),
                () => DealsRoutedBy(context.SystemService, plants, Opportunity.StateLost));
        }

        /// <summary>The deals in a state (open, lost) routed by one of the accounts: its customer when an account, else its Account field (one query).</summary>
        private static int DealsRoutedBy(IOrganizationService service, IReadOnlyCollection<Guid> accounts, int state)
        {
            object[] ids = accounts.Cast<object>().ToArray();
            var query = new QueryExpression(Opportunity.Table) { ColumnSet = new ColumnSet(Opportunity.CustomerId, Opportunity.ParentAccountId) };
            query.Criteria.AddCondition(Opportunity.StateCode, ConditionOperator.Equal, state);
            var whose = new FilterExpression(LogicalOperator.Or);
            whose.AddCondition(Opportunity.CustomerId, ConditionOperator.In, ids);
            whose.AddCondition(Opportunity.ParentAccountId, ConditionOperator.In, ids);
            query.Criteria.AddFilter(whose);
            return service.RetrieveMultiple(query).Entities
                .Count(deal => Routing.HandoffCreation.AccountOf(deal) is Guid routed && accounts.Contains(routed));
        }

        /// <summary>
        /// "Last signal on" is CrmCollab's to write (<see cref="FieldSignalRules.CheckLastSignalDate"/>), then the churn-risk
        /// mark its salesperson's (<see cref="ChurnMarkRules.Check"/>): the rules are told what the save sends, the values
        /// as they are, whether the intake saves, and in a merge which account goes away (its values are read only when
        /// asked).
        /// </summary>
        private static Refusal CheckAccountColumns(LocalPluginContext context, Entity sent, Entity before, Guid accountId,
            bool byIntake, Guid? mergedAway)
        {
            Func<T> Away<T>(string column) => mergedAway == null ? null
                : (Func<T>)(() => context.SystemService.Retrieve(Account.Table, mergedAway.Value, new ColumnSet(column)).Read<T>(column));
            return FieldSignalRules.CheckLastSignalDate(sent.Contains(Account.LastSignalOn), sent.Read<DateTime?>(Account.LastSignalOn),
                    before.Read<DateTime?>(Account.LastSignalOn), byIntake, Away<DateTime?>(Account.LastSignalOn))
                ?? ChurnMarkRules.Check(sent.Contains(Account.ChurnRisk), sent.Read<bool?>(Account.ChurnRisk),
                    before.Read<bool?>(Account.ChurnRisk), byIntake, Away<bool?>(Account.ChurnRisk),
                    () => IsSalespersonOrAdministrator(context, before.Read<EntityReference>(Account.OwnerId) ?? sent.Read<EntityReference>(Account.OwnerId)),
                    () => HasUnacknowledgedChurnSignal(context.SystemService, accountId));
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

        /// <summary>A churn-risk signal about the account waits to be acknowledged (one query).</summary>
        internal static bool HasUnacknowledgedChurnSignal(IOrganizationService service, Guid accountId)
        {
            if (accountId == Guid.Empty) return false; // a Create: no signal names the account yet
            var query = new QueryExpression(FieldSignalRow.Table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(FieldSignalRow.AccountId, ConditionOperator.Equal, accountId);
            query.Criteria.AddCondition(FieldSignalRow.Kind, ConditionOperator.Equal, (int)SignalKind.ChurnRisk);
            query.Criteria.AddCondition(FieldSignalRow.AcknowledgedOn, ConditionOperator.Null);
            query.Criteria.AddCondition(CommonColumn.StateCode, ConditionOperator.Equal, 0);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        /// <summary>When the save is a merge's UpdateContent for the account that stays: the merged-away account.</summary>
        private static Guid? MergedAwayOf(LocalPluginContext context)
        {
            IPluginExecutionContext merge = context.ExecutionContext.ParentContext;
            if (merge == null || !string.Equals(merge.MessageName, "Merge", StringComparison.OrdinalIgnoreCase)
                || !string.Equals(merge.PrimaryEntityName, Account.Table, StringComparison.OrdinalIgnoreCase)
                || merge.PrimaryEntityId != context.ExecutionContext.PrimaryEntityId
                || !(merge.InputParameters.TryGetValue("SubordinateId", out object raw) && raw is Guid subordinate))
                return null;
            return subordinate;
        }

        /// <summary>
        /// A merge moves the merged-away record's deals to the record that stays (the Merge cascade of the same
        /// relationships, and of the deal's parent account or contact). Whether their Update steps run while they move is
        /// not documented: checked here.
        /// </summary>
        private static void OnMerge(LocalPluginContext context)
        {
            EntityReference master = context.TargetReference;
            Guid? merged = context.MergedAwayId;
            if (master == null || merged == null) return;
            Guid subordinate = merged.Value;
            var mergedAway = new EntityReference(master.LogicalName, subordinate);
            Throw(DealLifecycle.OnCustomerMerge(HasWonDeal(context.SystemService, mergedAway, orAsParent: true), IsAdministrator(context)));
            // The merged-away account's plants move under the account that stays, below the pipeline: a new parent for each.
            if (master.LogicalName == Account.Table) Throw(CheckPlantsMoved(context, subordinate));
            // What the merge writes to the account that stays (UpdateContent) is held to the same rules as a save of it:
            // no page says the master's Update steps run for it, so this step, certain to run, checks it.
            Entity content = context.InputParameter<Entity>("UpdateContent");
            if (master.LogicalName != Account.Table || content == null) return;
            bool signalColumns = content.Contains(Account.LastSignalOn) || content.Contains(Account.ChurnRisk);
            bool segmentColumns = Segment.Any(s => content.Contains(s.Key));
            if (!signalColumns && !segmentColumns) return;
            Entity before = context.SystemService.Retrieve(Account.Table, master.Id, new ColumnSet(new[]
                { Account.LastSignalOn, Account.ChurnRisk, Account.OwnerId }.Concat(Segment.Select(s => s.Key)).ToArray()));
            Throw(CheckAccountColumns(context, content, before, master.Id, byIntake: false, mergedAway: subordinate));
            // The industry, territory, size or parent the merge gives the account that stays, as a save of it would.
            if (segmentColumns) Throw(CheckSegment(context, KeyedReferences.Resolved(context, content), before));
        }

        private static void OnDelete(LocalPluginContext context)
        {
            EntityReference customer = context.TargetReference;
            if (customer == null) return;
            Throw(DealLifecycle.OnCustomerDelete(HasWonDeal(context.SystemService, customer, orAsParent: false), IsAdministrator(context)));
            // Named only in won deals' Account or Contact field: the delete clears that locked term on them (one query more).
            Throw(DealLifecycle.OnNamedByWonDealDelete(HasWonDeal(context.SystemService, customer, orAsParent: true), IsAdministrator(context)));
            if (customer.LogicalName != Account.Table) return;
            // The account's contacts go with it (contact_customer_accounts: Delete Cascade), below their own Delete steps:
            // their won deals with them, and won deals naming one as their Contact lose it (one query each, the second only
            // when the first finds none).
            Throw(DealLifecycle.OnAccountContactsDelete(HasWonDealThroughContacts(context.SystemService, customer.Id, Opportunity.CustomerId),
                () => HasWonDealThroughContacts(context.SystemService, customer.Id, Opportunity.ParentContactId), IsAdministrator(context)));
            Throw(FieldSignalRules.CheckAccountDelete(HasSignals(context.SystemService, customer.Id), IsAdministrator(context)));
            // The accounts below lose their parent (account_parent_account: Delete RemoveLink) and the account's dedicated
            // owners go (Cascade), below their own steps: the same rule as a save of their parent, and the same re-routing.
            List<Guid> plants = Routing.HandoffReassignment.WithDescendants(context.SystemService, customer.Id).Where(a => a != customer.Id).ToList();
            if (plants.Count == 0) return;
            Throw(AccountSegmentRules.CheckParentDeleted(() => ServerCall.IsSystem(context) || IsAdministrator(context)(),
                () => DealsRoutedBy(context.SystemService, plants, Opportunity.StateOpen),
                () => DealsRoutedBy(context.SystemService, plants, Opportunity.StateLost)));
            Routing.GroupDeletion.UnlinkPlants(context, customer.Id);
        }

        /// <summary>A won (or once-won) deal whose <paramref name="dealColumn"/> names a contact of the account (one query).</summary>
        private static bool HasWonDealThroughContacts(IOrganizationService service, Guid accountId, string dealColumn)
        {
            var query = new QueryExpression(Opportunity.Table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddFilter(WonOnce());
            LinkEntity contact = query.AddLink(Contact.Table, dealColumn, Contact.Id);
            contact.LinkCriteria.AddCondition(Contact.ParentCustomerId, ConditionOperator.Equal, accountId);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        /// <summary>The deal is won, or was won once (reopened since).</summary>
        private static FilterExpression WonOnce()
        {
            var won = new FilterExpression(LogicalOperator.Or);
            won.AddCondition(Opportunity.StateCode, ConditionOperator.Equal, Opportunity.StateWon);
            won.AddCondition(Opportunity.WonOn, ConditionOperator.NotNull);
            return won;
        }

        /// <summary>A field signal was raised about the account (one query).</summary>
        private static bool HasSignals(IOrganizationService service, Guid accountId)
        {
            var query = new QueryExpression(FieldSignalRow.Table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(FieldSignalRow.AccountId, ConditionOperator.Equal, accountId);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        private static Func<bool> IsAdministrator(LocalPluginContext context) => () =>
            Principals.IsAdministrator(context.SystemService, context.ExecutionContext.InitiatingUserId);

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
            query.Criteria.AddFilter(WonOnce());
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }
    }
}
