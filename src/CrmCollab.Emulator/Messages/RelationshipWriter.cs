using System;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>Associate/Disassociate main operations: N:N rows in the intersect table, 1:N via the lookup.</summary>
    internal static class RelationshipWriter
    {
        public static void Apply(MessageContext context, Operation op, bool associate)
        {
            var target = (EntityReference)op.InputParameters["Target"];
            var relationshipName = ((Relationship)op.InputParameters["Relationship"]).SchemaName;
            var related = (EntityReferenceCollection)op.InputParameters["RelatedEntities"];
            var relationship = context.Engine.Catalog.Relationship(relationshipName)
                ?? throw Faults.Invalid($"The relationship '{relationshipName}' does not exist.");
            context.Store.RequireRow(target.LogicalName, target.Id);
            foreach (var other in related) context.Store.RequireRow(other.LogicalName, other.Id);

            if (relationship.IsManyToMany) ManyToMany(context, op, relationship, target, related, associate);
            else OneToMany(context, op, relationship, target, related, associate);
        }

        private static void ManyToMany(MessageContext context, Operation op, RelationshipDefinition r, EntityReference target,
            EntityReferenceCollection related, bool associate)
        {
            var rows = context.Store.Rows;
            foreach (var other in related)
            {
                // Which side is which: the target is entity1 unless only entity2 fits.
                bool targetIsFirst = target.LogicalName == r.Entity1 && (other.LogicalName == r.Entity2 || target.LogicalName != r.Entity2);
                Guid first = targetIsFirst ? target.Id : other.Id, second = targetIsFirst ? other.Id : target.Id;
                if ((targetIsFirst ? other.LogicalName : target.LogicalName) != r.Entity2 || (targetIsFirst ? target.LogicalName : other.LogicalName) != r.Entity1)
                    throw Faults.Invalid($"'{target.LogicalName}' and '{other.LogicalName}' are not the two sides of relationship '{r.SchemaName}'.");
                var existing = FindLink(context, r, first, second);
                if (associate)
                {
                    if (existing != null) throw Faults.Create(ErrorCodes.DuplicateRecord, "Cannot insert duplicate key.");
                    TeamRoleAssignment.Refuse(context, r.IntersectEntity, first, second);
                    AddLink(context, op, r, first, second);
                }
                else if (existing != null)
                {
                    rows.Remove(r.IntersectEntity, existing.Id, op.Transaction.Log);
                }
            }
        }

        /// <summary>The intersect row linking <paramref name="first"/> (entity1) to <paramref name="second"/>, or null.</summary>
        internal static Entity FindLink(MessageContext context, RelationshipDefinition r, Guid first, Guid second) =>
            context.Store.Rows.Find(r.IntersectEntity, r.Entity1IntersectAttribute, first).FirstOrDefault(row =>
                Equals(row.GetAttributeValue<object>(r.Entity2IntersectAttribute), second));

        internal static void AddLink(MessageContext context, Operation op, RelationshipDefinition r, Guid first, Guid second)
        {
            var rows = context.Store.Rows;
            var table = context.Engine.Catalog.Table(r.IntersectEntity);
            var link = new Entity(r.IntersectEntity, context.Engine.Ids.Next());
            if (table?.PrimaryIdAttribute != null) link[table.PrimaryIdAttribute] = link.Id;
            link[r.Entity1IntersectAttribute] = first;
            link[r.Entity2IntersectAttribute] = second;
            if (table?.Column("versionnumber") != null) link["versionnumber"] = rows.NextVersion();
            rows.Put(link, op.Transaction.Log);
        }

        private static void OneToMany(MessageContext context, Operation op, RelationshipDefinition r, EntityReference target,
            EntityReferenceCollection related, bool associate)
        {
            foreach (var other in related)
            {
                EntityReference parent, child;
                if (target.LogicalName == r.ReferencedEntity && other.LogicalName == r.ReferencingEntity) { parent = target; child = other; }
                else if (target.LogicalName == r.ReferencingEntity && other.LogicalName == r.ReferencedEntity) { parent = other; child = target; }
                else throw Faults.Invalid($"'{target.LogicalName}' and '{other.LogicalName}' are not the two sides of relationship '{r.SchemaName}'.");
                var update = new Entity(child.LogicalName, child.Id)
                {
                    [r.ReferencingAttribute] = associate ? new EntityReference(parent.LogicalName, parent.Id) : null,
                };
                // The platform performs the link as an Update of the child row.
                context.Inner(op, new OrganizationRequest("Update") { ["Target"] = update });
            }
        }
    }

    internal sealed class AssociateHandler : IMessageHandler
    {
        public string MessageName => "Associate";

        public OrganizationResponse Handle(MessageContext context) => RelationshipMessage.Run(context, MessageName, true);
    }

    internal sealed class DisassociateHandler : IMessageHandler
    {
        public string MessageName => "Disassociate";

        public OrganizationResponse Handle(MessageContext context) => RelationshipMessage.Run(context, MessageName, false);
    }

    internal static class RelationshipMessage
    {
        public static OrganizationResponse Run(MessageContext context, string message, bool associate)
        {
            var target = context.Required<EntityReference>("Target");
            context.Required<Relationship>("Relationship");
            context.Required<EntityReferenceCollection>("RelatedEntities");
            context.Table(target.LogicalName);
            return context.Run(new OperationSpec
            {
                MessageName = message,
                PrimaryEntityName = target.LogicalName,
                PrimaryEntityId = target.Id,
                HasPreImage = false,
                HasPostImage = false,
                Main = op =>
                {
                    context.Demand(op.UserId, target.LogicalName, AccessRight.Append, context.Store.RequireRow(target.LogicalName, target.Id));
                    RelationshipWriter.Apply(context, op, associate);
                    return MessageContext.Respond(message, op);
                },
            });
        }
    }
}
