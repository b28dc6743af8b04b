using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// The relationship an Entity.RelatedEntities key names, as a Create (<see cref="DeepInsert"/>) and an Update
    /// (<see cref="DeepUpdate"/>) carrying related rows read it: the relationship must exist and join the row's table to the
    /// related rows' table, else InvalidArgument, as Associate refuses it.
    /// </summary>
    internal static class RelatedRowRelationships
    {
        /// <summary>Which way the relationship links the row to its related rows.</summary>
        public enum Kind { ManyToOne, OneToMany, ManyToMany }

        /// <summary>The relationship named, and which way it links <paramref name="table"/> to the related rows' table.</summary>
        public static RelationshipDefinition Resolve(MessageContext context, string table, Relationship key, EntityCollection rows, out Kind kind)
        {
            string name = key?.SchemaName;
            var relationship = context.Engine.Catalog.Relationship(name)
                ?? throw Faults.Invalid($"The relationship '{name}' does not exist.");
            string related = RelatedTable(rows, name);
            if (relationship.IsManyToMany)
            {
                kind = Kind.ManyToMany;
                if ((table == relationship.Entity1 && related == relationship.Entity2) || (table == relationship.Entity2 && related == relationship.Entity1))
                    return relationship;
                throw NotTheSides(table, related, name);
            }
            bool asReferenced = table == relationship.ReferencedEntity && related == relationship.ReferencingEntity;
            bool asReferencing = table == relationship.ReferencingEntity && related == relationship.ReferencedEntity;
            EntityRole? role = key.PrimaryEntityRole;
            if (asReferenced && asReferencing && role == null)
                throw Faults.Invalid($"The relationship '{name}' links '{table}' to itself: its PrimaryEntityRole must say which side the row is.");
            if (asReferenced && role != EntityRole.Referencing) { kind = Kind.OneToMany; return relationship; }
            if (asReferencing && role != EntityRole.Referenced) { kind = Kind.ManyToOne; return relationship; }
            throw NotTheSides(table, related, name);
        }

        /// <summary>The one table the related rows belong to (a row naming none takes the collection's EntityName).</summary>
        private static string RelatedTable(EntityCollection rows, string relationship)
        {
            string table = null;
            foreach (var row in rows.Entities)
            {
                if (row == null) throw Faults.Invalid($"A related row of relationship '{relationship}' is missing.");
                if (string.IsNullOrEmpty(row.LogicalName)) row.LogicalName = rows.EntityName;
                if (table != null && row.LogicalName != table)
                    throw Faults.Invalid($"The related rows of relationship '{relationship}' belong to several tables.");
                table = row.LogicalName;
            }
            return table ?? rows.EntityName;
        }

        private static Exception NotTheSides(string table, string related, string relationship) =>
            Faults.Invalid($"'{table}' and '{related}' are not the two sides of relationship '{relationship}'.");
    }
}
