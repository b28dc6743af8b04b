using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>The columns a query or retrieve returns: either all of them or the named ones.</summary>
    [DataContract(Name = "ColumnSet", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ColumnSet : IExtensibleDataObject
    {
        private DataCollection<string> _columns;
        private DataCollection<XrmAttributeExpression> _attributeExpressions;

        public ColumnSet()
        {
        }

        public ColumnSet(bool allColumns)
        {
            AllColumns = allColumns;
        }

        public ColumnSet(params string[] columns)
        {
            if (columns != null)
            {
                // Made at its size: a list grown one name at a time copies itself 4 → 8 → 16 (a rule read names 12 columns).
                _columns = new DataCollection<string>(columns.Length);
                _columns.AddRange(columns);
            }
        }

        [DataMember]
        public bool AllColumns { get; set; }

        // Collections are created on first read: the DataContractSerializer bypasses constructors.
        [DataMember]
        public DataCollection<string> Columns
        {
            get { return _columns ?? (_columns = new DataCollection<string>()); }
            set { _columns = value; }
        }

        [DataMember]
        public DataCollection<XrmAttributeExpression> AttributeExpressions
        {
            get { return _attributeExpressions ?? (_attributeExpressions = new DataCollection<XrmAttributeExpression>()); }
            set { _attributeExpressions = value; }
        }

        public bool HasLazyFileAttribute { get; set; }

        public string LazyFileAttributeEntityName { get; set; }

        public string LazyFileAttributeKey { get; set; }

        public Lazy<object> LazyFileAttributeValue { get; set; }

        public int LazyFileAttributeSizeLimit { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public void AddColumn(string column)
        {
            Columns.Add(column);
        }

        /// <summary>Appends the names in order; a null array throws NullReferenceException, as in the SDK.</summary>
        public void AddColumns(params string[] columns)
        {
            foreach (string column in columns)
            {
                Columns.Add(column);
            }
        }
    }
}
