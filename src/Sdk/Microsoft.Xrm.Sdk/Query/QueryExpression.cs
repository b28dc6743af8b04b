using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>A structured query: table, columns, criteria, joins, orders and paging.</summary>
    [DataContract(Name = "QueryExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class QueryExpression : QueryBase
    {
        public static readonly QueryExpression Empty = new QueryExpression();

        // Nesting limits a host may set for (de)serialisation (see NestingDepth); 0, the default, means no limit.
        private static int _serializationDepthLimit;
        private static int _deserializationDepthLimit;

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

        // ColumnSet, Criteria and PageInfo are made by the constructors only: set to null (or absent from a
        // deserialised query) they read as null, as in the SDK.
        [DataMember]
        public PagingInfo PageInfo
        {
            get { return _pageInfo; }
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
            get { return _criteria; }
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
            get { return _columnSet; }
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

        /// <summary>Forgets the nesting counted so far on this thread (see the depth limits).</summary>
        public static void InternalResetSerializationCounters()
        {
            NestingDepth.Reset();
        }

        [OnSerializing]
        private void OnSerializing(StreamingContext context) => NestingDepth.EnterWriting();

        [OnSerialized]
        private void OnSerialized(StreamingContext context) => NestingDepth.LeaveWriting();

        public QueryExpression Accept(IQueryExpressionVisitor visitor)
        {
            return visitor.Visit(this); // a null visitor fails (NullReferenceException), as in the SDK
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
