using System;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Engine
{
    /// <summary>
    /// Sets up a business process flow of one's own in an organisation, as an admin does in the designer: its workflow
    /// definition (category Business Process Flow, activated, uniquename = its instance table's name) and its stages.
    /// Define the instance table before boot with <see cref="Metadata.BusinessProcessFlowTables.AddCustom"/>.
    /// </summary>
    public static class BusinessProcessFlows
    {
        /// <summary>Creates the activated process definition; returns its workflow id.</summary>
        public static Guid CreateProcess(IOrganizationService service, string uniqueName, string name, string primaryEntity)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            return service.Create(new Entity("workflow")
            {
                ["name"] = name, ["uniquename"] = uniqueName, ["primaryentity"] = primaryEntity,
                ["category"] = new OptionSetValue(WellKnownProcesses.BusinessProcessFlowCategory), ["type"] = new OptionSetValue(1),
                ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2),
            });
        }

        /// <summary>
        /// Adds a stage at the end of the process's path (the engine's path order is the order stages were created);
        /// <paramref name="category"/> may be null: a custom stage need not have one.
        /// </summary>
        public static Guid AddStage(IOrganizationService service, Guid processId, string stageName, int? category, string entity)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            var stage = new Entity("processstage")
            {
                ["stagename"] = stageName, ["processid"] = new EntityReference("workflow", processId), ["primaryentitytypecode"] = entity,
            };
            if (category.HasValue) stage["stagecategory"] = new OptionSetValue(category.Value);
            return service.Create(stage);
        }
    }
}
