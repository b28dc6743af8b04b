using System.Collections;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>One condition of a filter: attribute, operator and the operator's values.</summary>
    [DataContract(Name = "ConditionExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ConditionExpression : IExtensibleDataObject
    {
        private DataCollection<object> _values;

        public ConditionExpression()
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
            : this(null, attributeName, conditionOperator, false, System.Array.Empty<object>())
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value)
            : this(null, attributeName, conditionOperator, false, new[] { value })
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(null, attributeName, conditionOperator, false, values)
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values)
            : this(null, attributeName, conditionOperator, false, ToArray(values))
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
            : this(null, attributeName, conditionOperator, compareColumns, new[] { value })
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
            : this(null, attributeName, conditionOperator, compareColumns, values)
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator)
            : this(entityName, attributeName, conditionOperator, false, System.Array.Empty<object>())
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, object value)
            : this(entityName, attributeName, conditionOperator, false, new[] { value })
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(entityName, attributeName, conditionOperator, false, values)
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
            : this(entityName, attributeName, conditionOperator, compareColumns, new[] { value })
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        {
            EntityName = entityName;
            AttributeName = attributeName;
            Operator = conditionOperator;
            CompareColumns = compareColumns;
            if (values != null)
            {
                // Made at its size: most conditions carry one value, which a list grown from empty would give room for four.
                _values = new DataCollection<object>(values.Length);
                _values.AddRange(values);
            }
        }

        [DataMember(Order = 60)]
        public string EntityName { get; set; }

        [DataMember]
        public string AttributeName { get; set; }

        [DataMember]
        public ConditionOperator Operator { get; set; }

        // When true the values name other columns to compare with, not literals.
        [DataMember]
        public bool CompareColumns { get; set; }

        [DataMember]
        public DataCollection<object> Values
        {
            get { return _values ?? (_values = new DataCollection<object>()); }
            private set { _values = value; }
        }

        public ExtensionDataObject ExtensionData { get; set; }

        private static object[] ToArray(ICollection values)
        {
            if (values == null)
            {
                return null;
            }

            var array = new object[values.Count];
            values.CopyTo(array, 0);
            return array;
        }
    }
}
