using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Data
{
    /// <summary>
    /// What an Update really changes: the columns of its Target whose value differs from the row before it. An import
    /// re-sending today's value changes nothing, so guards do not refuse it.
    /// </summary>
    public static class Changes
    {
        /// <param name="before">The pre-image (it must carry <paramref name="columns"/>); null: everything sent is a change.</param>
        public static IReadOnlyList<string> Of(Entity target, Entity before, IEnumerable<string> columns) => Of(target, before, columns, null);

        /// <param name="dateOnly">Columns of Date Only behaviour: Dataverse stores their date alone ("the time portion is not
        /// stored", Microsoft Learn "Behavior and format of the Date and Time column"; DateTimeBehavior.DateOnly "stores the
        /// date value with the time value as 12:00 AM"), so a value sent at another time of the same day changes nothing.</param>
        public static IReadOnlyList<string> Of(Entity target, Entity before, IEnumerable<string> columns, ICollection<string> dateOnly)
        {
            // A loop, not a query: guards ask this on most saves, and most saves change none of the columns asked about.
            List<string> changed = null;
            foreach (string c in columns)
            {
                if (!target.Contains(c) || Same(AsStored(c, target[c], dateOnly), AsStored(c, before != null && before.Contains(c) ? before[c] : null, dateOnly)))
                    continue;
                (changed ?? (changed = new List<string>())).Add(c);
            }
            return changed == null ? NoColumns : changed.ToArray();
        }

        private static readonly string[] NoColumns = new string[0];

        private static object AsStored(string column, object value, ICollection<string> dateOnly) =>
            value is DateTime date && dateOnly != null && dateOnly.Contains(column) ? date.Date : value;

        public static bool Same(object a, object b)
        {
            // The commonest pairs compared as Plain reads them, without boxing or wrapping either side.
            switch (a)
            {
                case EntityReference x when b is EntityReference y:
                    return x.Id == y.Id && string.Equals(x.LogicalName ?? "", y.LogicalName ?? "", StringComparison.OrdinalIgnoreCase);
                case OptionSetValue x when b is OptionSetValue y:
                    return x.Value == y.Value;
                case Money x when b is Money y:
                    return x.Value == y.Value;
                default:
                    return Equals(Plain(a), Plain(b));
            }
        }

        private static object Plain(object value)
        {
            switch (value)
            {
                case Money money: return money.Value;
                case OptionSetValue option: return option.Value;
                // The record, not just its id: a polymorphic lookup (regarding, customer) retargeted to a row of another
                // table that carries the same id is a change.
                case EntityReference reference: return new Record(reference.LogicalName, reference.Id);
                case string text when text.Trim().Length == 0: return null;
                default: return value;
            }
        }

        /// <summary>A lookup's record: its table (as Dataverse spells logical names, in any case) and its id.</summary>
        private sealed class Record
        {
            private readonly string _table;
            private readonly System.Guid _id;

            public Record(string table, System.Guid id)
            {
                _table = table ?? "";
                _id = id;
            }

            public override bool Equals(object other) =>
                other is Record record && record._id == _id && string.Equals(record._table, _table, System.StringComparison.OrdinalIgnoreCase);

            public override int GetHashCode() => _id.GetHashCode();
        }
    }
}
