using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>A structured query: table, columns, criteria, joins, orders and paging.</summary>
    [DataContract(Name = "QueryExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class QueryExpression : QueryBase
    {
        public static readonly QueryExpression Empty = new QueryExpression();

        private static int _serializationDepthLimit = DefaultDepthLimit;
        private static int _deserializationDepthLimit = DefaultDepthLimit;

        // Nesting (links within links, filters within filters) allowed before the service rejects a query.
        private const int DefaultDepthLimit = 100;

        private ColumnSet _columnSet;
        private FilterExpression _criteria;
        private PagingInfo _pageInfo;
        private DataCollection<LinkEntity> _linkEntities;
        private DataCollection<OrderExpression> _orders;

        public QueryExpression()
            : this(null)
        {
        }

        public QueryExpression(string entityName)
        {
            EntityName = entityName;
            _criteria = new FilterExpression();
            _columnSet = new ColumnSet();
            _pageInfo = new PagingInfo();
        }

        public static int SerializationDepthLimit
        {
            get { return _serializationDepthLimit; }
            set { _serializationDepthLimit = value; }
        }

        public static int DeserializationDepthLimit
        {
            get { return _deserializationDepthLimit; }
            set { _deserializationDepthLimit = value; }
        }

        [DataMember]
        public bool Distinct { get; set; }

        [DataMember(Order = 50)]
        public bool NoLock { get; set; }

        [DataMember]
        public PagingInfo PageInfo
        {
            get { return _pageInfo ?? (_pageInfo = new PagingInfo()); }
            set { _pageInfo = value; }
        }

        [DataMember]
        public DataCollection<LinkEntity> LinkEntities
        {
            get { return _linkEntities ?? (_linkEntities = new DataCollection<LinkEntity>()); }
            private set { _linkEntities = value; }
        }

        [DataMember]
        public FilterExpression Criteria
        {
            get { return _criteria ?? (_criteria = new FilterExpression()); }
            set { _criteria = value; }
        }

        [DataMember]
        public DataCollection<OrderExpression> Orders
        {
            get { return _orders ?? (_orders = new DataCollection<OrderExpression>()); }
            private set { _orders = value; }
        }

        [DataMember]
        public string EntityName { get; set; }

        [DataMember]
        public ColumnSet ColumnSet
        {
            get { return _columnSet ?? (_columnSet = new ColumnSet()); }
            set { _columnSet = value; }
        }

        [DataMember(EmitDefaultValue = false, Order = 50)]
        public int? TopCount { get; set; }

        [DataMember(EmitDefaultValue = false, Order = 92)]
        public string QueryHints { get; set; }

        [DataMember(EmitDefaultValue = false, Order = 93)]
        public string DataSource { get; set; }

        [DataMember(EmitDefaultValue = false)]
        public string ForceSeek { get; set; }

        [DataMember(EmitDefaultValue = false, IsRequired = false)]
        public QueryExpression SubQueryExpression { get; set; }

        public static void InternalResetSerializationCounters()
        {
            // Depth is measured per call on the stack, so there is no running counter to reset.
        }

        public QueryExpression Accept(IQueryExpressionVisitor visitor)
        {
            return visitor == null ? this : visitor.Visit(this);
        }

        public void AddOrder(string attributeName, OrderType orderType)
        {
            Orders.Add(new OrderExpression(attributeName, orderType));
        }

        public void AddOrder(string attributeName, OrderType orderType, string alias, string entityName)
        {
            Orders.Add(new OrderExpression(attributeName, orderType, alias, entityName));
        }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }
    }
}
