using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Signals;
using CrmCollab.Plugins.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Guards
{
    /// <summary>
    /// The one synchronous guard of the opportunity (PreOperation, so a refusal changes nothing), with a fixed order
    /// of checks — the server does not order steps of equal rank, so the checks live in one step:
    /// Create: 1 final state → 2 server-owned columns → 3 amounts → 4 data quality → 5 feasibility gate.
    /// Update: 1 server-owned columns → 2 reopen → 3 amounts → 4 a lost deal moved forward → 5 data quality → 6 feasibility gate → 7 locked terms.
    /// SetState (reopen from the form): reopen. Delete: a won deal only by a CrmCollab Administrator.
    /// </summary>
    public sealed class OpportunityGuard : PluginBase
    {
        public const string PreImage = "PreImage";

        public OpportunityGuard(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Create", Opportunity.Table, OnCreate);
            Register(PipelineStage.PreOperation, "Update", Opportunity.Table, OnUpdate)
                .Filter(OpportunityColumnsWatched.Filter).PreImage(PreImage, OpportunityColumnsWatched.PreImage);
            Register(PipelineStage.PreOperation, "SetState", Opportunity.Table, OnSetState);
            Register(PipelineStage.PreOperation, "SetStateDynamicEntity", Opportunity.Table, OnSetState);
            Register(PipelineStage.PreOperation, "Delete", Opportunity.Table, OnDelete)
                .PreImage(PreImage, Opportunity.StateCode, Opportunity.WonOn);
        }

        private static void OnCreate(LocalPluginContext context)
        {
            // A lookup sent by alternate key (the currency by its ISO code, the account by its number) is judged as the row it names.
            Entity deal = KeyedReferences.Resolved(context, context.TargetEntity);
            Throw(DealLifecycle.OnCreate(deal.Choice(Opportunity.StateCode))
                  ?? ServerOwned(context, deal)
                  ?? Amounts(deal)
                  ?? OriginatingLeadCheck.Check(context, null, deal)
                  ?? StageRequirementsCheck.Check(context, null, deal)
                  ?? Gate(context, null, deal));
        }

        private static void OnUpdate(LocalPluginContext context)
        {
            // A lookup sent again by alternate key is the row it names, not a change to "no row" (KeyedReferences).
            Entity target = KeyedReferences.Resolved(context, context.TargetEntity);
            Entity before = context.PreImage(PreImage) ?? new Entity(Opportunity.Table, target.Id);
            DealSaveRecord.Remember(context, before, target); // for the rows sent with this save (ProcessFlowGuard, OpportunityProductGuard)
            Throw(ServerOwned(context, target)
                  ?? Reopen(context, before.Choice(Opportunity.StateCode), target)
                  ?? Amounts(target)
                  ?? OriginatingLeadCheck.Check(context, before, target)
                  ?? LostDealMove(before, target)
                  ?? StageRequirementsCheck.Check(context, before, target)
                  ?? Gate(context, before, target)
                  ?? LockedTermsCheck.Check(context, before, target));
        }

        private static void OnSetState(LocalPluginContext context)
        {
            EntityReference deal = context.InputParameter<EntityReference>("EntityMoniker");
            int? state = context.InputParameter<OptionSetValue>("State")?.Value;
            if (deal == null || state != Opportunity.StateOpen) return;
            int? before = context.SystemService.Retrieve(Opportunity.Table, deal.Id, new ColumnSet(Opportunity.StateCode)).Choice(Opportunity.StateCode);
            Throw(DealLifecycle.OnReopen(before, state, IsAdministrator(context)));
        }

        private static void OnDelete(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage);
            bool wasWon = LockedTermsCheck.WasWon(before);
            Throw(wasWon ? DealLifecycle.OnDelete(true, IsAdministrator(context)) : null);
        }

        /// <summary>
        /// crmc_wonon is stamped by <see cref="CloseGuard"/> inside the Win; the feasibility status, summary and detail
        /// are written by CrmCollab's steps from the reviews, through the SYSTEM service; who has owned the deal by
        /// <see cref="DealOwnerRecord"/>, through the SYSTEM service. No client may set or clear them.
        /// </summary>
        private static Refusal ServerOwned(LocalPluginContext context, Entity target)
        {
            if (target.Contains(Opportunity.WonOn) && !CloseGuard.IsStampingTheWin(context))
                return new Refusal(RefusalCodes.ServerOwnedColumn,
                    "'Won on' is recorded by CrmCollab when the deal is won; it cannot be set or cleared. Remove it from the change and save again.");
            // Who has owned the deal is recorded by DealOwnerRecord through the SYSTEM service, at each change of owner.
            if (target.Contains(Opportunity.OwnerHistory) && !ServerCall.IsSystem(context))
                return new Refusal(RefusalCodes.ServerOwnedColumn, DealOwnerHistory.ServerOwnedSentence);
            // CrmCollab records the status through the SYSTEM service, from its PostOperation steps. Their parent context alone
            // proves nothing: a deal sent Cleared with the account it is created with is written inside the account's Create (ServerCall).
            if (OpportunityColumnsWatched.FeasibilityRecord.Any(target.Contains) && !ServerCall.IsSystem(context))
                return new Refusal(RefusalCodes.ServerOwnedColumn,
                    "The feasibility status, summary and detail are recorded by CrmCollab from the deal's reviews; they cannot be set by hand. Remove them from the change and save again.");
            return null;
        }

        private static Refusal Reopen(LocalPluginContext context, int? stateBefore, Entity target)
        {
            int? stateAfter = target.Choice(Opportunity.StateCode);
            if (stateBefore != Opportunity.StateWon || stateAfter != Opportunity.StateOpen) return null;
            return DealLifecycle.OnReopen(stateBefore, stateAfter, IsAdministrator(context));
        }

        /// <summary>A lost deal moves forward only once reopened, as its flow does (before, the gate judged it as an open deal's move).</summary>
        private static Refusal LostDealMove(Entity before, Entity target)
        {
            int from = DealStage.Of(before) ?? SalesStage.Qualify;
            return DealStage.After(before, target) > from
                ? DealLifecycle.OnMovedForward(before.Choice(Opportunity.StateCode), Values.After<string>(before, target, Opportunity.Name))
                : null;
        }

        private static Refusal Amounts(Entity target) =>
            DealAmounts.Check(target.MoneyValue(Opportunity.EstimatedValue), target.Read<decimal?>(Opportunity.DiscountPercent));

        /// <summary>A stage move forward, or the win, with the deal as it will be after the change.</summary>
        private static Refusal Gate(LocalPluginContext context, Entity before, Entity target)
        {
            int from = before == null ? SalesStage.Qualify : DealStage.Of(before) ?? SalesStage.Qualify;
            int to = DealStage.After(before, target) ?? from;
            bool winning = Values.After<OptionSetValue>(before, target, Opportunity.StateCode)?.Value == Opportunity.StateWon
                && before?.Choice(Opportunity.StateCode) != Opportunity.StateWon;
            if (!winning && to <= from) return null; // most changes move nothing: no copy of the deal is made for them
            Entity after = Values.Merge(before, target);
            var attempt = new GateAttempt { FromStage = from, ToStage = to, Winning = winning };
            IReadOnlyCollection<string> changedTerms = before == null ? null : MaterialChange.ChangedTerms(target, before, after);
            // A save that moves the deal to another account re-opens every decision for that account's reviewers (FeasibilityRequest).
            bool movesAccount = before != null && AccountChangeRule.Moves(Routing.HandoffCreation.AccountOf(before), Routing.HandoffCreation.AccountOf(after));
            return new GateCheck(context.SystemService, context.ExecutionContext.SharedVariables)
                .Check(after, attempt, from, context.Now, changedTerms, movesAccount: movesAccount);
        }

        private static bool IsAdministrator(LocalPluginContext context) =>
            Principals.IsAdministrator(context.SystemService, context.ExecutionContext.InitiatingUserId);
    }
}
