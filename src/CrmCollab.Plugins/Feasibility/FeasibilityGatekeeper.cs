using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// The gate, synchronous and pre-operation so a refusal changes nothing: a deal may not enter a review's gate
    /// stage, nor be won, before every current review is approved — through the form, the API, an import, a flow
    /// (Update of salesstage/stepname/statecode, Win runs that Update) or the business process flow (its instance).
    /// </summary>
    public sealed class FeasibilityGatekeeper : PluginBase
    {
        public const string PreImage = "PreImage";

        private static readonly string[] FactColumns =
            { Opportunity.EstimatedValue, Opportunity.DiscountPercent, Opportunity.RequestedDelivery, Opportunity.IsCustomSolution };

        public FeasibilityGatekeeper(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Create", Opportunity.Table, OnCreate);
            Register(PipelineStage.PreOperation, "Update", Opportunity.Table, OnUpdate);
            Register(PipelineStage.PreOperation, "Update", ProcessStage.SalesProcessTable, OnProcessStageChange);
        }

        private static void OnCreate(LocalPluginContext context)
        {
            Entity deal = context.TargetEntity;
            int? stage = DealStage.Of(deal);
            if (stage == null || stage <= SalesStage.Qualify) return;
            var attempt = new GateAttempt { FromStage = SalesStage.Qualify, ToStage = stage.Value };
            Refuse(context, new GateCheck(context.SystemService).Check(deal, attempt, context.Now, factsChanged: true));
        }

        private static void OnUpdate(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            Entity before = context.PreImage(PreImage);
            Entity after = Values.Merge(before, target);
            int from = DealStage.Of(before ?? new Entity()) ?? SalesStage.Qualify;
            int to = DealStage.Of(after) ?? from;
            bool winning = after.Choice(Opportunity.StateCode) == Opportunity.StateWon && before?.Choice(Opportunity.StateCode) != Opportunity.StateWon;
            if (!winning && to <= from) return;
            var attempt = new GateAttempt { FromStage = from, ToStage = to, Winning = winning };
            bool factsChanged = FactColumns.Any(target.Contains);
            Refuse(context, new GateCheck(context.SystemService).Check(after, attempt, context.Now, factsChanged));
        }

        private static void OnProcessStageChange(LocalPluginContext context)
        {
            var newStage = context.TargetEntity.GetAttributeValue<EntityReference>(ProcessStage.ActiveStageId);
            Guid? dealId = context.PreImage(PreImage)?.RefId(ProcessStage.OpportunityId);
            if (newStage == null || dealId == null) return;
            IOrganizationService service = context.SystemService;
            int? to = DealStage.OfCategory(service.Retrieve(ProcessStage.Table, newStage.Id, new ColumnSet(ProcessStage.Category)).Choice(ProcessStage.Category));
            if (to == null) return;
            Entity deal = service.Retrieve(Opportunity.Table, dealId.Value, new ColumnSet(FeasibilityRepository.DealColumns));
            int from = DealStage.Of(deal) ?? SalesStage.Qualify;
            if (to <= from) return;
            Refuse(context, new GateCheck(service).Check(deal, new GateAttempt { FromStage = from, ToStage = to.Value }, context.Now, false));
        }

        private static void Refuse(LocalPluginContext context, string refusal)
        {
            if (refusal == null)
            {
                context.Trace("Feasibility gate passed.");
                return;
            }
            throw new InvalidPluginExecutionException(refusal);
        }
    }
}
