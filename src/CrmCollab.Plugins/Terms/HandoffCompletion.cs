using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// A handoff is accepted by its owner only (at server time) and completed only once its template's evidence
    /// is on the record. SetState reaches this step too: the platform performs it as an Update of statecode.
    /// </summary>
    public sealed class HandoffCompletion : PluginBase
    {
        public const string PreImage = "PreImage";

        /// <summary>Evidence columns the pre-image carries; any other column a template lists is read once.</summary>
        public static readonly string[] ImagedEvidence =
            { HandoffTask.ContractNumber, HandoffTask.TrackingNumber, HandoffTask.DeliveredOn, HandoffTask.ServiceReference };

        public HandoffCompletion(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Update", HandoffTask.Table, OnUpdate);
        }

        private static void OnUpdate(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            Entity before = context.PreImage(PreImage) ?? new Entity(HandoffTask.Table, target.Id);
            if (before.RefId(HandoffTask.TemplateId) == null && !target.IsFilled(HandoffTask.TemplateId)) return; // not a handoff
            if (target.Contains(HandoffTask.AcceptedOn)) Accept(context, target, before);
            if (target.Choice(HandoffTask.StateCode) == HandoffTask.StateCompleted && before.Choice(HandoffTask.StateCode) != HandoffTask.StateCompleted)
                CheckEvidence(context, Values.Merge(before, target));
        }

        private static void Accept(LocalPluginContext context, Entity target, Entity before)
        {
            var owner = Values.Merge(before, target).GetAttributeValue<EntityReference>(HandoffTask.OwnerId);
            if (!Principals.OwnsOrBelongs(context.SystemService, context.ExecutionContext.InitiatingUserId, owner))
                throw new InvalidPluginExecutionException(HandoffAcceptance.Refusal);
            // Server time, whatever the client typed; a second acceptance keeps the first (it feeds the KPIs).
            if (target[HandoffTask.AcceptedOn] == null) return;
            target[HandoffTask.AcceptedOn] = before.GetAttributeValue<DateTime?>(HandoffTask.AcceptedOn) ?? context.Now;
        }

        private static void CheckEvidence(LocalPluginContext context, Entity task)
        {
            IOrganizationService service = context.SystemService;
            Entity template = service.Retrieve(HandoffTemplateRow.Table, task.RefId(HandoffTask.TemplateId).Value,
                new ColumnSet(HandoffTemplateRow.RequiredEvidence));
            IReadOnlyList<string> required = CommaList.Parse(template.GetAttributeValue<string>(HandoffTemplateRow.RequiredEvidence));
            string[] unread = required.Where(c => !ImagedEvidence.Contains(c) && !task.Contains(c)).ToArray();
            if (unread.Length > 0)
            {
                Entity stored = service.Retrieve(HandoffTask.Table, task.Id, new ColumnSet(unread));
                foreach (string column in unread) if (stored.Contains(column)) task[column] = stored[column];
            }
            IReadOnlyList<string> missing = EvidenceCheck.Missing(required, task.IsFilled);
            if (missing.Count > 0) throw new InvalidPluginExecutionException(EvidenceCheck.RefusalMessage(ColumnLabels.Of(missing)));
            if (!task.IsFilled(HandoffTask.ActualEnd)) context.TargetEntity[HandoffTask.ActualEnd] = context.Now;
        }
    }
}
