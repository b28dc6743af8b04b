using System;
using System.Runtime.CompilerServices;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// The "alias.column" key a linked column is returned under, made once for the same alias and column instances: a
    /// plug-in's queries name their links and columns with the same strings every time, and each query joined them anew.
    /// A small table keyed by the two instances (no hashing of the text); entries are immutable and replaced whole, so a
    /// reader never sees half of one; a miss joins the texts and takes the slot.
    /// </summary>
    internal static class AliasedKeys
    {
        private static readonly Entry[] Known = new Entry[256];

        private sealed class Entry
        {
            public Entry(string alias, string column, string key)
            {
                Alias = alias;
                Column = column;
                Key = key;
            }

            public readonly string Alias, Column, Key;
        }

        public static string Of(string alias, string column)
        {
            int slot = (RuntimeHelpers.GetHashCode(alias) * 31 + RuntimeHelpers.GetHashCode(column)) & (Known.Length - 1);
            var entry = Known[slot];
            if (entry != null && ReferenceEquals(entry.Alias, alias) && ReferenceEquals(entry.Column, column)) return entry.Key;
            string key = alias + "." + column;
            Known[slot] = new Entry(alias, column, key);
            return key;
        }
    }
}
