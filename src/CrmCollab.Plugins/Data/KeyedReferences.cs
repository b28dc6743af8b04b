using System;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Data
{
    /// <summary>
    /// A lookup a request names by alternate key (an EntityReference with KeyAttributes and no Id: an integration naming
    /// the deal's currency by its ISO code, or its account by its number). Dataverse stores the id of the row the key finds
    /// (Microsoft Learn, "Use an alternate key to reference a record"), but no page says a step before the main operation
    /// sees that id, so a PreOperation check comparing the Target's lookups with the stored row must not read the
    /// reference's empty Id as another row. It resolves the reference the way the page documents: a Retrieve by that key
    /// (RetrieveRequest.Target), one per keyed lookup; a Target without one costs nothing (not even the SYSTEM service:
    /// the guards run on every save of a deal).
    /// </summary>
    public static class KeyedReferences
    {
        /// <summary>The Target with each lookup named by key replaced by the row's id (a copy; the Target itself is left as
        /// sent, for the platform to resolve); the Target itself when it names none.</summary>
        public static Entity Resolved(LocalPluginContext context, Entity target)
        {
            if (target == null || !AnyKeyed(target)) return target;
            IOrganizationService service = context.SystemService;
            var copy = new Entity(target.LogicalName, target.Id);
            foreach (var pair in target.KeyAttributes) copy.KeyAttributes[pair.Key] = pair.Value;
            foreach (var pair in target.Attributes)
                copy[pair.Key] = pair.Value is EntityReference reference && IsKeyed(reference) ? Resolve(service, reference) : pair.Value;
            return copy;
        }

        /// <summary>The id of the row <paramref name="column"/> names (by id or by key; one Retrieve only when that lookup is
        /// keyed), null when the Target does not carry it or clears it.</summary>
        public static Guid? RefId(LocalPluginContext context, Entity target, string column)
        {
            EntityReference reference = target.Read<EntityReference>(column);
            if (reference == null) return null;
            return IsKeyed(reference) ? Resolve(context.SystemService, reference).Id : reference.Id;
        }

        private static bool AnyKeyed(Entity target)
        {
            foreach (var pair in target.Attributes)
                if (pair.Value is EntityReference reference && IsKeyed(reference)) return true;
            return false;
        }

        private static bool IsKeyed(EntityReference reference) => reference.Id == Guid.Empty && reference.KeyAttributes.Count > 0;

        /// <summary>The row the key names. None: the platform refuses the save with its own not-found fault anyway.</summary>
        private static EntityReference Resolve(IOrganizationService service, EntityReference keyed)
        {
            var response = (RetrieveResponse)service.Execute(new RetrieveRequest { Target = keyed, ColumnSet = new ColumnSet(false) });
            return new EntityReference(keyed.LogicalName, response.Entity.Id) { Name = keyed.Name };
        }
    }
}
