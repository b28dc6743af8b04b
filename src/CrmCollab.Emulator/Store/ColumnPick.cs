using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// A fixed list of columns copied out of stored rows again and again (a step image's columns): a row's values are
    /// found in one pass over the row's column numbers instead of each column being looked up by name. Valid for the
    /// list and the table numbering it was made from (<see cref="Fits"/>); made again when either changes.
    /// </summary>
    internal sealed class ColumnPick
    {
        private readonly string[] _columns;
        private readonly ColumnLayout _layout;
        private readonly int _numbered;
        private readonly int[] _positionByNumber; // a column's number in the table → its position in the list (first), or -1

        public ColumnPick(IList<string> columns, ColumnLayout layout)
        {
            _columns = new string[columns.Count];
            columns.CopyTo(_columns, 0);
            _layout = layout;
            _numbered = layout.Count;
            _positionByNumber = new int[_numbered];
            Array.Fill(_positionByNumber, -1);
            for (int i = _columns.Length - 1; i >= 0; i--) // the first of a repeated column wins
            {
                int number = layout.Find(_columns[i]);
                if (number >= 0) _positionByNumber[number] = i;
            }
        }

        /// <summary>True when made from these very column names (the same instances, in order) and the table's numbering as it is now.</summary>
        public bool Fits(IList<string> columns, ColumnLayout layout)
        {
            if (!ReferenceEquals(layout, _layout) || layout.Count != _numbered || columns.Count != _columns.Length) return false;
            for (int i = 0; i < _columns.Length; i++)
                if (!ReferenceEquals(columns[i], _columns[i])) return false;
            return true;
        }

        /// <summary>
        /// A copy of the row holding the listed columns that have a value, in the order listed, as
        /// <see cref="EntityCloner.ProjectFew"/> makes it.
        /// </summary>
        public Entity Copy(Entity source, StoredAttributes values)
        {
            Span<int> at = _columns.Length <= 128 ? stackalloc int[_columns.Length] : new int[_columns.Length];
            at.Fill(-1);
            ushort[] numbers = values.Ordinals;
            object[] stored = values.StoredValues;
            int filled = 0; // the values the copy will hold: a wide image of a row with few of its columns set stays small
            for (int slot = 0; slot < numbers.Length; slot++)
            {
                int number = numbers[slot];
                if (number < _positionByNumber.Length && _positionByNumber[number] is int position && position >= 0)
                {
                    at[position] = slot;
                    if (stored[slot] != null) filled++;
                }
            }
            var copy = SizedEntity.New(source.LogicalName, filled);
            copy.Id = source.Id;
            copy.RowVersion = source.RowVersion;
            for (int i = 0; i < _columns.Length; i++)
            {
                if (at[i] < 0) continue;
                object value = stored[at[i]];
                if (value != null) copy.Attributes[_columns[i]] = EntityCloner.CloneValue(value);
            }
            return copy;
        }
    }
}
