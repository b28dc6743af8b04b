using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// Security roles replicated down the business unit tree, as the platform keeps them. Documented: "A security role
    /// can exist in the root business unit (BU) and replicated to different BU's, and therefore the role ID is not
    /// unique" (powerapps-docs developer/data-platform/security-roles.md, which finds a role without a template in a
    /// business unit by its `_parentrootroleid_value` and `_businessunitid_value`); "Business unit level security roles
    /// are inherited from the parent business unit" (powerapps-docs maker/model-driven-apps, view access by business
    /// unit); the role table's `parentroleid` ("Unique identifier of the parent role") and `parentrootroleid` ("Unique
    /// identifier of the parent root role", system-required) are read-only (reference/entities/role.md).
    /// So: a role a client creates is the root of its chain (parentrootroleid = itself) and gets a copy in every business
    /// unit under its own; a new business unit gets a copy of every role of its parent unit. Each copy keeps the name,
    /// names the role it was copied from (parentroleid) and the chain's root (parentrootroleid), and keeps the role's
    /// template (roletemplateid, read-only): the documented way to find "a System Administrator role using the template"
    /// in a business unit is the key `_roletemplateid_value` + `_businessunitid_value` (security-roles.md), so each
    /// unit's copy carries it.
    /// Not modelled (not documented): whether the copies run Create steps (the engine writes them as the store, like
    /// the other platform writes), and renames or privilege changes flowing to the copies (copies take their privileges
    /// from the root role's definition, <see cref="Security.RoleDefinitionIndex"/>).
    /// </summary>
    internal static class RoleCopies
    {
        public const string ParentRoleId = "parentroleid", ParentRootRoleId = "parentrootroleid", RoleTemplateId = "roletemplateid";

        /// <summary>A role a client creates is the root of its own chain (the platform's copies carry their root instead).</summary>
        public static void MarkRoot(string table, Entity row, StoredValues values)
        {
            // The reference is made only for a role: every other Create goes by without one (a shared reference is kept per id).
            if (table == "role") row[ParentRootRoleId] = values.Reference("role", row.Id);
        }

        /// <summary>After a client's Create: the copies the new row brings (none for other tables).</summary>
        public static void AfterCreate(DataStore store, string table, Guid id, Guid callerId, UndoLog log)
        {
            if (table == "businessunit") CopyParentRoles(store, id, callerId, log);
            else if (table == "role") CopyDown(store, id, callerId, log);
        }

        private static void CopyParentRoles(DataStore store, Guid unitId, Guid callerId, UndoLog log)
        {
            var unit = store.RequireRow("businessunit", unitId);
            var parent = unit.GetAttributeValue<EntityReference>("parentbusinessunitid");
            if (parent == null) return;
            foreach (var role in store.Rows.Find("role", "businessunitid", parent.Id).ToList())
                Copy(store, role, unitId, callerId, log);
        }

        // Top-down, so a copy's parent copy exists before it.
        private static void CopyDown(DataStore store, Guid roleId, Guid callerId, UndoLog log)
        {
            var role = store.RequireRow("role", roleId);
            var unit = role.GetAttributeValue<EntityReference>("businessunitid");
            if (unit == null) return;
            var pending = new Queue<KeyValuePair<Guid, Entity>>();
            pending.Enqueue(new KeyValuePair<Guid, Entity>(unit.Id, role));
            while (pending.Count > 0)
            {
                var next = pending.Dequeue();
                foreach (var child in store.Rows.Find("businessunit", "parentbusinessunitid", next.Key).ToList())
                {
                    var copy = Copy(store, next.Value, child.Id, callerId, log);
                    pending.Enqueue(new KeyValuePair<Guid, Entity>(child.Id, copy));
                }
            }
        }

        private static Entity Copy(DataStore store, Entity from, Guid unitId, Guid callerId, UndoLog log)
        {
            var root = from.GetAttributeValue<EntityReference>(ParentRootRoleId) ?? new EntityReference("role", from.Id);
            var copy = new Entity("role")
            {
                ["name"] = from.GetAttributeValue<string>("name"),
                ["businessunitid"] = new EntityReference("businessunit", unitId),
            };
            // The copy is the same role in another unit: its members inherit its privileges as the role says.
            if (from.GetAttributeValue<OptionSetValue>(TeamRoleInheritance.Column) is OptionSetValue inherited)
                copy[TeamRoleInheritance.Column] = new OptionSetValue(inherited.Value);
            var platform = new Entity("role")
            {
                [ParentRoleId] = new EntityReference("role", from.Id),
                [ParentRootRoleId] = new EntityReference("role", root.Id),
            };
            var template = from.GetAttributeValue<EntityReference>(RoleTemplateId);
            if (template != null) platform[RoleTemplateId] = new EntityReference(template.LogicalName, template.Id);
            var id = store.Create(copy, callerId, log, platform);
            return store.RequireRow("role", id);
        }
    }
}
