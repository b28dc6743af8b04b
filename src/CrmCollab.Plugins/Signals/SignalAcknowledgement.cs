using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Terms;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Signals
{
    /// <summary>Only the salesperson a signal is routed to acknowledges it, at server time (it feeds the KPIs).</summary>
    public sealed class SignalAcknowledgement : PluginBase
    {
        public const string PreImage = "PreImage";

        public SignalAcknowledgement(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Update", FieldSignalRow.Table, OnUpdate);
        }

        private static void OnUpdate(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            if (!target.Contains(FieldSignalRow.AcknowledgedOn)) return;
            Entity before = context.PreImage(PreImage) ?? new Entity(FieldSignalRow.Table);
            // Clearing what is already empty changes nothing.
            if (target[FieldSignalRow.AcknowledgedOn] == null && !before.IsFilled(FieldSignalRow.AcknowledgedOn)) return;
            var owner = Values.Merge(before, target).GetAttributeValue<EntityReference>(CommonColumn.OwnerId);
            if (!Principals.OwnsOrBelongs(context.SystemService, context.ExecutionContext.InitiatingUserId, owner))
                throw new InvalidPluginExecutionException(FieldSignalRules.AcknowledgeRefusal);
            if (target[FieldSignalRow.AcknowledgedOn] != null)
                target[FieldSignalRow.AcknowledgedOn] = before.GetAttributeValue<System.DateTime?>(FieldSignalRow.AcknowledgedOn) ?? context.Now;
        }
    }
}
