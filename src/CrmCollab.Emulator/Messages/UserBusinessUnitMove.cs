using System;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// A user moved to another business unit loses every security role assignment: Microsoft's admin guide ("Create
    /// or edit business units", Change the business unit for a user) says changing the business unit removes all of the
    /// user's role assignments and a role must be assigned in the new unit. An Update of systemuser.businessunitid is
    /// that move ("Behavior of specialized update operations": the Update replaces SetBusinessSystemUser).
    /// Not modelled, because not documented for the Update: what becomes of the records the user owns (the deprecated
    /// SetBusinessSystemUser names a ReassignPrincipal for them and a DoNotMoveAllRecords flag; the Update has neither),
    /// and the organisation setting that keeps roles (DoNotRemoveRolesOnChangeBusinessUnit, default off).
    /// </summary>
    internal static class UserBusinessUnitMove
    {
        /// <summary>True when <paramref name="saved"/> gives the stored user another business unit.</summary>
        public static bool Moves(string table, Entity current, Entity saved)
        {
            if (table != "systemuser" || !saved.Attributes.ContainsKey("businessunitid")) return false;
            var unit = saved.GetAttributeValue<EntityReference>("businessunitid");
            var before = current.GetAttributeValue<EntityReference>("businessunitid");
            return unit != null && (before == null || before.Id != unit.Id);
        }

        /// <summary>Removes the user's role assignments (systemuserroles rows), undone with the transaction.</summary>
        public static void RemoveRoles(MessageContext context, Pipeline.Operation op, Guid userId)
        {
            var rows = context.Store.Rows;
            foreach (var link in rows.Find("systemuserroles", "systemuserid", userId).ToList())
                rows.Remove("systemuserroles", link.Id, op.Transaction.Log);
        }
    }
}
