using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Reflection;
using CrmCollab.Collections;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// Entities whose attribute collection is made at the size it will hold. A collection filled one value at a time
    /// grows 3 → 7 → 17 → 37 entries, copying itself each time and keeping up to half its slots empty for the life of
    /// the row; the engine knows how many values a copy or a new row will hold, so it asks for that room up front.
    /// The SDK's AttributeCollection takes its dictionary through its protected internal constructor (in Microsoft's
    /// assemblies and in the surface alike, see api-baseline); where that constructor cannot be reached the entity
    /// keeps the collection it was born with, and only the sizing is lost.
    /// </summary>
    internal static class SizedEntity
    {
        private static readonly Func<IDictionary<string, object>, AttributeCollection> NewAttributes =
            Constructor<AttributeCollection, IDictionary<string, object>>();
        private static readonly Func<IDictionary<string, string>, FormattedValueCollection> NewFormattedValues =
            Constructor<FormattedValueCollection, IDictionary<string, string>>();

        private static readonly Func<IDictionary<string, Entity>, EntityImageCollection> NewImages =
            Constructor<EntityImageCollection, IDictionary<string, Entity>>();

        private static readonly Func<IDictionary<string, object>, KeyAttributeCollection> NewKeys =
            Constructor<KeyAttributeCollection, IDictionary<string, object>>();

        /// <summary>
        /// An empty key-attribute collection that refuses every change (over a read-only dictionary), for the store's
        /// shared references; a plain empty one where the constructor cannot be reached.
        /// </summary>
        public static KeyAttributeCollection NoKeys() =>
            NewKeys?.Invoke(new System.Collections.ObjectModel.ReadOnlyDictionary<string, object>(new Dictionary<string, object>()))
            ?? new KeyAttributeCollection();

        public static Entity New(string logicalName, int capacity)
        {
            var entity = new Entity(logicalName);
            if (NewAttributes != null) entity.Attributes = NewAttributes(Room<object>(capacity));
            return entity;
        }

        /// <summary>
        /// Image collections, one per record, each with room for <paramref name="capacity"/> images (a step's, mostly one)
        /// instead of the four a first write makes room for; plain ones where the constructor cannot be reached.
        /// </summary>
        public static EntityImageCollection[] Images(int count, int capacity)
        {
            var images = new EntityImageCollection[count];
            for (int i = 0; i < count; i++) images[i] = NewImages?.Invoke(Room<Entity>(capacity)) ?? new EntityImageCollection();
            return images;
        }

        /// <summary>An attribute collection over the given items, or null where the constructor cannot be reached.</summary>
        public static AttributeCollection Over(IDictionary<string, object> items) => NewAttributes?.Invoke(items);

        /// <summary>Gives an entity with no formatted values yet room for <paramref name="capacity"/> of them.</summary>
        public static void ReserveFormattedValues(Entity entity, int capacity)
        {
            // Asked without the getter, which would make an empty collection only for this one to replace it.
            if (NewFormattedValues != null && capacity > 0 && !EntityParts.HasFormattedValues(entity))
                entity.FormattedValues = NewFormattedValues(Room<string>(capacity));
        }

        // A few values side by side, more in a Dictionary made at their number (see SmallMap).
        private static IDictionary<string, TValue> Room<TValue>(int capacity) =>
            capacity <= SmallMap<TValue>.MaxSmall ? new SmallMap<TValue>(capacity) : new Dictionary<string, TValue>(capacity);

        private static Func<TItems, TCollection> Constructor<TCollection, TItems>()
        {
            ConstructorInfo constructor = typeof(TCollection).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public,
                null, new[] { typeof(TItems) }, null);
            if (constructor == null) return null;
            var items = Expression.Parameter(typeof(TItems), "items");
            return Expression.Lambda<Func<TItems, TCollection>>(Expression.New(constructor, items), items).Compile();
        }
    }
}
