using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>Conditions and nested filters joined by one logical operator.</summary>
    [DataContract(Name = "FilterExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class FilterExpression : IExtensibleDataObject
    {
        private DataCollection<ConditionExpression> _conditions;
        private DataCollection<FilterExpression> _filters;

        public FilterExpression()
        {
        }

        public FilterExpression(LogicalOperator filterOperator)
        {
            FilterOperator = filterOperator;
        }

        [DataMember]
        public LogicalOperator FilterOperator { get; set; }

        [DataMember]
        public DataCollection<ConditionExpression> Conditions
        {
            get { return _conditions ?? (_conditions = new DataCollection<ConditionExpression>()); }
            private set { _conditions = value; }
        }

        [DataMember]
        public DataCollection<FilterExpression> Filters
        {
            get { return _filters ?? (_filters = new DataCollection<FilterExpression>()); }
            private set { _filters = value; }
        }

        [DataMember(EmitDefaultValue = false, Order = 82)]
        public string FilterHint { get; set; }

        [DataMember(EmitDefaultValue = false, Order = 51)]
        public bool IsQuickFindFilter { get; set; }

        // The link of an Any/All/NotAny/NotAll join that this filter belongs to.
        [DataMember]
        public LinkEntity AnyAllFilterLinkEntity { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        [OnSerializing]
        private void OnSerializing(StreamingContext context) => NestingDepth.EnterWriting();

        [OnSerialized]
        private void OnSerialized(StreamingContext context) => NestingDepth.LeaveWriting();

        [OnDeserializing]
        private void OnDeserializing(StreamingContext context) => NestingDepth.EnterReading();

        [OnDeserialized]
        private void OnDeserialized(StreamingContext context) => NestingDepth.LeaveReading();

        public void AddCondition(ConditionExpression condition)
        {
            Conditions.Add(condition);
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            Conditions.Add(new ConditionExpression(null, attributeName, conditionOperator, false, values));
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        {
            Conditions.Add(new ConditionExpression(null, attributeName, conditionOperator, compareColumns, new[] { value }));
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        {
            Conditions.Add(new ConditionExpression(null, attributeName, conditionOperator, compareColumns, values));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, false, values));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        {
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, new[] { value }));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        {
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, values));
        }

        public FilterExpression AddFilter(LogicalOperator logicalOperator)
        {
            var child = new FilterExpression(logicalOperator);
            Filters.Add(child);
            return child;
        }

        public void AddFilter(FilterExpression childFilter)
        {
            if (childFilter != null)
            {
                Filters.Add(childFilter);
            }
        }
    }
}
