using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

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

        // Callers ask by the same string instances over and over (the names in plugin code, metadata and queries): a
        // small table keyed by the instance answers those without hashing the text. Two slots per instance (its own
        // and the next) keep two names of one slot from evicting each other. Entries are immutable objects, so a
        // reader never sees half of one; a miss falls back to the dictionary and takes a slot.
        private readonly Known[] _known = new Known[512];

        private sealed class Known
        {
            public Known(string name, int ordinal)
            {
                Name = name;
                Ordinal = ordinal;
            }

            public readonly string Name;
            public readonly int Ordinal;
        }

        /// <summary>The column's number, or -1 when no stored row of the table has ever held it.</summary>
        public int Find(string column)
        {
            if (column == null) return -1;
            int slot = RuntimeHelpers.GetHashCode(column) & (_known.Length - 2);
            var first = _known[slot];
            if (first != null && ReferenceEquals(first.Name, column)) return first.Ordinal;
            var second = _known[slot + 1];
            if (second != null && ReferenceEquals(second.Name, column)) return second.Ordinal;
            if (!_ordinals.TryGetValue(column, out int ordinal)) return -1;
            // The newest name takes the first slot, the one it displaces the second.
            _known[slot + 1] = first;
            _known[slot] = new Known(column, ordinal);
            return ordinal;
        }

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

        /// <summary>How many columns have a number (numbers are never taken back, so this only grows).</summary>
        public int Count => _names.Count;

        // The column lists rows were last frozen with: rows written by the same path list the same columns in the same
        // order, so they share one array instead of each keeping its own.
        private readonly ushort[][] _recent = new ushort[4][];
        private int _nextRecent;

        /// <summary>An array of these column numbers (every one from <see cref="Intern"/>), shared with rows that have the same.</summary>
        public ushort[] Ordinals(ReadOnlySpan<int> ordinals)
        {
            foreach (var recent in _recent)
                if (recent != null && Same(recent, ordinals)) return recent;
            var made = new ushort[ordinals.Length];
            for (int i = 0; i < made.Length; i++) made[i] = (ushort)ordinals[i];
            _recent[_nextRecent] = made;
            _nextRecent = (_nextRecent + 1) % _recent.Length;
            return made;
        }

        private static bool Same(ushort[] recent, ReadOnlySpan<int> ordinals)
        {
            if (recent.Length != ordinals.Length) return false;
            for (int i = 0; i < recent.Length; i++)
                if (recent[i] != ordinals[i]) return false;
            return true;
        }
    }
}
