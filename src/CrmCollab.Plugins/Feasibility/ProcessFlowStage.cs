using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// The sales stage a business process flow stage stands for: its stagecategory, or — for a custom stage without
    /// one — its place in the instance's active path (RetrieveActivePath, documented for every BPF), read only then.
    /// </summary>
    public static class ProcessFlowStage
    {
        public static int Of(IOrganizationService service, Guid instanceId, Guid stageId) => Of(service, instanceId, stageId, out string _);

        /// <param name="name">The stage's name as the flow shows it ("Offer", "Legal check"), read with its category; null when it has none.</param>
        public static int Of(IOrganizationService service, Guid instanceId, Guid stageId, out string name)
        {
            Entity stage = service.Retrieve(ProcessStage.Table, stageId, new ColumnSet(ProcessStage.Category, ProcessStage.Name));
            name = string.IsNullOrWhiteSpace(stage.Read<string>(ProcessStage.Name)) ? null : stage.Read<string>(ProcessStage.Name).Trim();
            int? category = stage.Choice(ProcessStage.Category);
            if (ProcessPath.IsSalesStage(category)) return category.Value;
            var response = service.Execute(new OrganizationRequest("RetrieveActivePath") { ["ProcessInstanceId"] = instanceId });
            var stages = response.Results.TryGetValue("ProcessStages", out object value) ? value as EntityCollection : null;
            var path = stages?.Entities.Select(s => new PathStage { Id = s.Id, Category = s.Choice(ProcessStage.Category) }).ToList();
            return ProcessPath.EffectiveStage(stageId, category, path);
        }
    }
}
