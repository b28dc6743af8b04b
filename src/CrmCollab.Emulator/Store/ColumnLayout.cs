using System;
using System.Collections.Generic;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The column names one table's stored rows use, each given a small number the first time a row holds it. Rows
    /// keep those numbers instead of a dictionary of names (see <see cref="StoredAttributes"/>); the names are kept
    /// once, here.
    /// </summary>
    internal sealed class ColumnLayout
    {
        private readonly Dictionary<string, int> _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly List<string> _names = new List<string>();

        /// <summary>The column's number, or -1 when no stored row of the table has ever held it.</summary>
        public int Find(string column) => column != null && _ordinals.TryGetValue(column, out int ordinal) ? ordinal : -1;

        /// <summary>The column's number, given now if it has none; -1 past the numbers a row can hold.</summary>
        public int Intern(string column)
        {
            if (_ordinals.TryGetValue(column, out int ordinal)) return ordinal;
            if (_names.Count > ushort.MaxValue) return -1;
            ordinal = _names.Count;
            _names.Add(column);
            _ordinals.Add(column, ordinal);
            return ordinal;
        }

        public string Name(int ordinal) => _names[ordinal];
    }
}
