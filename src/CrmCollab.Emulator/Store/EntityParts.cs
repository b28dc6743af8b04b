using System;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// Whether a row carries formatted values, alternate-key values or related rows (Entity.RelatedEntities), asked
    /// without making the collection: the SDK's getters make an empty one on first read (Microsoft's Entity, and the
    /// surface's like it), and nearly every row the engine copies carries none. Reads the entity's own field where it can
    /// be reached (the surface's <c>_formattedValues</c>, <c>_keyAttributes</c>, <c>_relatedEntities</c>); elsewhere falls
    /// back to the getter, and only the saving is lost.
    /// </summary>
    internal static class EntityParts
    {
        private static readonly Func<Entity, FormattedValueCollection> Formatted = FieldReader<FormattedValueCollection>("_formattedValues");
        private static readonly Func<Entity, KeyAttributeCollection> Keys = FieldReader<KeyAttributeCollection>("_keyAttributes");
        private static readonly Func<Entity, RelatedEntityCollection> Related = FieldReader<RelatedEntityCollection>("_relatedEntities");
        private static readonly Func<EntityReference, KeyAttributeCollection> ReferenceKeys = FieldReader<EntityReference, KeyAttributeCollection>("_keyAttributes");

        public static bool HasFormattedValues(Entity entity) =>
            Formatted == null ? entity.FormattedValues.Count > 0 : Formatted(entity)?.Count > 0;

        public static bool HasKeys(Entity entity) => Keys == null ? entity.KeyAttributes.Count > 0 : Keys(entity)?.Count > 0;

        /// <summary>The reference names its row by alternate key values (asked without making a caller's reference an empty collection).</summary>
        public static bool HasKeys(EntityReference reference) =>
            ReferenceKeys == null ? reference.KeyAttributes.Count > 0 : ReferenceKeys(reference)?.Count > 0;

        /// <summary>The row carries related rows to create with it (deep insert).</summary>
        public static bool HasRelatedRows(Entity entity) =>
            Related == null ? entity.RelatedEntities.Count > 0 : Related(entity)?.Count > 0;

        private static Func<Entity, T> FieldReader<T>(string name) where T : class => FieldReader<Entity, T>(name);

        private static Func<TOwner, T> FieldReader<TOwner, T>(string name) where T : class
        {
            FieldInfo field = typeof(TOwner).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic);
            if (field == null || field.FieldType != typeof(T)) return null;
            var owner = Expression.Parameter(typeof(TOwner), "owner");
            return Expression.Lambda<Func<TOwner, T>>(Expression.Field(owner, field), owner).Compile();
        }
    }
}
