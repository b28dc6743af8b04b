using System.Globalization;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// One sort key of a query: a column of a slot, its direction, and how its key is made (the value itself, a
    /// choice's label, or a lookup's primary name). A method rather than a closure: specs are built on every query.
    /// </summary>
    internal sealed class SortSpec
    {
        public Slot Slot { get; set; }
        public string Name { get; set; }
        /// <summary>The kind of the key (text for labels and names), as the paging cookie is read back.</summary>
        public ValueKind KeyKind { get; set; }
        public bool Descending { get; set; }
        /// <summary>The kind of the column's own values.</summary>
        public ValueKind ValueKind { get; set; }
        public SortKeyMode Mode { get; set; }
        public ColumnDefinition Column { get; set; }
        /// <summary>Resolves lookup names (with its memo) for <see cref="SortKeyMode.LookupName"/>.</summary>
        public Sorter Sorter { get; set; }

        public object Key(Entity[] row)
        {
            object raw = Slot.Read(row[Slot.Index], Name);
            switch (Mode)
            {
                case SortKeyMode.ChoiceLabel:
                    return ValueComparer.TryInt(raw, out int v)
                        ? Column.OptionSet.Find(v)?.Label ?? v.ToString(CultureInfo.InvariantCulture) : null;
                case SortKeyMode.LookupName:
                    return Sorter.NameOf(raw);
                default:
                    return ValueComparer.ToKey(ValueKind, raw);
            }
        }
    }
}
