using System;
using System.Linq;
using CrmCollab.Plugins.Data;
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
    /// The products of a won deal are part of its agreed terms: a line cannot be added to, changed on, removed from,
    /// or moved onto or off a won (or once-won, reopened) deal, except by an approved amendment. One check per event,
    /// on every deal the line touches: the one it belongs to and, when its opportunityid is changed, the new one. A line
    /// deleted inside the Delete of its deal (a cascade) goes with it. A line changed in the same save as its deal's stage
    /// (a related row of that Update) is refused (<see cref="ProductsWithStageMove"/>).
    /// </summary>
    public sealed class OpportunityProductGuard : PluginBase
    {
        public const string PreImage = "PreImage";

        /// <summary>The line's deal and every column of it that is part of the agreed products (<see cref="LockedTerms.ProductLineColumns"/>).</summary>
        private static readonly string[] Watched = new[] { OpportunityProduct.OpportunityId }.Concat(LockedTerms.ProductLineColumns).ToArray();

        public OpportunityProductGuard(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Create", OpportunityProduct.Table, OnChange);
            // The pre-image carries every watched column: a line re-saved as it is (an integration) changes nothing.
            Register(PipelineStage.PreOperation, "Update", OpportunityProduct.Table, OnChange)
                .Filter(Watched)
                .PreImage(PreImage, Watched);
            Register(PipelineStage.PreOperation, "Delete", OpportunityProduct.Table, OnChange)
                .PreImage(PreImage, OpportunityProduct.OpportunityId);
        }

        private static void OnChange(LocalPluginContext context)
        {
            string message = context.ExecutionContext.MessageName;
            Guid? current = message == "Create" ? null : context.PreImage(PreImage)?.RefId(OpportunityProduct.OpportunityId);
            // A lookup sent by alternate key (the unit by name, the product by number) is the row it names (KeyedReferences):
            // an Update compares every watched lookup with the line as stored; a Create needs only the deal the line joins.
            Entity sent = message == "Update" ? KeyedReferences.Resolved(context, context.TargetEntity) : null;
            Guid? target = sent != null ? sent.RefId(OpportunityProduct.OpportunityId)
                : message == "Create" ? KeyedReferences.RefId(context, context.TargetEntity, OpportunityProduct.OpportunityId) : null;
            // A line goes with its deal (the deal's own Delete is guarded, OpportunityGuard): where the platform runs the
            // lines' Delete steps for the cascade, they recognise it, as the handoff, amendment and review guards do.
            if (message == "Delete" && ServerCall.DeletesWithDeal(context.ExecutionContext, current)) return;
            bool changesTheLine = message != "Update" || Changes.Of(sent, context.PreImage(PreImage), Watched).Count > 0;
            foreach (Guid? deal in new[] { current, target })
            {
                if (deal == null || AmendmentPath.IsApplying(context, deal.Value)) continue;
                var row = context.SystemService.Retrieve(Opportunity.Table, deal.Value, new ColumnSet(Opportunity.StateCode, Opportunity.WonOn));
                Throw(LockedTerms.CheckProducts(LockedTermsCheck.WasWon(row), changesTheLine));
                if (current == target) break;
            }
            // Sent with a save of its deal that sets the deal's stage: that move was judged on the products as they were.
            Throw(ProductsWithStageMove.Check(changesTheLine, () => DealSaveRecord.SavedWithStageOf(context.ExecutionContext, current, target)));
        }
    }
}
