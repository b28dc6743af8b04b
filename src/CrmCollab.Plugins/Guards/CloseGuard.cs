using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Guards
{
    /// <summary>
    /// The win's gate on a step whose firing is certain: every Win creates an opportunityclose row inside the Win
    /// operation (Create has a public sdkmessage id; Win has none, and no Microsoft page says Win runs Update steps).
    /// PreOperation Create of opportunityclose: when the parent message is Win, 0 the close in its deal's currency
    /// (<see cref="WinCurrency"/>), 1 the feasibility gate (a refusal
    /// rolls the whole Win back) → 2 an account to route the handoffs by → 3 a field signal's lead only on a deal of the
    /// signal's account (<see cref="Signals.OriginatingLeadCheck.AtWin"/>) → 4 the data every stage asks for up to Close
    /// (<see cref="Terms.StageRequirementsCheck.AtWin"/>) → 5 stamp the deal's first win date
    /// (crmc_wonon), which keeps its terms locked even if an administrator reopens it. When the parent is Lose: a deal
    /// won once is not lost over open handoffs. Any other parent (a close recorded by hand: Create, CreateMultiple, a
    /// batch, an import): refused on a deal won once, and so is the Delete of a close of such a deal but with the deal,
    /// and the Update moving a close from or to such a deal (<see cref="CloseHistory"/>): the handoff step reads the deal's
    /// closes as its wins and losses.
    /// </summary>
    public sealed class CloseGuard : PluginBase
    {
        public CloseGuard(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Create", OpportunityClose.Table, OnClose);
            Register(PipelineStage.PreOperation, "Delete", OpportunityClose.Table, OnDelete).PreImage(PreImage, Opportunity.Id);
            Register(PipelineStage.PreOperation, "Update", OpportunityClose.Table, OnMove).Filter(Opportunity.Id).PreImage(PreImage, Opportunity.Id);
        }

        public const string PreImage = "PreImage";

        private static void OnClose(LocalPluginContext context)
        {
            Guid? lostDeal = DealClosedBy(context, OpportunityClose.LoseMessage);
            if (lostDeal != null)
            {
                OnLose(context, lostDeal.Value);
                return;
            }
            Guid? dealId = DealClosedBy(context, OpportunityClose.WinMessage);
            if (dealId == null)
            {
                OnRecordedByHand(context);
                return;
            }
            IOrganizationService service = context.SystemService;
            // The data every stage asks for (crmc_StageRequirements up to Close) is read with the deal, checked after the gate.
            StageRequirements requirements = Terms.StageRequirementsCheck.ForWin(context);
            Entity deal = service.Retrieve(Opportunity.Table, dealId.Value, new ColumnSet(WinCheck.DealColumns(requirements)));
            int stage = DealStage.Of(deal) ?? SalesStage.Qualify;
            // The win is in the deal's currency (WinCurrency): before the gate weighs its price as the deal's.
            TakeDealsCurrency(context, context.TargetEntity, deal);
            // The gate at the price the win records (GateCheck.DecideWin, WinPrice).
            decimal? actualRevenue = context.TargetEntity.MoneyValue(OpportunityClose.ActualRevenue);
            // Then an account to route the handoffs by, a field signal's lead only on a deal of the signal's account (the won
            // deal credits the signal's team), the data every stage asks for up to Close: WinCheck, what the status step reports too.
            Throw(WinCheck.Decide(service, new GateCheck(service), deal, stage, context.Now, actualRevenue, requirements).Refusal);
            context.Trace("Feasibility gate passed for the win.");
            if (!deal.Contains(Opportunity.WonOn))
                service.Update(new Entity(Opportunity.Table, dealId.Value) { [Opportunity.WonOn] = context.Now });
        }

        /// <summary>
        /// The win's close is in its deal's currency (<see cref="WinCurrency"/>): set when it names none or records no actual
        /// revenue (explicitly none for a deal without currency: left out, the close would get its creator's default
        /// currency), else an actual revenue in another currency is refused. The deal's currency is in the gate's read.
        /// </summary>
        private static void TakeDealsCurrency(LocalPluginContext context, Entity close, Entity deal)
        {
            EntityReference dealCurrency = deal.Read<EntityReference>(Opportunity.TransactionCurrencyId);
            bool recordsRevenue = close.IsFilled(OpportunityClose.ActualRevenue);
            if (!WinCurrency.TakesDealsCurrency(close.IsFilled(OpportunityClose.TransactionCurrencyId), recordsRevenue))
            {
                Throw(WinCurrency.Check(recordsRevenue, close.RefId(OpportunityClose.TransactionCurrencyId), dealCurrency?.Id,
                    () => Terms.CurrencyNames.Of(context.SystemService, close.Read<EntityReference>(OpportunityClose.TransactionCurrencyId)),
                    () => Terms.CurrencyNames.Of(context.SystemService, dealCurrency)));
                return;
            }
            close[OpportunityClose.TransactionCurrencyId] = dealCurrency == null ? null : new EntityReference(TransactionCurrency.Table, dealCurrency.Id);
        }

        /// <summary>A close no Win or Lose makes: refused on a deal won once (one read of the deal; none for a close of no deal).</summary>
        private static void OnRecordedByHand(LocalPluginContext context)
        {
            // The deal named by alternate key (a migration recording the ERP's history) is the deal the key names.
            Entity deal = WonOnceRead(context, context.TargetEntity == null ? null : KeyedReferences.RefId(context, context.TargetEntity, Opportunity.Id));
            if (deal == null) return;
            Throw(CloseHistory.CheckAddedByHand(deal.Contains(Opportunity.WonOn), deal.Read<string>(Opportunity.Name)));
        }

        /// <summary>A close of a deal won once goes only with the deal (the platform's cascade of the deal's Delete).</summary>
        private static void OnDelete(LocalPluginContext context)
        {
            Guid? dealId = context.PreImage(PreImage)?.RefId(Opportunity.Id);
            if (dealId == null) return;
            bool withDeal = ServerCall.DeletesWithDeal(context.ExecutionContext, dealId);
            Entity deal = withDeal ? null : WonOnceRead(context, dealId);
            Throw(CloseHistory.CheckRemoved(deal != null && deal.Contains(Opportunity.WonOn), withDeal, deal?.Read<string>(Opportunity.Name)));
        }

        /// <summary>
        /// A close moved to another deal (its opportunity is writable on Update: OpportunityClose table reference): it leaves
        /// the one deal's closes and joins the other's, so it is refused when either deal has been won once (one read each).
        /// </summary>
        private static void OnMove(LocalPluginContext context)
        {
            Guid? from = context.PreImage(PreImage)?.RefId(Opportunity.Id);
            Guid? to = context.TargetEntity == null ? null : KeyedReferences.RefId(context, context.TargetEntity, Opportunity.Id);
            if (from == to) return;
            Entity left = WonOnceRead(context, from), joined = WonOnceRead(context, to);
            Entity won = left != null && left.Contains(Opportunity.WonOn) ? left : joined;
            Throw(CloseHistory.CheckMoved(won != null && won.Contains(Opportunity.WonOn), won?.Read<string>(Opportunity.Name)));
        }

        /// <summary>The deal's name and first win date (one Retrieve); null for a close of no deal.</summary>
        private static Entity WonOnceRead(LocalPluginContext context, Guid? dealId) => dealId == null ? null
            : context.SystemService.Retrieve(Opportunity.Table, dealId.Value, new ColumnSet(Opportunity.Name, Opportunity.WonOn));

        /// <summary>
        /// A Lose of a deal won once (reopened by an administrator): refused while handoffs of its win are open
        /// (<see cref="LostDealHandoffs"/>). Then the deal's owner joins its Owner History
        /// (<see cref="DealOwnerRecord.OnDealLost"/>), from the same read of the deal. A deal never won reads one row.
        /// </summary>
        private static void OnLose(LocalPluginContext context, Guid dealId)
        {
            IOrganizationService service = context.SystemService;
            Entity deal = service.Retrieve(Opportunity.Table, dealId,
                new ColumnSet(Opportunity.Name, Opportunity.WonOn, Opportunity.OwnerId, Opportunity.OwnerHistory));
            if (deal.Contains(Opportunity.WonOn))
            {
                QueryExpression query = Routing.HandoffReassignment.OpenHandoffsOf(dealId, new ColumnSet(false));
                Throw(LostDealHandoffs.Check(service.RetrieveMultiple(query).Entities.Count, deal.Read<string>(Opportunity.Name)));
            }
            DealOwnerRecord.OnDealLost(context, dealId, deal);
        }

        /// <summary>
        /// The deal of the opportunityclose being created, when the operation creating it (the parent, built by the
        /// platform) is <paramref name="closingMessage"/> (Win or Lose); else null.
        /// </summary>
        public static Guid? DealClosedBy(LocalPluginContext context, string closingMessage) =>
            DealClosedBy(context.ExecutionContext, closingMessage);

        /// <param name="closeCreation">The context of the Create of the opportunityclose (a step on it, or its parent).</param>
        public static Guid? DealClosedBy(IPluginExecutionContext closeCreation, string closingMessage)
        {
            IPluginExecutionContext parent = closeCreation?.ParentContext;
            if (parent == null || !string.Equals(parent.MessageName, closingMessage, StringComparison.OrdinalIgnoreCase)) return null;
            return closeCreation.InputParameters.TryGetValue("Target", out object target) && target is Entity close
                ? close.RefId(Opportunity.Id)
                : null;
        }

        /// <summary>
        /// The write of crmc_wonon above: through the SYSTEM service, in a nested call whose parent is this step
        /// (PreOperation Create of opportunityclose). The parent alone is not proof: a write made as a person inside that
        /// Create (another step running as the user, rows the platform writes with the request) has the same parent.
        /// </summary>
        public static bool IsStampingTheWin(LocalPluginContext context) =>
            ServerCall.ComesFromStep(context.ExecutionContext, PipelineStage.PreOperation, "Create", OpportunityClose.Table)
            && ServerCall.IsSystem(context);
    }
}
