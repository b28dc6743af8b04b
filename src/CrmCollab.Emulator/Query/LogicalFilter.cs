using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Query
{
    /// <summary>Two or more filters AND-ed or OR-ed, tested in order and stopping at the first that decides.</summary>
    internal sealed class LogicalFilter : RowFilter
    {
        private readonly List<RowFilter> _parts;
        private readonly bool _any;

        /// <param name="parts">Owned by the filter from now on (the compiler builds a list per filter).</param>
        public LogicalFilter(List<RowFilter> parts, bool any)
        {
            _parts = parts;
            _any = any;
        }

        public override bool Matches(Entity[] row)
        {
            var parts = _parts;
            for (int i = 0; i < parts.Count; i++)
                if (parts[i].Matches(row) == _any) return _any;
            return !_any;
        }
    }
}
