using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// The Assign cascade of a row (CascadeConfiguration.Assign of each 1:N relationship it is the referenced row of,
    /// Microsoft Learn "Configure table relationship cascading behavior" and the CascadeType enum): Cascade assigns every
    /// child row, Active those in an active state (statecode 0), UserOwned those owned by the parent's owner as it was
    /// before the assign, NoCascade none. Each child gets an Assign of its own to the same new owner, a sub-operation of
    /// the parent's owner change (its ParentContext is the parent's Assign, or its Update of ownerid: the Web API has no
    /// Assign message, a PATCH of ownerid is how a Web API client or a form gives a row to someone, and the cascade is the
    /// relationship's, not the message's). No page says whether a cascaded Assign runs the child
    /// table's plug-in steps: the engine runs them (Assign, and the Update of ownerid inside it), so a guard on the child
    /// is always exercised and a plug-in suite cannot rely on a cascade passing its guards unseen. Nor does any page say
    /// whether the caller's privileges are asked on each child: the engine does not ask them (ExecutionFrame.Cascaded),
    /// so what a child's step decides is what the test sees; the new owner must still be able to own each child.
    /// </summary>
    internal static class AssignCascade
    {
        public static void Apply(MessageContext context, Operation parentAssign, string table, Guid id, EntityReference ownerBefore, EntityReference assignee)
        {
            var store = context.Store;
            foreach (var relationship in store.Catalog.Relationships.Where(r => !r.IsManyToMany && r.ReferencedEntity == table
                         && r.CascadeAssign != "NoCascade").ToList())
            {
                var childTable = store.Catalog.Table(relationship.ReferencingEntity);
                if (childTable?.Column("ownerid") == null) continue; // only user- or team-owned rows have an owner to change
                var children = store.Rows.Find(relationship.ReferencingEntity, relationship.ReferencingAttribute, id)
                    .Where(r => r.GetAttributeValue<object>(relationship.ReferencingAttribute) is EntityReference reference
                                && reference.Id == id && reference.LogicalName == table)
                    .Where(r => Selected(relationship.CascadeAssign, r, ownerBefore))
                    .Select(r => new EntityReference(r.LogicalName, r.Id))
                    .ToList();
                foreach (var child in children)
                {
                    if (!store.Rows.Exists(child.LogicalName, child.Id)) continue;
                    var frame = context.InnerFrame(parentAssign);
                    frame.Cascaded = true;
                    context.Engine.Dispatch(new OrganizationRequest("Assign")
                    {
                        ["Target"] = child,
                        ["Assignee"] = new EntityReference(assignee.LogicalName, assignee.Id),
                    }, frame);
                }
            }
        }

        private static bool Selected(string cascade, Entity child, EntityReference ownerBefore)
        {
            switch (cascade)
            {
                case "Cascade": return true;
                case "Active":
                    return child.GetAttributeValue<object>("statecode") is OptionSetValue state ? state.Value == 0 : true;
                case "UserOwned":
                    var owner = child.GetAttributeValue<EntityReference>("ownerid");
                    return owner != null && ownerBefore != null && owner.Id == ownerBefore.Id && owner.LogicalName == ownerBefore.LogicalName;
                default: return false;
            }
        }
    }
}
