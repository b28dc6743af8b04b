using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// A handoff template names its function, subject and due days, and only the evidence columns the handoff guard keeps fixed once a handoff is closed (checked
    /// at PreValidation, where a refused probe of a misspelt column can be caught), and is not deleted while handoffs
    /// made from it are open (PreOperation). When a save puts it in force (created active, made active again by its flag or
    /// its state) the server stamps In Force Since (PreOperation Create and Update; after a SetState, whose steps no page
    /// says run the Update's), which no client sends.
    /// </summary>
    public sealed class HandoffTemplateValidation : PluginBase
    {
        public HandoffTemplateValidation(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreValidation, "Create", HandoffTemplateRow.Table, OnSave);
            Register(PipelineStage.PreValidation, "Update", HandoffTemplateRow.Table, OnSave)
                .Filter(HandoffTemplateRow.RequiredEvidence, HandoffTemplateRow.Function, HandoffTemplateRow.Subject, HandoffTemplateRow.DueOffsetDays);
            Register(PipelineStage.PreOperation, "Delete", HandoffTemplateRow.Table, OnDelete);
            Register(PipelineStage.PreOperation, "Create", HandoffTemplateRow.Table, OnCreating);
            Register(PipelineStage.PreOperation, "Update", HandoffTemplateRow.Table, OnUpdating)
                .Filter(HandoffTemplateRow.IsActive, CommonColumn.StateCode, HandoffTemplateRow.InForceSince)
                .PreImage(PreImage, HandoffTemplateRow.IsActive, CommonColumn.StateCode, HandoffTemplateRow.InForceSince);
            foreach (string setState in new[] { "SetState", "SetStateDynamicEntity" })
                Register(PipelineStage.PostOperation, setState, HandoffTemplateRow.Table, OnStateSet)
                    .PreImage(PreImage, HandoffTemplateRow.IsActive, CommonColumn.StateCode)
                    .PostImage(PostImage, HandoffTemplateRow.IsActive, CommonColumn.StateCode, HandoffTemplateRow.InForceSince,
                        HandoffTemplateRow.Function, HandoffTemplateRow.Subject);
            // No twin in force, checked once saved: templates saved together (CreateMultiple, UpdateMultiple) see each other.
            Register(PipelineStage.PostOperation, "Create", HandoffTemplateRow.Table, OnSaved).PostImage(PostImage, TwinImage);
            Register(PipelineStage.PostOperation, "Update", HandoffTemplateRow.Table, OnSaved).Filter(TwinImage).PostImage(PostImage, TwinImage);
        }

        /// <summary>What tells a template's twin: its function and subject, and whether it is in force.</summary>
        private static readonly string[] TwinImage =
            { HandoffTemplateRow.Function, HandoffTemplateRow.Subject, HandoffTemplateRow.IsActive, CommonColumn.StateCode };

        private static void OnSaved(LocalPluginContext context) => CheckNoTwin(context, context.PostImage(PostImage));

        /// <summary>
        /// A template in force after the save has no other template in force of its function with its subject
        /// (<see cref="HandoffTemplateRules.CheckDuplicate"/>; one query, only for a template in force).
        /// </summary>
        private static void CheckNoTwin(LocalPluginContext context, Entity after)
        {
            if (!InForce.Is(after, HandoffTemplateRow.IsActive) || !(after.Choice(HandoffTemplateRow.Function) is int function)) return;
            var query = new QueryExpression(HandoffTemplateRow.Table) { ColumnSet = new ColumnSet(HandoffTemplateRow.Subject) };
            query.Criteria.AddCondition(HandoffTemplateRow.Function, ConditionOperator.Equal, function);
            query.Criteria.AddCondition(HandoffTemplateRow.Id, ConditionOperator.NotEqual, after.Id);
            InForce.Only(query, HandoffTemplateRow.IsActive);
            Throw(HandoffTemplateRules.CheckDuplicate((BusinessFunction)function, after.Read<string>(HandoffTemplateRow.Subject),
                context.SystemService.RetrieveMultiple(query).Entities.Select(t => t.Read<string>(HandoffTemplateRow.Subject))));
        }

        public const string PreImage = "PreImage", PostImage = "PostImage";

        /// <summary>A template created in force is in force from its creation (its Active flag, when not sent, is Yes by default).</summary>
        private static void OnCreating(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            Throw(HandoffTemplateRules.CheckInForceSince(target.IsFilled(HandoffTemplateRow.InForceSince), ServerCall.IsSystem(context)));
            bool inForce = (!target.Contains(HandoffTemplateRow.IsActive) || target.Flag(HandoffTemplateRow.IsActive))
                && (target.Choice(CommonColumn.StateCode) ?? InForce.StateActive) == InForce.StateActive;
            if (HandoffTemplateRules.InForceSince(false, inForce, context.Now) is DateTime since) target[HandoffTemplateRow.InForceSince] = since;
        }

        private static void OnUpdating(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            Entity before = context.PreImage(PreImage) ?? new Entity(HandoffTemplateRow.Table, target.Id);
            // Sent as it is (an integration re-sending the whole row) changes nothing and passes.
            Throw(HandoffTemplateRules.CheckInForceSince(Changes.Of(target, before, new[] { HandoffTemplateRow.InForceSince }).Count > 0,
                ServerCall.IsSystem(context)));
            if (HandoffTemplateRules.InForceSince(InForce.Is(before, HandoffTemplateRow.IsActive),
                    InForce.Is(Values.Merge(before, target), HandoffTemplateRow.IsActive), context.Now) is DateTime since)
                target[HandoffTemplateRow.InForceSince] = since;
        }

        /// <summary>The grid's Activate: no twin in force, then the stamp, written as SYSTEM, unless an Update step of the same operation wrote it.</summary>
        private static void OnStateSet(LocalPluginContext context)
        {
            Entity after = context.PostImage(PostImage);
            CheckNoTwin(context, after);
            if (after == null || !(HandoffTemplateRules.InForceSince(InForce.Is(context.PreImage(PreImage), HandoffTemplateRow.IsActive),
                    InForce.Is(after, HandoffTemplateRow.IsActive), context.Now) is DateTime since)) return;
            if (after.Read<DateTime?>(HandoffTemplateRow.InForceSince) == since) return;
            context.SystemService.Update(new Entity(HandoffTemplateRow.Table, after.Id) { [HandoffTemplateRow.InForceSince] = since });
        }

        private static void OnSave(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            bool create = context.ExecutionContext.MessageName == "Create";
            Throw(HandoffTemplateRules.CheckContent(create || target.Contains(HandoffTemplateRow.Function), target.Choice(HandoffTemplateRow.Function),
                create || target.Contains(HandoffTemplateRow.Subject), target.Read<string>(HandoffTemplateRow.Subject),
                create || target.Contains(HandoffTemplateRow.DueOffsetDays), target.Read<int?>(HandoffTemplateRow.DueOffsetDays)));
            if (!target.Contains(HandoffTemplateRow.RequiredEvidence)) return;
            IReadOnlyList<string> columns = CommaList.Parse(target.Read<string>(HandoffTemplateRow.RequiredEvidence));
            bool canProbe = TableColumns.CanProbe(context); // inside a batch transaction: refused as not watched, unprobed
            Refusal refusal = HandoffTemplateRules.CheckEvidence(columns, HandoffGuard.ImagedEvidence,
                outside => canProbe ? TableColumns.Unknown(context, HandoffTask.Table, outside) : new string[0]);
            Throw(refusal);
        }

        private static void OnDelete(LocalPluginContext context)
        {
            var query = new QueryExpression(HandoffTask.Table) { ColumnSet = new ColumnSet(HandoffTask.Id), TopCount = 1 };
            query.Criteria.AddCondition(HandoffTask.TemplateId, ConditionOperator.Equal, context.ExecutionContext.PrimaryEntityId);
            query.Criteria.AddCondition(HandoffTask.StateCode, ConditionOperator.Equal, HandoffTask.StateOpen);
            Refusal refusal = HandoffTemplateRules.CheckDelete(context.SystemService.RetrieveMultiple(query).Entities.Count > 0);
            Throw(refusal);
        }
    }
}
