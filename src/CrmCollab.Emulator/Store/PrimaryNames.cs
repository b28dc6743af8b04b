using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The primary names of referenced records, as formatting gives them to lookups. Every lookup of every row read,
    /// queried or imaged is named, mostly after the same few records (owners, the deal, its account); finding the row
    /// and its name column each time cost more than the rest of formatting. A name is kept by record id until the
    /// store writes, removes or restores that row (rollback included); the cache forgets everything when full.
    /// </summary>
    internal sealed class PrimaryNames
    {
        /// <summary>Enough for the records an organisation's working set names.</summary>
        internal const int Capacity = 1 << 16;

        private readonly MetadataCatalog _catalog;
        private readonly RowStore _rows;
        private readonly Dictionary<Guid, Known> _known = new Dictionary<Guid, Known>();

        public PrimaryNames(MetadataCatalog catalog, RowStore rows)
        {
            _catalog = catalog;
            _rows = rows;
            rows.RowChanged += id => _known.Remove(id);
        }

        /// <summary>The referenced row's primary name; the reference's own name when the table has none or the row is missing.</summary>
        public string Of(EntityReference reference)
        {
            string column = _catalog.Table(reference.LogicalName)?.PrimaryNameAttribute;
            if (column == null) return reference.Name;
            if (!_known.TryGetValue(reference.Id, out var known) || known.Table != reference.LogicalName || known.Column != column)
            {
                bool found = _rows.TryGet(reference.LogicalName, reference.Id, out var row);
                string name = found && row.Attributes.TryGetValue(column, out object value) ? value as string : null;
                known = new Known(reference.LogicalName, column, found, name);
                if (_known.Count >= Capacity) _known.Clear();
                _known[reference.Id] = known;
            }
            return known.Found ? known.Name : reference.Name;
        }

        private readonly struct Known
        {
            public Known(string table, string column, bool found, string name)
            {
                Table = table;
                Column = column;
                Found = found;
                Name = name;
            }

            public string Table { get; }
            public string Column { get; }
            public bool Found { get; }
            public string Name { get; }
        }
    }
}
