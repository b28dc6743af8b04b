using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// A lookup set with an EntityReference naming its row by alternate key (KeyAttributes, no Id). Microsoft Learn, "Use an
    /// alternate key to reference a record": "You can use EntityReference to set values for entity lookup columns. When used
    /// to set a lookup column, the key values are used to find the primary key value, and the primary key value is stored".
    /// Resolved at the main operation of a Create or Update, before the access checks that read the row it names; when and
    /// whether steps before it see the resolved id is not documented (they see the reference as sent).
    /// </summary>
    internal static class KeyedLookups
    {
        /// <summary>True when a value of <paramref name="target"/> is a reference by key (DataverseEngine.IsUnobserved copies such a request).</summary>
        public static bool Any(Entity target)
        {
            using var pairs = new Pairs(target.Attributes);
            foreach (var pair in pairs)
                if (pair.Value is EntityReference reference && IsKeyed(reference)) return true;
            return false;
        }

        /// <summary>Replaces each reference by key with a reference to the row's id; the platform's not-found fault when no row has those key values.</summary>
        public static void Resolve(MessageContext context, Entity target)
        {
            List<KeyValuePair<string, EntityReference>> resolved = null;
            using (var pairs = new Pairs(target.Attributes))
            foreach (var pair in pairs)
            {
                if (!(pair.Value is EntityReference reference) || !IsKeyed(reference)) continue;
                var table = context.Table(reference.LogicalName);
                Guid id = context.Store.FindByKey(table, reference.KeyAttributes)
                    ?? throw Faults.Create(ErrorCodes.ObjectDoesNotExist,
                        $"A record with the specified key values does not exist in {table.LogicalName} entity");
                (resolved ??= new List<KeyValuePair<string, EntityReference>>()).Add(
                    new KeyValuePair<string, EntityReference>(pair.Key, new EntityReference(reference.LogicalName, id)));
            }
            if (resolved == null) return;
            foreach (var pair in resolved) target[pair.Key] = pair.Value;
        }

        private static bool IsKeyed(EntityReference reference) => reference.Id == Guid.Empty && EntityParts.HasKeys(reference);
    }
}
