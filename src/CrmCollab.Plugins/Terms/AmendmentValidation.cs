using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// Keeps amendments honest at save time: the deal it belongs to (fixed, and won when raised and when applied),
    /// content (its author's alone), state moves, who decides, decided amendments kept as history, and an open one kept
    /// active (<see cref="AmendmentStatusRules"/>). An approval is stamped here and turned into Applied, so
    /// <see cref="AmendmentApplication"/> applies it in the same transaction.
    /// </summary>
    public sealed class AmendmentValidation : PluginBase
    {
        public const string PreImage = "PreImage";

        private static readonly string[] Stamps = { AmendmentRow.ApprovedBy, AmendmentRow.ApprovedOn, AmendmentRow.AppliedOn };

        /// <summary>What the requester proposes: only they change it, while it is Draft or Submitted.</summary>
        private static readonly string[] ContentColumns = AmendmentRow.Proposals.Keys
            .Concat(new[] { AmendmentRow.Reason, AmendmentRow.TransactionCurrencyId }).ToArray();

        /// <summary>The proposed amount and the currency it is in (<see cref="AmendmentCurrency"/>).</summary>
        private static readonly string[] MoneyColumns = { AmendmentRow.NewEstimatedValue, AmendmentRow.TransactionCurrencyId };

        public AmendmentValidation(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Create", AmendmentRow.Table, OnCreate);
            Register(PipelineStage.PreOperation, "Update", AmendmentRow.Table, OnUpdate)
                .Filter(AmendmentRow.State, AmendmentRow.Reason, AmendmentRow.OpportunityId, AmendmentRow.NewEstimatedValue,
                    AmendmentRow.NewDiscountPercent, AmendmentRow.NewRequestedDelivery, AmendmentRow.NewPaymentTerms,
                    AmendmentRow.ApprovedBy, AmendmentRow.ApprovedOn, AmendmentRow.AppliedOn, AmendmentRow.ApproverComment,
                    CommonColumn.StateCode, AmendmentRow.TransactionCurrencyId)
                .PreImage(PreImage, AmendmentRow.State, AmendmentRow.Reason, AmendmentRow.OpportunityId, AmendmentRow.NewEstimatedValue,
                    AmendmentRow.NewDiscountPercent, AmendmentRow.NewRequestedDelivery, AmendmentRow.NewPaymentTerms,
                    AmendmentRow.ApproverComment, CommonColumn.CreatedBy, CommonColumn.OwnerId, CommonColumn.StateCode,
                    AmendmentRow.TransactionCurrencyId);
            Register(PipelineStage.PreOperation, "Delete", AmendmentRow.Table, OnDelete)
                .PreImage(PreImage, AmendmentRow.State, AmendmentRow.OpportunityId, CommonColumn.CreatedBy);
            // Deactivate from the grid (SetState): no page says it runs the Update steps.
            foreach (string setState in new[] { "SetState", "SetStateDynamicEntity" })
                Register(PipelineStage.PreOperation, setState, AmendmentRow.Table, OnSetState).PreImage(PreImage, AmendmentRow.State,
                    CommonColumn.StateCode);
        }

        /// <summary>A SetState of an amendment: deactivated only once decided.</summary>
        private static void OnSetState(LocalPluginContext context)
        {
            int? state = context.InputParameter<OptionSetValue>("State")?.Value;
            Entity before = context.PreImage(PreImage) ?? new Entity(AmendmentRow.Table);
            Throw(AmendmentStatusRules.CheckDeactivation(before.Choice(CommonColumn.StateCode), state, StateOf(before) ?? AmendmentState.Draft));
        }

        private static void OnCreate(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            // Its deal and currency may be named by alternate key (an ERP's deal reference, an ISO code): read as the rows they name.
            Entity sent = KeyedReferences.Resolved(context, target);
            AmendmentState? state = StateOf(target);
            Guid? dealId = sent.RefId(AmendmentRow.OpportunityId);
            var deal = new Lazy<Entity>(() => context.SystemService.Retrieve(Opportunity.Table, dealId.Value,
                new ColumnSet(Opportunity.Name, Opportunity.StateCode, Opportunity.OwnerId, Opportunity.TransactionCurrencyId, Opportunity.WonOn)));
            Guid caller = context.ExecutionContext.InitiatingUserId;
            Refusal refusal = AmendmentCreateRules.Check(Stamps.Any(target.Contains), state, target.Read<string>(AmendmentRow.Reason),
                AmendmentRow.Proposals.Keys.Any(target.IsFilled), dealId != null,
                () => deal.Value.Choice(Opportunity.StateCode) == Opportunity.StateWon, () => deal.Value.Contains(Opportunity.WonOn))
                ?? AmendmentCreateRules.CheckApproverComment(target.IsFilled(AmendmentRow.ApproverComment))
                ?? AmendmentStatusRules.CheckCreate(target.Choice(CommonColumn.StateCode))
                ?? AmendmentCreateRules.CheckAuthor(
                    () => Principals.OwnsOrBelongs(context.SystemService, caller, deal.Value.Read<EntityReference>(Opportunity.OwnerId)),
                    () => Principals.IsAdministrator(context.SystemService, caller) || ServerCall.IsSystem(context));
            Throw(refusal);
            TakeDealsCurrency(context, target, sent, deal.Value, creating: true);
            target[AmendmentRow.State] = new OptionSetValue((int)(state ?? AmendmentState.Draft));
            if (!target.IsFilled(AmendmentRow.Name))
                target[AmendmentRow.Name] = Values.Shorten("Amendment of " + deal.Value.Read<string>(Opportunity.Name), 100);
        }

        /// <summary>One guard for every change of an amendment, in the order of <see cref="AmendmentEditRules.Check"/>.</summary>
        private static void OnUpdate(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            Entity sent = KeyedReferences.Resolved(context, target); // lookups named by alternate key, as the rows they name
            Entity before = context.PreImage(PreImage) ?? new Entity(AmendmentRow.Table);
            Entity after = Values.Merge(before, sent);
            AmendmentState from = StateOf(before) ?? AmendmentState.Draft;
            AmendmentState to = StateOf(after) ?? from;
            Guid caller = context.ExecutionContext.InitiatingUserId;
            Guid? dealId = before.RefId(AmendmentRow.OpportunityId);
            // One read of the deal, for its state at approval and its currency (the amount's, the approval's).
            var deal = new Lazy<Entity>(() => dealId == null ? new Entity(Opportunity.Table) : context.SystemService.Retrieve(Opportunity.Table,
                dealId.Value, new ColumnSet(Opportunity.StateCode, Opportunity.TransactionCurrencyId, Opportunity.OwnerId, Opportunity.OwnerHistory)));
            bool changesMoney = Changes.Of(sent, before, MoneyColumns).Count > 0;
            bool takesDeals = AmendmentCurrency.TakesDealsCurrency(after.IsFilled(AmendmentRow.TransactionCurrencyId), after.IsFilled(AmendmentRow.NewEstimatedValue));

            Refusal refusal = AmendmentEditRules.Check(new AmendmentEdit
            {
                SendsStamps = Stamps.Any(target.Contains),
                ChangesDeal = Changes.Of(sent, before, new[] { AmendmentRow.OpportunityId }).Count > 0,
                ClearsState = target.Contains(AmendmentRow.State) && target[AmendmentRow.State] == null,
                From = from,
                To = to,
                ChangesContent = Changes.Of(sent, before, ContentColumns).Count > 0,
                CallerIsAuthor = before.RefId(CommonColumn.CreatedBy) == caller,
                CallerIsAdministrator = () => Principals.IsAdministrator(context.SystemService, caller),
                Reason = after.Read<string>(AmendmentRow.Reason),
                ProposesAnyValue = AmendmentRow.Proposals.Keys.Any(after.IsFilled),
                ApproverComment = after.Read<string>(AmendmentRow.ApproverComment),
                ChangesApproverComment = Changes.Of(sent, before, new[] { AmendmentRow.ApproverComment }).Count > 0,
                ApproverProblem = () => ApproverProblem(context, after, caller, deal),
                DealIsWon = () => dealId != null && deal.Value.Choice(Opportunity.StateCode) == Opportunity.StateWon,
                ChangesAmountOrCurrency = changesMoney,
                // A change leaving no amount (or no currency) takes the deal's currency below: only an amount named in another is refused.
                CurrencyProblem = approving => CurrencyRefusal(context, after, deal.Value,
                    takesDeals && !approving ? deal.Value.RefId(Opportunity.TransactionCurrencyId) : after.RefId(AmendmentRow.TransactionCurrencyId), approving),
                StatusBefore = before.Choice(CommonColumn.StateCode),
                StatusAfter = target.Choice(CommonColumn.StateCode),
                ChangesOnlyStatus = target.Attributes.Keys.All(column => column == CommonColumn.StateCode || column == CommonColumn.StatusCode
                    || column == AmendmentRow.Id),
            });
            Throw(refusal);
            if (changesMoney && takesDeals) TakeDealsCurrency(context, target, sent, deal.Value, creating: false);
            if (from == to || (to != AmendmentState.Approved && to != AmendmentState.Rejected)) return;

            target[AmendmentRow.ApprovedBy] = new EntityReference(SystemUser.Table, caller);
            target[AmendmentRow.ApprovedOn] = context.Now;
            if (to == AmendmentState.Approved)
            {
                // Applied in this same transaction by AmendmentApplication (PostOperation); a failure there undoes all.
                target[AmendmentRow.State] = new OptionSetValue((int)AmendmentState.Applied);
                target[AmendmentRow.AppliedOn] = context.Now;
            }
        }

        /// <summary>
        /// The amendment's currency is its deal's (<see cref="AmendmentCurrency"/>): set when the amendment names none or
        /// proposes no amount, else an amount in another currency is refused. A new amendment of a deal without currency
        /// names none explicitly: left out, the platform would give it its author's default currency (Personal Options).
        /// </summary>
        /// <param name="sent">The Target with its lookups named by key resolved (read); <paramref name="target"/> is written.</param>
        private static void TakeDealsCurrency(LocalPluginContext context, Entity target, Entity sent, Entity deal, bool creating)
        {
            EntityReference dealCurrency = deal.Read<EntityReference>(Opportunity.TransactionCurrencyId);
            bool proposesAmount = sent.IsFilled(AmendmentRow.NewEstimatedValue);
            if (!AmendmentCurrency.TakesDealsCurrency(sent.IsFilled(AmendmentRow.TransactionCurrencyId), proposesAmount))
            {
                Throw(CurrencyRefusal(context, sent, deal, sent.RefId(AmendmentRow.TransactionCurrencyId), false));
                return;
            }
            if (dealCurrency == null && !creating && !target.Contains(AmendmentRow.TransactionCurrencyId)) return;
            target[AmendmentRow.TransactionCurrencyId] = dealCurrency == null ? null : new EntityReference(TransactionCurrency.Table, dealCurrency.Id);
        }

        /// <param name="currency">The amendment's currency as it will be saved.</param>
        private static Refusal CurrencyRefusal(LocalPluginContext context, Entity amendment, Entity deal, Guid? currency, bool approving)
        {
            EntityReference dealCurrency = deal.Read<EntityReference>(Opportunity.TransactionCurrencyId);
            return AmendmentCurrency.Check(amendment.IsFilled(AmendmentRow.NewEstimatedValue), currency, dealCurrency?.Id,
                () => CurrencyNames.Of(context.SystemService, amendment.Read<EntityReference>(AmendmentRow.TransactionCurrencyId)),
                () => CurrencyNames.Of(context.SystemService, dealCurrency), approving);
        }

        /// <summary>A decided amendment stays: deleting it would erase how the deal's terms changed; a submitted one goes only by its author or an administrator.</summary>
        private static void OnDelete(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage) ?? new Entity(AmendmentRow.Table);
            bool withItsDeal = ServerCall.DeletesWithDeal(context.ExecutionContext, before.RefId(AmendmentRow.OpportunityId));
            Guid caller = context.ExecutionContext.InitiatingUserId;
            Refusal refusal = AmendmentEditRules.CheckDelete(StateOf(before) ?? AmendmentState.Draft, withItsDeal,
                () => before.RefId(CommonColumn.CreatedBy) == caller,
                () => ServerCall.IsSystem(context) || Principals.IsAdministrator(context.SystemService, caller));
            Throw(refusal);
        }

        /// <summary>
        /// Never the requester; then an administrator (one or two queries) or the deal's finance reviewer (one more) who
        /// neither owns the deal (a query only for a team-owned deal) nor has owned it (one only when its history names a team).
        /// </summary>
        private static string ApproverProblem(LocalPluginContext context, Entity amendment, Guid approver, Lazy<Entity> deal)
        {
            // Who raised it (Created By: written by the platform alone, kept by Assign and by the deal's cascade), not who
            // owns it now: an administrator handed the won deal owns its amendments and still decides the rep's.
            Guid requester = AmendmentRules.RequesterOf(amendment.RefId(CommonColumn.CreatedBy), amendment.RefId(CommonColumn.OwnerId));
            string refusal = AmendmentRules.CheckApprover(approver, requester, true, true);
            if (refusal != null) return refusal;
            bool admin = Principals.IsAdministrator(context.SystemService, approver);
            bool finance = !admin && IsFinanceReviewer(context.SystemService, amendment.RefId(AmendmentRow.OpportunityId), approver);
            return AmendmentRules.CheckApprover(approver, requester, admin, finance,
                () => Principals.OwnsOrBelongs(context.SystemService, approver, deal.Value.Read<EntityReference>(Opportunity.OwnerId))
                      || Feasibility.FormerDealOwners.Of(context.SystemService, deal.Value.Read<string>(Opportunity.OwnerHistory), new[] { approver }).Contains(approver));
        }

        /// <summary>
        /// Decided the deal's current Finance review that approved its terms (approved, with or without conditions; not
        /// superseded). A review withdrawn, invalidated, rejected or still pending never vouched for the terms, so its
        /// owner is no Finance reviewer of the deal.
        /// </summary>
        private static bool IsFinanceReviewer(IOrganizationService service, Guid? dealId, Guid userId)
        {
            if (dealId == null) return false;
            var query = new QueryExpression(FeasibilityReviewRow.Table) { ColumnSet = new ColumnSet(FeasibilityReviewRow.Id), TopCount = 1 };
            query.Criteria.AddCondition(FeasibilityReviewRow.OpportunityId, ConditionOperator.Equal, dealId.Value);
            query.Criteria.AddCondition(FeasibilityReviewRow.Function, ConditionOperator.Equal, (int)BusinessFunction.Finance);
            query.Criteria.AddCondition(FeasibilityReviewRow.Decision, ConditionOperator.In, (int)ReviewDecision.Approved, (int)ReviewDecision.ApprovedWithConditions);
            query.Criteria.AddCondition(FeasibilityReviewRow.SupersededBy, ConditionOperator.Null);
            query.Criteria.AddCondition(CommonColumn.StateCode, ConditionOperator.Equal, 0);
            // Who decided it (stamped by the server), not who owns it now: an owner handed the review after its decision never vouched for the terms.
            query.Criteria.AddCondition(FeasibilityReviewRow.DecidedBy, ConditionOperator.Equal, userId);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        private static AmendmentState? StateOf(Entity row) => (AmendmentState?)row.Choice(AmendmentRow.State);
    }
}
