using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>A join from one table of a query to another, with its own columns, criteria and nested joins.</summary>
    [DataContract(Name = "LinkEntity", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class LinkEntity : IExtensibleDataObject
    {
        private ColumnSet _columns;
        private FilterExpression _linkCriteria;
        private DataCollection<LinkEntity> _linkEntities;
        private DataCollection<OrderExpression> _orders;

        public LinkEntity()
            : this(null, null, null, null, JoinOperator.Inner)
        {
        }

        public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            LinkFromEntityName = linkFromEntityName;
            LinkToEntityName = linkToEntityName;
            LinkFromAttributeName = linkFromAttributeName;
            LinkToAttributeName = linkToAttributeName;
            JoinOperator = joinOperator;
            _linkCriteria = new FilterExpression();
        }

        [DataMember]
        public string LinkFromAttributeName { get; set; }

        [DataMember]
        public string LinkFromEntityName { get; set; }

        [DataMember]
        public string LinkToEntityName { get; set; }

        [DataMember]
        public string LinkToAttributeName { get; set; }

        [DataMember]
        public JoinOperator JoinOperator { get; set; }

        // Made by the constructors only: set to null (or absent from a deserialised link) it reads as null, as in
        // the SDK. Columns, LinkEntities and Orders are made on first read instead.
        [DataMember]
        public FilterExpression LinkCriteria
        {
            get { return _linkCriteria; }
            set { _linkCriteria = value; }
        }

        [DataMember]
        public DataCollection<LinkEntity> LinkEntities
        {
            get { return _linkEntities ?? (_linkEntities = new DataCollection<LinkEntity>()); }
            private set { _linkEntities = value; }
        }

        [DataMember]
        public ColumnSet Columns
        {
            get { return _columns ?? (_columns = new ColumnSet()); }
            set { _columns = value; }
        }

        [DataMember]
        public string EntityAlias { get; set; }

        [DataMember(Order = 80)]
        public DataCollection<OrderExpression> Orders
        {
            get { return _orders ?? (_orders = new DataCollection<OrderExpression>()); }
            private set { _orders = value; }
        }

        [DataMember(EmitDefaultValue = false)]
        public string ForceSeek { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        [OnSerializing]
        private void OnSerializing(StreamingContext context) => NestingDepth.EnterWriting();

        [OnSerialized]
        private void OnSerialized(StreamingContext context) => NestingDepth.LeaveWriting();

        [OnDeserializing]
        private void OnDeserializing(StreamingContext context) => NestingDepth.EnterReading();

        [OnDeserialized]
        private void OnDeserialized(StreamingContext context) => NestingDepth.LeaveReading();

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            // As in the SDK, the nested link names this link's own LinkFromEntityName (not LinkToEntityName) as its
            // "from" table; the service joins on the parent link anyway.
            var link = new LinkEntity(LinkFromEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }
    }
}
