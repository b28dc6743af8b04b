using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// A handoff template names its function and subject, and only the evidence columns the handoff guard keeps fixed once a handoff is closed (checked
    /// at PreValidation, where a refused probe of a misspelt column can be caught), and is not deleted while handoffs
    /// made from it are open (PreOperation).
    /// </summary>
    public sealed class HandoffTemplateValidation : PluginBase
    {
        public HandoffTemplateValidation(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreValidation, "Create", HandoffTemplateRow.Table, OnSave);
            Register(PipelineStage.PreValidation, "Update", HandoffTemplateRow.Table, OnSave)
                .Filter("crmc_requiredevidence", "crmc_function", "crmc_subject");
            Register(PipelineStage.PreOperation, "Delete", HandoffTemplateRow.Table, OnDelete);
        }

        private static void OnSave(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            bool create = context.ExecutionContext.MessageName == "Create";
            Throw(HandoffTemplateRules.CheckContent(create || target.Contains(HandoffTemplateRow.Function), target.Choice(HandoffTemplateRow.Function),
                create || target.Contains(HandoffTemplateRow.Subject), target.Read<string>(HandoffTemplateRow.Subject)));
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
