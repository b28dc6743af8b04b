using System;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The owner columns of a new row, or of a row given another owner: ownerid, owninguser or owningteam, and the owner's
    /// business unit. The store keeps one shared reference to the owner for all of them (<see cref="StoredValues"/>).
    /// </summary>
    internal sealed class OwnerColumns
    {
        private readonly StoredValues _values;
        private readonly Func<EntityReference, Guid> _businessUnitOf;

        public OwnerColumns(StoredValues values, Func<EntityReference, Guid> businessUnitOf)
        {
            _values = values;
            _businessUnitOf = businessUnitOf;
        }

        public void Apply(TableShape shape, Entity row)
        {
            if (!shape.HasOwner) return;
            var owner = row.GetAttributeValue<EntityReference>("ownerid");
            if (owner == null) return;
            if (owner.LogicalName != "systemuser" && owner.LogicalName != "team")
                throw Faults.Invalid($"The owner of a record must be a systemuser or a team, not '{owner.LogicalName}'.");
            var stored = _values.Reference(owner.LogicalName, owner.Id);
            row["ownerid"] = stored;
            if (shape.HasOwningUser) row["owninguser"] = owner.LogicalName == "systemuser" ? stored : null;
            if (shape.HasOwningTeam) row["owningteam"] = owner.LogicalName == "team" ? stored : null;
            // The business unit is asked even where the table keeps none: an owner that does not exist is refused there.
            var businessUnit = _values.Reference("businessunit", _businessUnitOf(owner));
            if (shape.HasOwningBusinessUnit) row["owningbusinessunit"] = businessUnit;
        }
    }
}
