using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Reflection;
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
        private static readonly Func<IDictionary<string, object>, AttributeCollection> NewAttributes = Constructor();

        public static Entity New(string logicalName, int capacity)
        {
            var entity = new Entity(logicalName);
            // Up to 3 values the collection the entity was born with serves as well: it grows first past 3.
            if (NewAttributes != null && capacity > 3) entity.Attributes = NewAttributes(new Dictionary<string, object>(capacity));
            return entity;
        }

        /// <summary>An attribute collection over the given items, or null where the constructor cannot be reached.</summary>
        public static AttributeCollection Over(IDictionary<string, object> items) => NewAttributes?.Invoke(items);

        private static Func<IDictionary<string, object>, AttributeCollection> Constructor()
        {
            ConstructorInfo constructor = typeof(AttributeCollection).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public,
                null, new[] { typeof(IDictionary<string, object>) }, null);
            if (constructor == null) return null;
            var items = Expression.Parameter(typeof(IDictionary<string, object>), "items");
            return Expression.Lambda<Func<IDictionary<string, object>, AttributeCollection>>(Expression.New(constructor, items), items).Compile();
        }
    }
}
