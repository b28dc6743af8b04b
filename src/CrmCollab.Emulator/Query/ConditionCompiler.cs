using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// Compiles one ConditionExpression into a typed <see cref="RowFilter"/>: condition values are converted once to the
    /// column's underlying type (int for a choice, Guid for a lookup, decimal for money...), rows are unwrapped without boxing.
    /// SQL semantics: a null column value satisfies no comparison (also not ne / not-in / not-like).
    /// </summary>
    internal sealed class ConditionCompiler
    {
        private readonly QueryPlan _plan;
        private readonly QueryContext _context;

        public ConditionCompiler(QueryPlan plan, QueryContext context)
        {
            _plan = plan;
            _context = context;
        }

        public RowFilter Compile(ConditionExpression condition, Slot defaultSlot, ref SlotUse slots)
        {
            var slot = _plan.ResolveSlot(condition.EntityName, defaultSlot);
            var column = _plan.Column(slot, condition.AttributeName);
            slots.Add(slot.Index);
            string name = column.LogicalName;
            var reader = new ColumnReader(slot, name);
            var op = condition.Operator;
            var values = Flatten(condition.Values);
            var kind = ValueComparer.KindOf(column.Type);
            var label = new ColumnLabel(slot.Table.LogicalName, name);

            if (op == ConditionOperator.Null) return new NullFilter(reader, true);
            if (op == ConditionOperator.NotNull) return new NullFilter(reader, false);
            if (op == ConditionOperator.Equal || op == ConditionOperator.NotEqual
                || op == ConditionOperator.GreaterThan || op == ConditionOperator.GreaterEqual
                || op == ConditionOperator.LessThan || op == ConditionOperator.LessEqual
                || op == ConditionOperator.In || op == ConditionOperator.NotIn
                || op == ConditionOperator.Between || op == ConditionOperator.NotBetween)
            {
                if (!condition.CompareColumns) return CompileComparison(kind, reader, op, values, label);
            }
            // The rarer operators keep their delegates; the column read is a closure made only for them.
            return new PredicateFilter(CompileOther(condition, slot, column, kind, ReadDelegate(reader), op, values, label));
        }

        // Its own method: a lambda capturing a local of Compile would make the closure on every Compile call.
        private static Func<Entity[], object> ReadDelegate(ColumnReader reader) => row => reader.Read(row);

        private Func<Entity[], bool> CompileOther(ConditionExpression condition, Slot slot, ColumnDefinition column, ValueKind kind,
            Func<Entity[], object> read, ConditionOperator op, IList<object> values, ColumnLabel label)
        {
            if (condition.CompareColumns) return CompileColumnComparison(slot, column, kind, read, op, values, label);
            if (DateRanges.IsDateOperator(op)) return CompileDate(kind, read, op, values, label);

            switch (op)
            {
                case ConditionOperator.Like: case ConditionOperator.NotLike:
                case ConditionOperator.BeginsWith: case ConditionOperator.DoesNotBeginWith:
                case ConditionOperator.EndsWith: case ConditionOperator.DoesNotEndWith:
                case ConditionOperator.Contains: case ConditionOperator.DoesNotContain:
                    return CompileLike(kind, read, op, values, label);
                case ConditionOperator.EqualUserId: case ConditionOperator.NotEqualUserId:
                case ConditionOperator.EqualBusinessId: case ConditionOperator.NotEqualBusinessId:
                case ConditionOperator.EqualUserTeams: case ConditionOperator.EqualUserOrUserTeams:
                    return CompileIdentity(kind, read, op, label);
                case ConditionOperator.ContainValues: case ConditionOperator.DoesNotContainValues:
                    return CompileMultiChoice(kind, read, op, values, label);
                default:
                    throw QueryFaults.Unsupported($"The condition operator '{op}' is not supported by the emulator's query engine.");
            }
        }

        private static RowFilter CompileComparison(ValueKind kind, ColumnReader reader, ConditionOperator op, IList<object> values, ColumnLabel label)
        {
            switch (kind)
            {
                case ValueKind.Guid:
                    return Typed<Guid>(reader, ValueComparer.TryGuid, (a, b) => a == b, ValueComparer.CompareSqlGuid, null, op, values, label, "System.Guid");
                case ValueKind.Int:
                    return Typed<int>(reader, ValueComparer.TryInt, (a, b) => a == b, (a, b) => a.CompareTo(b), null, op, values, label, "System.Int32");
                case ValueKind.Number:
                    return Typed<decimal>(reader, ValueComparer.TryNumber, (a, b) => a == b, (a, b) => a.CompareTo(b), null, op, values, label, "System.Decimal");
                case ValueKind.DateTime:
                    return Typed<DateTime>(reader, ValueComparer.TryDate, (a, b) => a == b, (a, b) => a.CompareTo(b), null, op, values, label, "System.DateTime");
                case ValueKind.Bool:
                    return Typed<bool>(reader, ValueComparer.TryBool, (a, b) => a == b, (a, b) => a.CompareTo(b), null, op, values, label, "System.Boolean");
                case ValueKind.String:
                    return Typed<string>(reader, TryString, (a, b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase),
                        (a, b) => string.Compare(a, b, CultureInfo.InvariantCulture, CompareOptions.IgnoreCase),
                        StringComparer.OrdinalIgnoreCase, op, values, label, "System.String");
                case ValueKind.MultiChoice when op == ConditionOperator.Equal || op == ConditionOperator.NotEqual:
                    return MultiChoiceEquals(reader, op, values, label);
                default:
                    throw QueryFaults.Unsupported($"Condition for attribute '{label}': operator '{op}' is not supported on this column type.");
            }
        }

        // Its own method: the closure's captures would otherwise be allocated on every CompileComparison call.
        private static RowFilter MultiChoiceEquals(ColumnReader reader, ConditionOperator op, IList<object> values, ColumnLabel label)
        {
            var wanted = string.Join(",", values.Select(v => ToInt(v, label)).Distinct().OrderBy(v => v));
            bool equal = op == ConditionOperator.Equal;
            return new PredicateFilter(row => reader.Read(row) is OptionSetValueCollection c && (ValueComparer.KeyOf(c) as string == wanted) == equal);
        }

        private static bool TryString(object raw, out string value)
        {
            value = raw as string ?? (raw == null ? null : Convert.ToString(raw, CultureInfo.InvariantCulture));
            return value != null;
        }

        private static RowFilter Typed<T>(ColumnReader reader, ValueExtractor<T> extract, Func<T, T, bool> eq,
            Comparison<T> cmp, IEqualityComparer<T> setComparer, ConditionOperator op, IList<object> values, ColumnLabel label, string typeName)
        {
            int expected = op == ConditionOperator.Between || op == ConditionOperator.NotBetween ? 2
                : op == ConditionOperator.In || op == ConditionOperator.NotIn ? -1 : 1;
            // Every value is converted (a bad one faults before a wrong count does); only "in" keeps them all.
            var operands = expected < 0 ? new T[values.Count] : null;
            T first = default, second = default;
            for (int i = 0; i < values.Count; i++)
            {
                if (values[i] == null || !extract(values[i], out T operand))
                    throw QueryFaults.Invalid($"Condition for attribute '{label}': expected argument(s) of type '{typeName}' but received '{values[i]?.GetType().FullName ?? "null"}'.");
                if (operands != null) operands[i] = operand;
                if (i == 0) first = operand;
                else if (i == 1) second = operand;
            }
            if (expected > 0 && values.Count != expected || expected < 0 && values.Count == 0)
                throw QueryFaults.Invalid($"Condition for attribute '{label}': operator '{op}' expects {(expected < 0 ? "at least one value" : expected + " value(s)")} but received {values.Count}.");
            return new ComparisonFilter<T>(reader, extract, eq, cmp, setComparer, op, first, second, operands);
        }

        private Func<Entity[], bool> CompileDate(ValueKind kind, Func<Entity[], object> read, ConditionOperator op, IList<object> values, ColumnLabel label)
        {
            if (kind != ValueKind.DateTime)
                throw QueryFaults.Invalid($"Condition for attribute '{label}': the operator '{op}' is only valid on date and time columns.");
            int x = 0;
            DateTime date = default;
            if (DateRanges.TakesCount(op))
            {
                if (values.Count != 1 || !ValueComparer.TryInt(values[0], out x))
                    throw QueryFaults.Invalid($"Condition for attribute '{label}': operator '{op}' expects one integer value.");
            }
            else if (DateRanges.TakesDate(op))
            {
                if (values.Count != 1 || !ValueComparer.TryDate(values[0], out date))
                    throw QueryFaults.Invalid($"Condition for attribute '{label}': operator '{op}' expects one date value.");
            }
            var range = DateRanges.Range(op, _context.UtcNow, x, date);
            bool inside = op != ConditionOperator.NotOn;
            return row => ValueComparer.TryDate(read(row), out var v) && range.Contains(v) == inside;
        }

        private static Func<Entity[], bool> CompileLike(ValueKind kind, Func<Entity[], object> read, ConditionOperator op, IList<object> values, ColumnLabel label)
        {
            if (kind != ValueKind.String)
                throw QueryFaults.Invalid($"Condition for attribute '{label}': the operator '{op}' is only valid on text columns.");
            if (values.Count == 0)
                throw QueryFaults.Invalid($"Condition for attribute '{label}': operator '{op}' expects a value.");
            string prefix = "", suffix = "";
            bool negate = false;
            switch (op)
            {
                case ConditionOperator.NotLike: negate = true; break;
                case ConditionOperator.BeginsWith: suffix = "%"; break;
                case ConditionOperator.DoesNotBeginWith: suffix = "%"; negate = true; break;
                case ConditionOperator.EndsWith: prefix = "%"; break;
                case ConditionOperator.DoesNotEndWith: prefix = "%"; negate = true; break;
                // Contains is full-text search on the server; the emulator approximates it with LIKE '%value%'.
                case ConditionOperator.Contains: prefix = suffix = "%"; break;
                case ConditionOperator.DoesNotContain: prefix = suffix = "%"; negate = true; break;
            }
            var matchers = values.Select(v => new LikeMatcher(prefix + Convert.ToString(v, CultureInfo.InvariantCulture) + suffix)).ToArray();
            return row =>
            {
                if (!(read(row) is string text)) return false;
                bool any = false;
                foreach (var m in matchers) if (m.IsMatch(text)) { any = true; break; }
                return any != negate;
            };
        }

        private Func<Entity[], bool> CompileIdentity(ValueKind kind, Func<Entity[], object> read, ConditionOperator op, ColumnLabel label)
        {
            if (kind != ValueKind.Guid)
                throw QueryFaults.Invalid($"Condition for attribute '{label}': the operator '{op}' is only valid on lookup and id columns.");
            var user = _context.UserId;
            var business = _context.BusinessUnitId;
            var teams = new HashSet<Guid>(_context.UserTeamIds ?? Array.Empty<Guid>());
            switch (op)
            {
                case ConditionOperator.EqualUserId: return row => ValueComparer.TryGuid(read(row), out var g) && g == user;
                case ConditionOperator.NotEqualUserId: return row => ValueComparer.TryGuid(read(row), out var g) && g != user;
                case ConditionOperator.EqualBusinessId: return row => ValueComparer.TryGuid(read(row), out var g) && g == business;
                case ConditionOperator.NotEqualBusinessId: return row => ValueComparer.TryGuid(read(row), out var g) && g != business;
                case ConditionOperator.EqualUserTeams: return row => ValueComparer.TryGuid(read(row), out var g) && teams.Contains(g);
                default: return row => ValueComparer.TryGuid(read(row), out var g) && (g == user || teams.Contains(g));
            }
        }

        private static Func<Entity[], bool> CompileMultiChoice(ValueKind kind, Func<Entity[], object> read, ConditionOperator op, IList<object> values, ColumnLabel label)
        {
            if (kind != ValueKind.MultiChoice)
                throw QueryFaults.Invalid($"Condition for attribute '{label}': the operator '{op}' is only valid on multi-select choice columns.");
            var set = new HashSet<int>(values.Select(v => ToInt(v, label)));
            bool contain = op == ConditionOperator.ContainValues;
            return row =>
            {
                bool any = read(row) is OptionSetValueCollection c && c.Any(o => o != null && set.Contains(o.Value));
                return any == contain;
            };
        }

        private Func<Entity[], bool> CompileColumnComparison(Slot slot, ColumnDefinition column, ValueKind kind,
            Func<Entity[], object> read, ConditionOperator op, IList<object> values, ColumnLabel label)
        {
            if (values.Count != 1 || !(values[0] is string otherName))
                throw QueryFaults.Invalid($"Condition for attribute '{label}': a column comparison expects one column name.");
            int dot = otherName.IndexOf('.');
            var otherSlot = dot > 0 ? _plan.ResolveSlot(otherName.Substring(0, dot), slot) : slot;
            var other = _plan.Column(otherSlot, dot > 0 ? otherName.Substring(dot + 1) : otherName);
            int otherIndex = otherSlot.Index;
            string otherColumn = other.LogicalName;
            Func<Entity[], object> readOther = row => otherSlot.Read(row[otherIndex], otherColumn);
            Func<int, bool> test;
            switch (op)
            {
                case ConditionOperator.Equal: test = c => c == 0; break;
                case ConditionOperator.NotEqual: test = c => c != 0; break;
                case ConditionOperator.GreaterThan: test = c => c > 0; break;
                case ConditionOperator.GreaterEqual: test = c => c >= 0; break;
                case ConditionOperator.LessThan: test = c => c < 0; break;
                case ConditionOperator.LessEqual: test = c => c <= 0; break;
                default: throw QueryFaults.Invalid($"Condition for attribute '{label}': operator '{op}' cannot compare columns.");
            }
            return row =>
            {
                var a = ValueComparer.ToKey(kind, read(row));
                var b = ValueComparer.ToKey(kind, readOther(row));
                if (a == null || b == null) return false;
                return test(a is string sa && b is string sb ? string.Compare(sa, sb, StringComparison.OrdinalIgnoreCase) : ValueComparer.Compare(a, b));
            };
        }

        private static int ToInt(object value, ColumnLabel label) =>
            ValueComparer.TryInt(value, out int i) ? i
                : throw QueryFaults.Invalid($"Condition for attribute '{label}': expected argument(s) of type 'System.Int32' but received '{value?.GetType().FullName ?? "null"}'.");

        /// <summary>
        /// Values may arrive as one array (In with an int[] / Guid[]), as the server accepts. Nearly always they are
        /// plain values: then the condition's own collection is read as it is (it is only read while compiling).
        /// </summary>
        private static IList<object> Flatten(IList<object> values)
        {
            bool nested = false;
            for (int i = 0; i < values.Count && !nested; i++) nested = IsNested(values[i]);
            if (!nested) return values;
            var list = new List<object>();
            foreach (var value in values)
            {
                if (value is IList inner && !(value is string) && !(value is byte[]) && !(value is OptionSetValueCollection))
                    foreach (var item in inner) list.Add(item);
                else if (value is OptionSetValueCollection osc)
                    foreach (var item in osc) list.Add(item);
                else list.Add(value);
            }
            return list;
        }

        private static bool IsNested(object value) =>
            value is OptionSetValueCollection || (value is IList && !(value is string) && !(value is byte[]));
    }
}
