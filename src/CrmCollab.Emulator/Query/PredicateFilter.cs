using System;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// A test kept as a delegate: the operators plugins seldom use (like, date ranges, user and team identity,
    /// multi-select choices, column comparisons) are not worth a class each.
    /// </summary>
    internal sealed class PredicateFilter : RowFilter
    {
        private readonly Func<Entity[], bool> _test;

        public PredicateFilter(Func<Entity[], bool> test)
        {
            _test = test;
        }

        public override bool Matches(Entity[] row) => _test(row);
    }
}
