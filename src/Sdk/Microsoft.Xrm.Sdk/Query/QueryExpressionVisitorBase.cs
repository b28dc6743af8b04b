namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>Walks a query; each Visit method may return a replacement for the part it was given.</summary>
    public abstract class QueryExpressionVisitorBase : IQueryExpressionVisitor
    {
        protected QueryExpressionVisitorBase()
        {
        }

        public virtual QueryExpression Visit(QueryExpression query)
        {
            if (query == null)
            {
                return null;
            }

            query.ColumnSet = VisitColumnSet(query.ColumnSet);
            query.Criteria = VisitFilterExpression(query.Criteria);
            VisitLinks(query.LinkEntities);
            VisitOrders(query.Orders);
            query.PageInfo = VisitPagingInfo(query.PageInfo);
            return query;
        }

        protected virtual ColumnSet VisitColumnSet(ColumnSet columnSet)
        {
            return columnSet;
        }

        protected virtual ConditionExpression VisitConditionExpression(ConditionExpression condition)
        {
            return condition;
        }

        protected virtual FilterExpression VisitFilterExpression(FilterExpression filter)
        {
            if (filter == null)
            {
                return null;
            }

            var conditions = filter.Conditions;
            for (int i = conditions.Count - 1; i >= 0; i--)
            {
                var visited = VisitConditionExpression(conditions[i]);
                if (visited == null)
                {
                    conditions.RemoveAt(i);
                }
                else
                {
                    conditions[i] = visited;
                }
            }

            var filters = filter.Filters;
            for (int i = filters.Count - 1; i >= 0; i--)
            {
                var visited = VisitFilterExpression(filters[i]);
                if (visited == null)
                {
                    filters.RemoveAt(i);
                }
                else
                {
                    filters[i] = visited;
                }
            }

            return filter;
        }

        protected virtual LinkEntity VisitLinkEntity(LinkEntity linkEntity)
        {
            if (linkEntity == null)
            {
                return null;
            }

            linkEntity.Columns = VisitColumnSet(linkEntity.Columns);
            linkEntity.LinkCriteria = VisitFilterExpression(linkEntity.LinkCriteria);
            VisitLinks(linkEntity.LinkEntities);
            VisitOrders(linkEntity.Orders);
            return linkEntity;
        }

        protected virtual OrderExpression VisitOrderExpression(OrderExpression order)
        {
            return order;
        }

        protected virtual PagingInfo VisitPagingInfo(PagingInfo pageInfo)
        {
            return pageInfo;
        }

        private void VisitLinks(DataCollection<LinkEntity> links)
        {
            for (int i = links.Count - 1; i >= 0; i--)
            {
                var visited = VisitLinkEntity(links[i]);
                if (visited == null)
                {
                    links.RemoveAt(i);
                }
                else
                {
                    links[i] = visited;
                }
            }
        }

        private void VisitOrders(DataCollection<OrderExpression> orders)
        {
            for (int i = orders.Count - 1; i >= 0; i--)
            {
                var visited = VisitOrderExpression(orders[i]);
                if (visited == null)
                {
                    orders.RemoveAt(i);
                }
                else
                {
                    orders[i] = visited;
                }
            }
        }
    }
}
