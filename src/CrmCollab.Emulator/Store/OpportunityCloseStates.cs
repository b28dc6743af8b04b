using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// What Dataverse does to an opportunity's close activities on its own when the opportunity is reopened: "By default,
    /// opportunity close activities are completed unless the opportunity is reactivated, which updates them to canceled"
    /// (OpportunityClose table reference, StateCode). The closes are kept, Canceled (state 2, status 3). The page names no
    /// message, so every reopen does it here (SetState, SetStateDynamicEntity, an Update of statecode); a reopen by a
    /// classic workflow's status change was reported not to (AndrewButenko/UltimateWorkflowToolkit#38). Whether the
    /// cancellation runs the opportunityclose's Update or SetState steps is not documented: like the queue items'
    /// deactivation (<see cref="QueueItemStates"/>) it is a write of the store, no step sees it.
    /// </summary>
    internal static class OpportunityCloseStates
    {
        private const string Table = "opportunityclose", OpportunityId = "opportunityid";
        private const int Completed = 1, Canceled = 2, CanceledStatus = 3;

        /// <summary>The ids of the opportunity's completed closes when the change reopens it (Won or Lost to Open); else none.</summary>
        public static IReadOnlyList<Guid> ToCancel(RowStore rows, Entity current, Entity stateChange)
        {
            if (current.LogicalName != "opportunity") return Array.Empty<Guid>();
            int? oldState = current.GetAttributeValue<OptionSetValue>("statecode")?.Value;
            int? newState = stateChange?.GetAttributeValue<OptionSetValue>("statecode")?.Value;
            if ((oldState != 1 && oldState != 2) || newState != 0) return Array.Empty<Guid>();
            return CompletedOf(rows, current.Id);
        }

        // Its own method: the lambdas' captured id would otherwise be allocated on entry to ToCancel, on every Update.
        private static List<Guid> CompletedOf(RowStore rows, Guid id) =>
            rows.Find(Table, OpportunityId, id)
                .Where(close => close.GetAttributeValue<EntityReference>(OpportunityId)?.Id == id)
                .Where(close => close.GetAttributeValue<OptionSetValue>("statecode")?.Value == Completed)
                .Select(close => close.Id)
                .ToList();

        /// <summary>The change that cancels one close.</summary>
        public static Entity Cancellation(Guid close) => new Entity(Table, close)
        {
            ["statecode"] = new OptionSetValue(Canceled),
            ["statuscode"] = new OptionSetValue(CanceledStatus),
        };
    }
}
