using System;
using System.ServiceModel;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// When a deal reaches a rule's trigger stage (created there, moved there, or its process flow moved there), or is
    /// reopened, the reviews it needs are requested — synchronously, so the rep sees the status on save.
    /// </summary>
    public sealed class FeasibilityRequest : PluginBase
    {
        public const string PostImage = "PostImage", PreImage = "PreImage";

        public FeasibilityRequest(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PostOperation, "Create", Opportunity.Table, OnDealSaved)
                .PostImage(PostImage, FeasibilityRepository.DealColumns);
            // A new account (its industry may need another function) requests the new reviews at once; so does a
            // reopened deal (statecode back to Open), whose pending reviews were withdrawn when it was lost.
            // A deal moved to another account: its pending reviews follow that account's routing first (pre-image: the
            // account it leaves).
            Register(PipelineStage.PostOperation, "Update", Opportunity.Table, OnDealSaved)
                .Filter(Opportunity.SalesStage, Opportunity.StepName, Opportunity.CustomerId, Opportunity.ParentAccountId, Opportunity.StateCode)
                .PreImage(PreImage, Opportunity.CustomerId, Opportunity.ParentAccountId, Opportunity.OwnerId)
                .PostImage(PostImage, FeasibilityRepository.DealColumns);
            // The form's "Reopen opportunity" is a SetState (no Microsoft page says it runs Update steps): it requests too.
            Register(PipelineStage.PostOperation, "SetState", Opportunity.Table, OnDealSaved)
                .PostImage(PostImage, FeasibilityRepository.DealColumns);
            Register(PipelineStage.PostOperation, "SetStateDynamicEntity", Opportunity.Table, OnDealSaved)
                .PostImage(PostImage, FeasibilityRepository.DealColumns);
            // A merge moves the merged-away account's deals below the pipeline (none of their steps runs): their approvals were
            // given for the account merged away (ReviewRerouting.ReopenForMerge).
            Register(PipelineStage.PreOperation, "Merge", Account.Table, OnAccountMerge);
            // Every business process flow table of the opportunity (entity null: registered per BPF table in solution/).
            Register(PipelineStage.PostOperation, "Create", null, OnProcessStageChange)
                .PostImage(PostImage, ProcessFlow.OpportunityId, ProcessFlow.ActiveStageId);
            Register(PipelineStage.PostOperation, "Update", null, OnProcessStageChange)
                .Filter(ProcessFlow.ActiveStageId, ProcessFlow.OpportunityId)
                .PostImage(PostImage, ProcessFlow.OpportunityId, ProcessFlow.ActiveStageId);
        }

        private static void OnDealSaved(LocalPluginContext context)
        {
            Entity deal = context.PostImage(PostImage);
            if (deal == null)
                throw new InvalidPluginExecutionException(Domain.StepFailure.Misconfigured("the image of the deal it is registered with").Message);
            Entity before = context.PreImage(PreImage);
            // Who created the deal for someone else, or handed it on in this save: passed over by the routing of the reviews
            // it asks, whether or not DealOwnerRecord (same rank, order not defined) has recorded them yet.
            DealOwnerRecord.AddSavesOwners(context, deal, before);
            // This save runs inside another of the deal (its flow moved as a related row, keeping the stage in step) that hands it on.
            IPluginExecutionContext outer = ServerCall.DealSaveAround(context.ExecutionContext, deal.Id);
            if (outer != null) DealOwnerRecord.AddOwnerReplaced(deal, DealSaveRecord.OwnerBefore(outer));
            Guid? account = HandoffCreation.AccountOf(deal);
            bool movedAccount = before != null && AccountChangeRule.Moves(HandoffCreation.AccountOf(before), account);
            // A deal's open handoffs follow it to its new account, reopened or won (should the platform accept a save of a
            // won deal, as some integrations report): the old account's people do not deliver for the new customer.
            if (movedAccount)
                context.Trace("{0} open handoff(s) re-routed to the deal's new account.",
                    HandoffReassignment.ForDeal(context.SystemService, deal.Id, account.Value, context.Now));
            int? state = deal.Choice(Opportunity.StateCode);
            // An open or lost deal's approvals were given for the account it leaves (AccountChangeRule.Applies), and its pending reviews follow.
            if (movedAccount && AccountChangeRule.Applies(state))
                context.Trace("{0} pending review(s) re-routed to the deal's new account.",
                    ReviewRerouting.ForNewAccount(context.SystemService, deal, account.Value, context.Now));
            // A won deal's approvals were given for the account it leaves too: re-opened now, asked again at its reopen.
            else if (movedAccount && AccountChangeRule.ReopensDecided(state))
                context.Trace("{0} decided review(s) of the won deal re-opened for its reopen.",
                    ReviewRerouting.ReopenDecided(context.SystemService, deal.Id));
            if (state != Opportunity.StateOpen) return; // a closed deal asks for no review (a lost one, at its reopen)
            // A reopen (its SetState, or the Update of its status): approvals of terms changed while it was closed stop counting.
            if (IsStateChange(context))
                context.Trace("{0} approval(s) of terms the deal no longer has re-opened at its reopen.",
                    ReopenedDealReviews.ReopenOutdated(context.SystemService, deal.Id));
            int? stage = DealStage.Of(deal);
            if (stage == null) return;
            var outcome = new ReviewRequester(context.SystemService, context.ExecutionContext.SharedVariables).Request(deal, stage.Value, context.Now, reopenOutdated: true);
            context.Trace("Requested {0} review(s); feasibility {1}.", outcome.Requested.Count, outcome.Verdict.Status);
        }

        private static void OnAccountMerge(LocalPluginContext context)
        {
            Guid? mergedAway = context.MergedAwayId;
            if (context.TargetReference == null || mergedAway == null) return;
            context.Trace("{0} decided review(s) of the moved deals re-opened by the merge.", ReviewRerouting.ReopenForMerge(context.SystemService, mergedAway.Value));
        }

        private static bool IsStateChange(LocalPluginContext context)
        {
            string message = context.ExecutionContext.MessageName;
            return message == "SetState" || message == "SetStateDynamicEntity"
                || (message == "Update" && context.TargetEntity.Contains(Opportunity.StateCode));
        }

        /// <summary>A process-flow move is also a stage move: keep the deal's stage in step, then request.</summary>
        private static void OnProcessStageChange(LocalPluginContext context)
        {
            Entity instance = context.PostImage(PostImage) ?? context.TargetEntity;
            Guid? dealId = ProcessFlow.DealOf(instance);
            Guid? stageId = instance?.RefId(ProcessFlow.ActiveStageId);
            if (dealId == null || stageId == null) return;
            IOrganizationService service = context.SystemService;
            int stage = ProcessFlowStage.Of(service, context.ExecutionContext.PrimaryEntityId, stageId.Value);
            Entity deal = service.Retrieve(Opportunity.Table, dealId.Value, new ColumnSet(FeasibilityRepository.DealColumns));
            if (deal.Choice(Opportunity.StateCode) != Opportunity.StateOpen) return;
            // Moved as a related row of the deal's save that hands it on: routing passes over the owner it had, whom
            // DealOwnerRecord records only at the deal's PostOperation, after the related rows.
            IPluginExecutionContext dealSave = ServerCall.DealSaveAround(context.ExecutionContext, dealId.Value);
            if (dealSave != null) DealOwnerRecord.AddOwnerReplaced(deal, DealSaveRecord.OwnerBefore(dealSave));
            if (DealStage.Of(deal) != stage)
            {
                // Made with the mover's rights (a flow table's Write is granted apart from the deal's): who may not edit
                // the deal cannot move it through its flow. The review request below is CrmCollab's own (SYSTEM).
                try
                {
                    context.UserService.Update(new Entity(Opportunity.Table, dealId.Value) { [Opportunity.SalesStage] = new OptionSetValue(stage) });
                }
                catch (FaultException<OrganizationServiceFault> fault) when (Domain.PlatformFault.IsAccessDenied(fault.Detail?.ErrorCode ?? 0))
                {
                    throw new InvalidPluginExecutionException(FlowMove.Denied().Message, fault);
                }
                deal[Opportunity.SalesStage] = new OptionSetValue(stage);
            }
            new ReviewRequester(service, context.ExecutionContext.SharedVariables).Request(deal, stage, context.Now, reopenOutdated: true);
        }
    }
}
