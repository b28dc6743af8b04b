using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// A private copy of a query that has a <see cref="QueryKey"/>, holding every part the key holds. A cached plan is
    /// compiled from, and keeps, this copy: callers reuse and change their query objects between calls, and the plan
    /// must go on describing the query it was compiled for.
    /// </summary>
    internal static class QueryCopy
    {
        public static QueryExpression Of(QueryExpression query)
        {
            var copy = new QueryExpression(query.EntityName)
            {
                Distinct = query.Distinct,
                ColumnSet = Columns(query.ColumnSet),
                Criteria = Filter(query.Criteria),
            };
            CopyOrders(query.Orders, copy.Orders);
            foreach (var link in query.LinkEntities) copy.LinkEntities.Add(Link(link));
            return copy;
        }

        private static ColumnSet Columns(ColumnSet columns)
        {
            if (columns == null) return null;
            var copy = new ColumnSet { AllColumns = columns.AllColumns };
            foreach (var name in columns.Columns) copy.Columns.Add(name);
            return copy;
        }

        private static FilterExpression Filter(FilterExpression filter)
        {
            var copy = new FilterExpression(filter.FilterOperator);
            foreach (var condition in filter.Conditions)
            {
                var conditionCopy = new ConditionExpression
                {
                    EntityName = condition.EntityName,
                    AttributeName = condition.AttributeName,
                    Operator = condition.Operator,
                    CompareColumns = condition.CompareColumns,
                };
                foreach (var value in condition.Values) conditionCopy.Values.Add(QueryValues.Copy(value));
                copy.Conditions.Add(conditionCopy);
            }
            foreach (var child in filter.Filters) copy.Filters.Add(Filter(child));
            return copy;
        }

        private static void CopyOrders(DataCollection<OrderExpression> orders, DataCollection<OrderExpression> into)
        {
            foreach (var order in orders)
                into.Add(new OrderExpression(order.AttributeName, order.OrderType, order.Alias, order.EntityName));
        }

        private static LinkEntity Link(LinkEntity link)
        {
            var copy = new LinkEntity
            {
                LinkFromEntityName = link.LinkFromEntityName,
                LinkToEntityName = link.LinkToEntityName,
                LinkFromAttributeName = link.LinkFromAttributeName,
                LinkToAttributeName = link.LinkToAttributeName,
                JoinOperator = link.JoinOperator,
                EntityAlias = link.EntityAlias,
                Columns = Columns(link.Columns),
                LinkCriteria = Filter(link.LinkCriteria),
            };
            CopyOrders(link.Orders, copy.Orders);
            foreach (var child in link.LinkEntities) copy.LinkEntities.Add(Link(child));
            return copy;
        }
    }
}
