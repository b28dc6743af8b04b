using System;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Security
{
    /// <summary>Who owns a row and in which business unit, as the depth checks need it.</summary>
    internal static class RowOwnership
    {
        /// <summary>
        /// User-owned rows: ownerid (or owninguser/owningteam) and owningbusinessunit, falling back to the owner's
        /// business unit; a Create target without an owner is owned by the caller. Business-owned rows (users,
        /// teams, roles, business units): their business unit; a user or team row is "owned" by itself.
        /// </summary>
        public static (EntityReference Owner, Guid? OwningUnit) Of(TableDefinition table, Entity row, UserPrincipal user,
            SecuritySnapshot s)
        {
            if (table.Ownership == OwnershipType.BusinessOwned) return BusinessOwned(table.LogicalName, row);

            var owner = RowValues.ReferenceOf(row, "ownerid", "systemuser")
                ?? RowValues.ReferenceOf(row, "owninguser", "systemuser")
                ?? RowValues.ReferenceOf(row, "owningteam", "team")
                ?? new EntityReference("systemuser", user.UserId);
            var unit = RowValues.IdOf(row, "owningbusinessunit") ?? UnitOf(owner, user, s);
            return (owner, unit);
        }

        private static (EntityReference, Guid?) BusinessOwned(string table, Entity row)
        {
            var id = row?.Id ?? Guid.Empty;
            switch (table)
            {
                case "businessunit":
                    // A business unit belongs to itself; a new one is judged by the parent it is created under.
                    return (null, id != Guid.Empty ? id : RowValues.IdOf(row, "parentbusinessunitid"));
                case "systemuser":
                    return (id == Guid.Empty ? null : new EntityReference("systemuser", id), Unit(row));
                case "team":
                    return (id == Guid.Empty ? null : new EntityReference("team", id), Unit(row));
                default:
                    return (null, Unit(row));
            }
        }

        private static Guid? Unit(Entity row) =>
            RowValues.IdOf(row, "owningbusinessunit") ?? RowValues.IdOf(row, "businessunitid");

        private static Guid? UnitOf(EntityReference owner, UserPrincipal user, SecuritySnapshot s)
        {
            if (owner.LogicalName == "systemuser")
            {
                if (owner.Id == user.UserId) return user.BusinessUnitId;
                return s.Users.TryGetValue(owner.Id, out var other) ? other.BusinessUnitId : (Guid?)null;
            }
            if (owner.LogicalName == "team" && s.Teams.TryGetValue(owner.Id, out var team)) return team.BusinessUnitId;
            return null;
        }
    }
}
