using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// What a deal's save changes, told to the operations of the rows sent with it ("Update related table rows in one
    /// operation"), which run after the deal is written, when its values before the save are gone: whether it moves the deal
    /// to another account, whether it moves its stage forward. The deal's own PreOperation guard, which has the values
    /// before, records them in the save's SharedVariables (Microsoft's way of passing data along a pipeline); a related row's
    /// operation reads them through its ParentContext. Where it finds nothing, it judges from what the save sends.
    /// </summary>
    public static class DealSaveRecord
    {
        /// <summary>Each name is followed by the deal's id: the deals of one UpdateMultiple may share one pipeline's SharedVariables.</summary>
        public const string MovesAccountVariable = "crmc_save_movesaccount_", MovesStageVariable = "crmc_save_movesstage_",
            OwnerBeforeVariable = "crmc_save_ownerbefore_";

        /// <summary>In the deal's PreOperation Update: records what the save changes of the account and the stage, when it sends them
        /// and carries related rows (a save without them has nobody to tell: nothing is written).</summary>
        public static void Remember(LocalPluginContext context, Entity before, Entity target)
        {
            bool sendsAccount = target.Contains(Opportunity.CustomerId) || target.Contains(Opportunity.ParentAccountId);
            bool sendsStage = target.Contains(Opportunity.SalesStage) || target.Contains(Opportunity.StepName);
            bool sendsOwner = target.Contains(Opportunity.OwnerId);
            if (!sendsAccount && !sendsStage && !sendsOwner || context.TargetEntity.RelatedEntities.Count == 0) return;
            ParameterCollection shared = context.ExecutionContext.SharedVariables;
            Guid id = context.ExecutionContext.PrimaryEntityId;
            string deal = (id != Guid.Empty ? id : target.Id).ToString("N");
            if (sendsAccount)
            {
                Entity after = Values.Merge(before, target);
                shared[MovesAccountVariable + deal] = AccountChangeRule.Moves(Routing.HandoffCreation.AccountOf(before), Routing.HandoffCreation.AccountOf(after));
            }
            if (sendsStage)
                shared[MovesStageVariable + deal] = (DealStage.After(before, target) ?? 0) > (DealStage.Of(before) ?? 0);
            // Who owned the deal before a save that hands it on: a flow moved with it asks its reviews before DealOwnerRecord,
            // at the deal's PostOperation, records them.
            EntityReference owner = before.Read<EntityReference>(Opportunity.OwnerId);
            if (sendsOwner && owner != null) shared[OwnerBeforeVariable + deal] = owner.LogicalName + "|" + owner.Id.ToString("N");
        }

        /// <summary>In a related row's operation: who owned the deal before <paramref name="dealSave"/>, when that save sends its
        /// owner and the deal's guard recorded it (<see cref="Remember"/>); else null.</summary>
        public static EntityReference OwnerBefore(IPluginExecutionContext dealSave)
        {
            string key = OwnerBeforeVariable + dealSave.PrimaryEntityId.ToString("N");
            if (dealSave.SharedVariables == null || !dealSave.SharedVariables.TryGetValue(key, out object value) || !(value is string text)) return null;
            string[] parts = text.Split('|');
            return parts.Length == 2 && Guid.TryParse(parts[1], out Guid id) ? new EntityReference(parts[0], id) : null;
        }

        /// <summary>In a related row's operation: whether <paramref name="dealSave"/> (its context up the chain) moves the deal, now <paramref name="dealNow"/>, to another account.</summary>
        public static bool MovesAccount(IPluginExecutionContext dealSave, Entity dealNow)
        {
            var target = (Entity)dealSave.InputParameters["Target"];
            return AccountChangeRule.MovedBySave(Recorded(dealSave, MovesAccountVariable), target.Contains(Opportunity.CustomerId),
                target.Contains(Opportunity.ParentAccountId), dealNow.Read<EntityReference>(Opportunity.CustomerId)?.LogicalName == Account.Table);
        }

        /// <summary>In a related row's operation: whether <paramref name="dealSave"/> moves the deal's stage forward (<see cref="ProductsWithStageMove.MovesTheStage"/>).</summary>
        private static bool MovesStage(IPluginExecutionContext dealSave, Entity target) =>
            ProductsWithStageMove.MovesTheStage(Recorded(dealSave, MovesStageVariable), target.Contains(Opportunity.SalesStage) || target.Contains(Opportunity.StepName));

        /// <summary>
        /// The operation runs inside an Update of one of <paramref name="deals"/> that moves the deal's stage forward (as the deal's
        /// own guard recorded it, the record above; without a record, one whose Target sends salesstage or
        /// the stage name) or carries, as another related row, a process flow instance that sets its active stage (the order in
        /// which the platform processes related rows is not documented: either may come first). The parent contexts are the
        /// platform's, never a client's.
        /// </summary>
        public static bool SavedWithStageOf(IPluginExecutionContext context, params Guid?[] deals)
        {
            foreach (KeyValuePair<IPluginExecutionContext, Entity> save in ServerCall.DealSaves(context))
                if (Array.IndexOf(deals, (Guid?)save.Key.PrimaryEntityId) >= 0
                    && (MovesStage(save.Key, save.Value) || SendsFlowStage(save.Value)))
                    return true;
            return false;
        }

        /// <summary>A related row of <paramref name="deal"/>'s save sets a flow's active stage (only flow instances have that column).</summary>
        private static bool SendsFlowStage(Entity deal)
        {
            foreach (var related in deal.RelatedEntities)
            {
                if (related.Value == null) continue;
                foreach (Entity row in related.Value.Entities)
                    if (row != null && row.Contains(ProcessFlow.ActiveStageId)) return true;
            }
            return false;
        }

        private static bool? Recorded(IPluginExecutionContext context, string variable) =>
            context.SharedVariables != null && context.SharedVariables.TryGetValue(variable + context.PrimaryEntityId.ToString("N"), out object value)
            && value is bool recorded ? recorded : (bool?)null;
    }
}
