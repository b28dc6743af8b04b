using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Signals
{
    /// <summary>
    /// The one guard of a field signal's changes: who raised it, as which function, about which account, of which kind,
    /// the lead it became and when it is due are CrmCollab's once it is raised (they feed the KPIs and were acted on:
    /// routing, the lead, the account's churn mark); only the salesperson it is routed to acknowledges it, at server time;
    /// it is deactivated (Update of its status, SetState) only once acknowledged; a save of what it says keeps it as complete
    /// as its raise had to be. Checked in that order. The signal, the lead it became and the competitor it names are deleted
    /// only by a CrmCollab Administrator; the lead it became is not merged away (<see cref="OriginatingLeadCheck.AtLeadMerge"/>).
    /// </summary>
    public sealed class SignalAcknowledgement : PluginBase
    {
        public const string PreImage = "PreImage";

        /// <summary>Stamped by <see cref="FieldSignalIntake"/> when the signal is raised.</summary>
        public static readonly string[] ServerColumns =
        {
            FieldSignalRow.RaisedByFunction, FieldSignalRow.RaisedBy, FieldSignalRow.DueDate, FieldSignalRow.AccountId, FieldSignalRow.Kind,
            FieldSignalRow.LeadId,
        };

        public SignalAcknowledgement(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Update", FieldSignalRow.Table, OnUpdate)
                .Filter(FieldSignalRow.AcknowledgedOn, FieldSignalRow.RaisedByFunction, FieldSignalRow.RaisedBy, FieldSignalRow.DueDate,
                    FieldSignalRow.AccountId, FieldSignalRow.Kind, FieldSignalRow.LeadId, CommonColumn.StateCode, FieldSignalRow.Description,
                    FieldSignalRow.CompetitorId)
                .PreImage(PreImage, CommonColumn.OwnerId, FieldSignalRow.AcknowledgedOn, FieldSignalRow.RaisedByFunction,
                    FieldSignalRow.RaisedBy, FieldSignalRow.DueDate, FieldSignalRow.AccountId, FieldSignalRow.Kind, FieldSignalRow.LeadId,
                    CommonColumn.StateCode, FieldSignalRow.Description, FieldSignalRow.CompetitorId);
            // Deactivate from the grid (SetState): no page says it runs the Update steps.
            foreach (string setState in new[] { "SetState", "SetStateDynamicEntity" })
                Register(PipelineStage.PreOperation, setState, FieldSignalRow.Table, OnSetState).PreImage(PreImage,
                    FieldSignalRow.AcknowledgedOn, CommonColumn.StateCode);
            // The lead a signal became is part of its record (a rep holds Delete on the leads they own).
            Register(PipelineStage.PreOperation, "Delete", Lead.Table, OnLeadDelete);
            // ...nor moved away by a lead merge, nor given a deal of another account by one (the merge moves both to the lead that stays).
            Register(PipelineStage.PreOperation, "Merge", Lead.Table, OnLeadMerge);
            // The signal itself (a System Administrator, or an organisation's role, may hold Delete on it).
            Register(PipelineStage.PreOperation, "Delete", FieldSignalRow.Table, OnSignalDelete);
            // The competitor a signal saw (the relationship removes the link: the signal would lose it).
            Register(PipelineStage.PreOperation, "Delete", Competitor.Table, OnCompetitorDelete);
        }

        /// <summary>A competitor's Delete: refused when a field signal names it, unless a CrmCollab Administrator (one query).</summary>
        private static void OnCompetitorDelete(LocalPluginContext context)
        {
            Throw(FieldSignalRules.CheckCompetitorDelete(ASignalNames(context, FieldSignalRow.CompetitorId),
                () => Principals.IsAdministrator(context.SystemService, context.ExecutionContext.InitiatingUserId)));
        }

        /// <summary>A signal's Delete: refused unless a CrmCollab Administrator (or CrmCollab itself); no read.</summary>
        private static void OnSignalDelete(LocalPluginContext context) =>
            Throw(FieldSignalRules.CheckSignalDelete(
                () => ServerCall.IsSystem(context) || Principals.IsAdministrator(context.SystemService, context.ExecutionContext.InitiatingUserId)));

        /// <summary>A lead's Delete: refused when a field signal names it, unless a CrmCollab Administrator (one query).</summary>
        private static void OnLeadDelete(LocalPluginContext context)
        {
            Throw(FieldSignalRules.CheckLeadDelete(ASignalNames(context, FieldSignalRow.LeadId),
                () => Principals.IsAdministrator(context.SystemService, context.ExecutionContext.InitiatingUserId)));
        }

        /// <summary>A lead merge: the lead a field signal became stays, and takes no deal of another account (one or two queries).</summary>
        private static void OnLeadMerge(LocalPluginContext context)
        {
            EntityReference kept = context.TargetReference;
            Guid? mergedAway = context.MergedAwayId;
            if (kept == null || mergedAway == null) return;
            Throw(OriginatingLeadCheck.AtLeadMerge(context.SystemService, kept.Id, mergedAway.Value));
        }

        /// <summary>Whether a field signal names the row being deleted in the given lookup (one query, one row at most).</summary>
        private static bool ASignalNames(LocalPluginContext context, string lookup)
        {
            var query = new QueryExpression(FieldSignalRow.Table) { ColumnSet = new ColumnSet(FieldSignalRow.Id), TopCount = 1 };
            query.Criteria.AddCondition(lookup, ConditionOperator.Equal, context.ExecutionContext.PrimaryEntityId);
            return context.SystemService.RetrieveMultiple(query).Entities.Count > 0;
        }

        /// <summary>A SetState of a signal: deactivated only once acknowledged.</summary>
        private static void OnSetState(LocalPluginContext context)
        {
            int? state = context.InputParameter<OptionSetValue>("State")?.Value;
            Entity before = context.PreImage(PreImage) ?? new Entity(FieldSignalRow.Table);
            Throw(FieldSignalRules.CheckDeactivation(before.Choice(CommonColumn.StateCode), state, before.IsFilled(FieldSignalRow.AcknowledgedOn)));
        }

        /// <summary>Whoever saves is the user owning the account (its salesperson themselves, not a member of its team): one read.</summary>
        private static bool OwnsAccount(LocalPluginContext context, Guid? accountId)
        {
            if (accountId == null) return false;
            EntityReference owner = context.SystemService.Retrieve(Account.Table, accountId.Value, new ColumnSet(Account.OwnerId))
                .Read<EntityReference>(Account.OwnerId);
            return owner != null && owner.LogicalName == SystemUser.Table && owner.Id == context.ExecutionContext.InitiatingUserId;
        }

        private static void OnUpdate(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            Entity before = context.PreImage(PreImage) ?? new Entity(FieldSignalRow.Table);
            Entity after = Values.Merge(before, target);
            // Clearing what is already empty changes nothing.
            bool acknowledging = Changes.Of(target, before, new[] { FieldSignalRow.AcknowledgedOn }).Count > 0;
            // A merge of accounts moves the merged-away account's signals to the account that stays: that change is the merge's.
            var changedServer = Changes.Of(target, before, ServerColumns).Where(column => column != FieldSignalRow.AccountId
                || !ServerCall.MergeMoves(context.ExecutionContext, Account.Table, before.RefId(FieldSignalRow.AccountId), after.RefId(FieldSignalRow.AccountId)));
            Refusal refusal = FieldSignalRules.CheckUpdate(ColumnLabels.Of(changedServer.ToList()).ToArray(),
                // The intake routes the new signal through the SYSTEM service; a parent context alone is no proof.
                () => ServerCall.IsSystem(context), acknowledging,
                () => Principals.OwnsOrBelongs(context.SystemService, context.ExecutionContext.InitiatingUserId,
                    after.Read<EntityReference>(CommonColumn.OwnerId)),
                clearsAcknowledgement: acknowledging && before.IsFilled(FieldSignalRow.AcknowledgedOn) && !after.IsFilled(FieldSignalRow.AcknowledgedOn),
                callerRaisedItForAFunction: before.RefId(FieldSignalRow.RaisedBy) == context.ExecutionContext.InitiatingUserId
                    && before.IsFilled(FieldSignalRow.RaisedByFunction),
                callerOwnsAccount: () => OwnsAccount(context, after.RefId(FieldSignalRow.AccountId)))
                ?? FieldSignalRules.CheckDeactivation(before.Choice(CommonColumn.StateCode), target.Choice(CommonColumn.StateCode),
                    after.IsFilled(FieldSignalRow.AcknowledgedOn))
                // What the signal says, when a save changes it, stays worth routing (the check the raise made).
                ?? (target.Contains(FieldSignalRow.Description) || target.Contains(FieldSignalRow.CompetitorId)
                    ? FieldSignalRules.CheckContent(after.Choice(FieldSignalRow.Kind), after.Read<string>(FieldSignalRow.Description),
                        after.IsFilled(FieldSignalRow.CompetitorId), after.IsFilled(FieldSignalRow.AccountId))
                    : null);
            Throw(refusal);
            if (acknowledging && target[FieldSignalRow.AcknowledgedOn] != null)
                target[FieldSignalRow.AcknowledgedOn] = before.Read<DateTime?>(FieldSignalRow.AcknowledgedOn) ?? context.Now;
        }
    }
}
