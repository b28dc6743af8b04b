using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>A query matching rows whose attributes equal the given values (Attributes[i] = Values[i]).</summary>
    [DataContract(Name = "QueryByAttribute", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class QueryByAttribute : QueryBase
    {
        private DataCollection<string> _attributes;
        private DataCollection<object> _values;
        private DataCollection<OrderExpression> _orders;

        // Only the parameterless constructor starts with an empty ColumnSet and PageInfo; the named one leaves both
        // null, as in the SDK.
        public QueryByAttribute()
        {
            ColumnSet = new ColumnSet();
            PageInfo = new PagingInfo();
        }

        public QueryByAttribute(string entityName)
        {
            EntityName = entityName;
        }

        [DataMember]
        public string EntityName { get; set; }

        [DataMember]
        public ColumnSet ColumnSet { get; set; }

        [DataMember]
        public DataCollection<string> Attributes
        {
            get { return _attributes ?? (_attributes = new DataCollection<string>()); }
            private set { _attributes = value; }
        }

        [DataMember]
        public DataCollection<object> Values
        {
            get { return _values ?? (_values = new DataCollection<object>()); }
            private set { _values = value; }
        }

        [DataMember]
        public DataCollection<OrderExpression> Orders
        {
            get { return _orders ?? (_orders = new DataCollection<OrderExpression>()); }
            private set { _orders = value; }
        }

        [DataMember]
        public PagingInfo PageInfo { get; set; }

        [DataMember(Order = 50)]
        public int? TopCount { get; set; }

        public void AddAttributeValue(string attributeName, object value)
        {
            Attributes.Add(attributeName);
            Values.Add(value);
        }

        public void AddOrder(string attributeName, OrderType orderType)
        {
            Orders.Add(new OrderExpression(attributeName, orderType));
        }
    }
}
