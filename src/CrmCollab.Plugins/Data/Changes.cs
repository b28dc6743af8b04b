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
        public static IReadOnlyList<string> Of(Entity target, Entity before, IEnumerable<string> columns) =>
            columns.Where(c => target.Contains(c) && !Same(target[c], before != null && before.Contains(c) ? before[c] : null)).ToArray();

        public static bool Same(object a, object b) => Equals(Plain(a), Plain(b));

        private static object Plain(object value)
        {
            switch (value)
            {
                case Money money: return money.Value;
                case OptionSetValue option: return option.Value;
                // The record, not just its id: a polymorphic lookup (regarding, customer) retargeted to a row of another
                // table that carries the same id is a change.
                case EntityReference reference: return ((reference.LogicalName ?? "").ToLowerInvariant(), reference.Id);
                case string text when text.Trim().Length == 0: return null;
                default: return value;
            }
        }
    }
}
