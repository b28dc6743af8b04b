using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>An aggregate or grouped column of a <see cref="ColumnSet"/>.</summary>
    [DataContract(Name = "AttributeExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class XrmAttributeExpression : IExtensibleDataObject
    {
        public XrmAttributeExpression()
        {
        }

        public XrmAttributeExpression(string attributeName)
            : this(attributeName, XrmAggregateType.None, null, XrmDateTimeGrouping.None)
        {
        }

        public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType)
            : this(attributeName, aggregateType, null, XrmDateTimeGrouping.None)
        {
        }

        public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType, string alias)
            : this(attributeName, aggregateType, alias, XrmDateTimeGrouping.None)
        {
        }

        public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType, string alias, XrmDateTimeGrouping dateTimeGrouping)
        {
            AttributeName = attributeName;
            AggregateType = aggregateType;
            Alias = alias;
            DateTimeGrouping = dateTimeGrouping;
        }

        [DataMember]
        public string AttributeName { get; set; }

        [DataMember]
        public XrmAggregateType AggregateType { get; set; }

        [DataMember]
        public string Alias { get; set; }

        [DataMember]
        public bool HasGroupBy { get; set; }

        [DataMember]
        public XrmDateTimeGrouping DateTimeGrouping { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
