using System;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// Whether a row carries related rows (Entity.RelatedEntities), asked without making the collection: the SDK's getter
    /// makes an empty one on first read, and nearly every Create carries none. Reads the entity's own field where it can be
    /// reached (the surface's <c>_relatedEntities</c>); elsewhere falls back to the getter, and only the saving is lost.
    /// </summary>
    internal static class RelatedRows
    {
        private static readonly Func<Entity, RelatedEntityCollection> Field = FieldReader();

        public static bool Any(Entity entity)
        {
            if (Field == null) return entity.RelatedEntities.Count > 0;
            RelatedEntityCollection related = Field(entity);
            return related != null && related.Count > 0;
        }

        private static Func<Entity, RelatedEntityCollection> FieldReader()
        {
            FieldInfo field = typeof(Entity).GetField("_relatedEntities", BindingFlags.Instance | BindingFlags.NonPublic);
            if (field == null || field.FieldType != typeof(RelatedEntityCollection)) return null;
            var entity = Expression.Parameter(typeof(Entity), "entity");
            return Expression.Lambda<Func<Entity, RelatedEntityCollection>>(Expression.Field(entity, field), entity).Compile();
        }
    }
}
