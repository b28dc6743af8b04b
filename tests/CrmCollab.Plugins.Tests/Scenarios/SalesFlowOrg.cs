using System;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>A deal's Opportunity Sales Process instance, and its move sent as a related row of a save of the deal.</summary>
    public static class SalesFlowOrg
    {
        /// <summary>The deal's Opportunity Sales Process instance, started by SYSTEM at <paramref name="stage"/>.</summary>
        public static Guid SalesFlowAt(this CrmCollabOrg org, Guid deal, Guid stage) => org.System.Create(new Entity("opportunitysalesprocess")
        {
            ["name"] = "Sales flow", ["opportunityid"] = new EntityReference("opportunity", deal),
            ["processid"] = new EntityReference("workflow", WellKnownProcesses.OpportunitySalesProcessId),
            ["activestageid"] = new EntityReference("processstage", stage),
        });

        /// <summary><paramref name="dealSave"/> with the flow moved to <paramref name="stage"/> as a related row, after the rows it already carries.</summary>
        public static Entity WithFlowMovedTo(this Entity dealSave, Guid flow, Guid stage)
        {
            dealSave.RelatedEntities[new Relationship("lk_opportunitysalesprocess_opportunityid")] = new EntityCollection
            {
                EntityName = "opportunitysalesprocess",
                Entities = { new Entity("opportunitysalesprocess", flow) { ["activestageid"] = new EntityReference("processstage", stage) } },
            };
            return dealSave;
        }
    }
}
