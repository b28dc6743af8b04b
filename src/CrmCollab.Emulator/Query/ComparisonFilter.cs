using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// eq, ne, gt, ge, lt, le, between, not-between, in and not-in on a column, with the condition values already
    /// converted to the column's underlying type. The conversion and comparison delegates are static (cached by the
    /// compiler), so a condition costs this one object. A row whose value is null or cannot be converted matches
    /// nothing (SQL semantics, also for ne and not-in).
    /// </summary>
    internal sealed class ComparisonFilter<T> : RowFilter
    {
        private readonly ColumnReader _column;
        private readonly ValueExtractor<T> _extract;
        private readonly Func<T, T, bool> _equal;
        private readonly Comparison<T> _compare;
        private readonly ConditionOperator _op;
        private readonly T _first;
        private readonly T _second;
        private readonly HashSet<T> _set;

        /// <param name="first">The value compared with (the low bound of between).</param>
        /// <param name="second">The high bound of between.</param>
        /// <param name="inSet">The values of in / not-in (at least one); null for the other operators.</param>
        public ComparisonFilter(ColumnReader column, ValueExtractor<T> extract, Func<T, T, bool> equal, Comparison<T> compare,
            IEqualityComparer<T> setComparer, ConditionOperator op, T first, T second, T[] inSet)
        {
            _column = column;
            _extract = extract;
            _equal = equal;
            _compare = compare;
            _op = op;
            _first = first;
            _second = second;
            if (op == ConditionOperator.In || op == ConditionOperator.NotIn)
                _set = new HashSet<T>(inSet, setComparer ?? EqualityComparer<T>.Default);
        }

        public override bool Matches(Entity[] row)
        {
            if (!_extract(_column.Read(row), out T v)) return false;
            switch (_op)
            {
                case ConditionOperator.Equal: return _equal(v, _first);
                case ConditionOperator.NotEqual: return !_equal(v, _first);
                case ConditionOperator.GreaterThan: return _compare(v, _first) > 0;
                case ConditionOperator.GreaterEqual: return _compare(v, _first) >= 0;
                case ConditionOperator.LessThan: return _compare(v, _first) < 0;
                case ConditionOperator.LessEqual: return _compare(v, _first) <= 0;
                case ConditionOperator.Between: return _compare(v, _first) >= 0 && _compare(v, _second) <= 0;
                case ConditionOperator.NotBetween: return !(_compare(v, _first) >= 0 && _compare(v, _second) <= 0);
                case ConditionOperator.In: return _set.Contains(v);
                default: return !_set.Contains(v); // NotIn
            }
        }
    }
}
