using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Guards
{
    /// <summary>
    /// The feasibility gate on every business process flow table of the opportunity (both out-of-box ones and any an
    /// administrator adds with `crmcollab bpf add`): a stage move is refused like the deal's own — a lost deal's move on,
    /// then the data the stage asks for, then the gate from the deal's stage to the stage the instance is moving to (a
    /// custom stage without a category counts by its place in the process), each refusal naming the stage as the flow
    /// shows it. Update at PreOperation; Create (switching process, API) at
    /// PostOperation rank 1, where the new instance exists for RetrieveActivePath — a refusal still rolls it back.
    /// </summary>
    public sealed class ProcessFlowGuard : PluginBase
    {
        public const string PreImage = "PreImage";

        public ProcessFlowGuard(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            // Registered per BPF table in solution/ (entity null: the same guard for every BPF table).
            Register(PipelineStage.PreOperation, "Update", null, OnMove)
                .Filter(ProcessFlow.ActiveStageId, ProcessFlow.OpportunityId)
                .PreImage(PreImage, ProcessFlow.OpportunityId, ProcessFlow.ActiveStageId);
            Register(PipelineStage.PostOperation, "Create", null, OnMove);
        }

        private static void OnMove(LocalPluginContext context)
        {
            // The deal named by alternate key (an integration sending the flow whole) is the deal the key names (KeyedReferences).
            Entity target = KeyedReferences.Resolved(context, context.TargetEntity);
            Entity before = context.PreImage(PreImage);
            Entity after = Values.Merge(before, target);
            Guid? stageId = after.RefId(ProcessFlow.ActiveStageId);
            Guid? dealId = ProcessFlow.DealOf(after);
            if (stageId == null || dealId == null) return; // a lead's flow before it is qualified: no deal yet
            IOrganizationService service = context.SystemService;
            Guid instanceId = context.ExecutionContext.PrimaryEntityId != Guid.Empty ? context.ExecutionContext.PrimaryEntityId : target.Id;
            int to = ProcessFlowStage.Of(service, instanceId, stageId.Value, out string stageName);
            Entity deal = service.Retrieve(Opportunity.Table, dealId.Value, new ColumnSet(GateCheck.DealColumns));
            int? state = deal.Choice(Opportunity.StateCode);
            if (state == Opportunity.StateWon) return; // a won deal's flow is history: its gate was passed at the win
            int from = DealStage.Of(deal) ?? SalesStage.Qualify;
            if (to <= from) return;
            // A lost deal's flow moves on no further until the deal is reopened (before, it came back past the gate).
            Throw(DealLifecycle.OnMovedForward(state, deal.Read<string>(Opportunity.Name)));
            // As on the deal's own save (OpportunityGuard): first the data the stage asks for, then the gate, each naming the
            // stage as the flow shows it (before, the gate came first and both named the sales stage: "Propose" for "Offer").
            Throw(StageRequirementsCheck.AtFlowMove(context, to, stageName, deal, GateCheck.DealColumns));
            var attempt = new GateAttempt { FromStage = from, ToStage = to, StageName = stageName };
            // A move sent as a related row of the deal's own save runs after the deal is written (documented): the terms that
            // save sends re-open, after it, the approvals decided on other values, and a new account every decided review — the
            // move is judged without them.
            IPluginExecutionContext dealSave = ServerCall.DealSaveAround(context.ExecutionContext, dealId.Value);
            IReadOnlyCollection<string> sentTerms = dealSave == null ? null : MaterialChange.Sent((Entity)dealSave.InputParameters["Target"], deal);
            bool movesAccount = dealSave != null && DealSaveRecord.MovesAccount(dealSave, deal);
            Refusal refusal = new GateCheck(service, context.ExecutionContext.SharedVariables)
                .Check(deal, attempt, from, context.Now, sentTerms, movesAccount: movesAccount);
            Throw(refusal);
        }
    }
}
