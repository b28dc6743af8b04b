using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// A query's lists (links, orders, conditions, child filters, attribute expressions) read without making the empty ones:
    /// the surface's getters make an empty collection on first read, and most queries have no link, order, child filter or
    /// attribute expression, so compiling one made up to a dozen empty collections. Reads the object's own field where it can
    /// be reached (the surface's <c>_linkEntities</c>, <c>_orders</c>, <c>_conditions</c>, <c>_filters</c>,
    /// <c>_attributeExpressions</c>); elsewhere (Microsoft's assemblies) falls back to the getter, and only the saving is lost.
    /// Only for reading: a caller that adds goes through the getter.
    /// </summary>
    internal static class QueryParts
    {
        private static readonly Func<QueryExpression, DataCollection<LinkEntity>> QueryLinksField = Field<QueryExpression, DataCollection<LinkEntity>>("_linkEntities");
        private static readonly Func<QueryExpression, DataCollection<OrderExpression>> QueryOrdersField = Field<QueryExpression, DataCollection<OrderExpression>>("_orders");
        private static readonly Func<LinkEntity, DataCollection<LinkEntity>> LinkLinksField = Field<LinkEntity, DataCollection<LinkEntity>>("_linkEntities");
        private static readonly Func<LinkEntity, DataCollection<OrderExpression>> LinkOrdersField = Field<LinkEntity, DataCollection<OrderExpression>>("_orders");
        private static readonly Func<FilterExpression, DataCollection<ConditionExpression>> ConditionsField = Field<FilterExpression, DataCollection<ConditionExpression>>("_conditions");
        private static readonly Func<FilterExpression, DataCollection<FilterExpression>> FiltersField = Field<FilterExpression, DataCollection<FilterExpression>>("_filters");
        private static readonly Func<ColumnSet, DataCollection<XrmAttributeExpression>> ExpressionsField =
            Field<ColumnSet, DataCollection<XrmAttributeExpression>>("_attributeExpressions");

        public static IList<LinkEntity> Links(QueryExpression query) => Read(query, QueryLinksField, q => q.LinkEntities);

        public static IList<OrderExpression> Orders(QueryExpression query) => Read(query, QueryOrdersField, q => q.Orders);

        public static IList<LinkEntity> Links(LinkEntity link) => Read(link, LinkLinksField, l => l.LinkEntities);

        public static IList<OrderExpression> Orders(LinkEntity link) => Read(link, LinkOrdersField, l => l.Orders);

        public static IList<ConditionExpression> Conditions(FilterExpression filter) => Read(filter, ConditionsField, f => f.Conditions);

        public static IList<FilterExpression> Filters(FilterExpression filter) => Read(filter, FiltersField, f => f.Filters);

        public static IList<XrmAttributeExpression> AttributeExpressions(ColumnSet columns) => Read(columns, ExpressionsField, c => c.AttributeExpressions);

        private static IList<TItem> Read<TOwner, TItem>(TOwner owner, Func<TOwner, DataCollection<TItem>> field, Func<TOwner, DataCollection<TItem>> getter) =>
            field == null ? getter(owner) : (IList<TItem>)field(owner) ?? Array.Empty<TItem>();

        private static Func<TOwner, TValue> Field<TOwner, TValue>(string name) where TValue : class
        {
            FieldInfo field = typeof(TOwner).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic);
            if (field == null || field.FieldType != typeof(TValue)) return null;
            var owner = Expression.Parameter(typeof(TOwner), "owner");
            return Expression.Lambda<Func<TOwner, TValue>>(Expression.Field(owner, field), owner).Compile();
        }
    }
}
