using System;
using System.Runtime.InteropServices;
using System.Collections.Generic;
using System.Globalization;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Query
{
    /// <summary>How a column's values compare: the underlying SQL value, not the SDK wrapper.</summary>
    internal enum ValueKind { Guid, Int, Number, String, DateTime, Bool, MultiChoice, Other }

    /// <summary>
    /// Unwraps SDK values (OptionSetValue, EntityReference, Money) and raw condition values to comparable keys, and
    /// compares them as SQL Server would: case-insensitive strings, uniqueidentifier byte order, nulls lowest.
    /// </summary>
    internal static class ValueComparer
    {
        public static ValueKind KindOf(ColumnType type)
        {
            switch (type)
            {
                case ColumnType.Uniqueidentifier: case ColumnType.Lookup: case ColumnType.Owner: case ColumnType.Customer:
                    return ValueKind.Guid;
                case ColumnType.Picklist: case ColumnType.State: case ColumnType.Status:
                    return ValueKind.Int;
                case ColumnType.Integer: case ColumnType.BigInt: case ColumnType.Decimal: case ColumnType.Double: case ColumnType.Money:
                    return ValueKind.Number;
                case ColumnType.String: case ColumnType.Memo: case ColumnType.EntityName:
                    return ValueKind.String;
                case ColumnType.DateTime: return ValueKind.DateTime;
                case ColumnType.Boolean: return ValueKind.Bool;
                case ColumnType.MultiSelectPicklist: return ValueKind.MultiChoice;
                default: return ValueKind.Other;
            }
        }

        public static bool TryGuid(object raw, out Guid value)
        {
            switch (raw)
            {
                case Guid g: value = g; return true;
                case EntityReference r: value = r.Id; return true;
                case Entity e: value = e.Id; return true;
                case string s: return Guid.TryParse(s.Trim(), out value);
                default: value = Guid.Empty; return false;
            }
        }

        public static bool TryInt(object raw, out int value)
        {
            switch (raw)
            {
                case int i: value = i; return true;
                case OptionSetValue o: value = o.Value; return true;
                case long l when l >= int.MinValue && l <= int.MaxValue: value = (int)l; return true;
                case short s: value = s; return true;
                case decimal d when d == Math.Floor(d) && d >= int.MinValue && d <= int.MaxValue: value = (int)d; return true;
                case Enum e: value = Convert.ToInt32(e, CultureInfo.InvariantCulture); return true;
                case string str: return int.TryParse(str.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
                default: value = 0; return false;
            }
        }

        public static bool TryNumber(object raw, out decimal value)
        {
            switch (raw)
            {
                case int i: value = i; return true;
                case decimal d: value = d; return true;
                case long l: value = l; return true;
                case Money m: value = m.Value; return true;
                case double db: return TryDecimal(db, out value);
                case float f: return TryDecimal(f, out value);
                case short s: value = s; return true;
                case OptionSetValue o: value = o.Value; return true;
                case string str:
                    return decimal.TryParse(str.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
                default: value = 0; return false;
            }
        }

        private static bool TryDecimal(double d, out decimal value)
        {
            if (double.IsNaN(d) || double.IsInfinity(d)) { value = 0; return false; }
            if (d >= (double)decimal.MaxValue) { value = decimal.MaxValue; return true; }
            if (d <= (double)decimal.MinValue) { value = decimal.MinValue; return true; }
            value = (decimal)d;
            return true;
        }

        public static bool TryDate(object raw, out DateTime value)
        {
            switch (raw)
            {
                case DateTime dt: value = dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : dt; return true;
                case DateTimeOffset dto: value = dto.UtcDateTime; return true;
                case string s:
                    return DateTime.TryParse(s.Trim(), CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
                default: value = default; return false;
            }
        }

        public static bool TryBool(object raw, out bool value)
        {
            switch (raw)
            {
                case bool b: value = b; return true;
                case int i when i == 0 || i == 1: value = i == 1; return true;
                case string s:
                    s = s.Trim();
                    if (s == "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase)) { value = true; return true; }
                    if (s == "0" || s.Equals("false", StringComparison.OrdinalIgnoreCase)) { value = false; return true; }
                    break;
            }
            value = false;
            return false;
        }

        /// <summary>The comparable key of a value for a column kind; null when absent or not convertible.</summary>
        public static object ToKey(ValueKind kind, object raw)
        {
            if (raw == null) return null;
            switch (kind)
            {
                // A value already of the key's type is its own key: the boxed value is reused, not boxed again.
                case ValueKind.Guid: return raw is Guid ? raw : TryGuid(raw, out var g) ? g : (object)null;
                case ValueKind.Int: return raw is int ? raw : TryInt(raw, out var i) ? i : (object)null;
                case ValueKind.Number: return raw is decimal ? raw : TryNumber(raw, out var d) ? d : (object)null;
                case ValueKind.String: return raw as string ?? Convert.ToString(raw, CultureInfo.InvariantCulture);
                case ValueKind.DateTime: return TryDate(raw, out var dt) ? dt : (object)null;
                case ValueKind.Bool: return raw is bool ? raw : TryBool(raw, out var b) ? b : (object)null;
                default: return KeyOf(raw);
            }
        }

        /// <summary>Kind-free normalisation, for joins, distinct and group keys.</summary>
        public static object KeyOf(object raw)
        {
            switch (raw)
            {
                case null: return null;
                case EntityReference r: return r.Id;
                case OptionSetValue o: return (decimal)o.Value; // same key as a raw int choice value
                case Money m: return m.Value;
                case int i: return (decimal)i;
                case long l: return (decimal)l;
                case double d: return TryDecimal(d, out var dd) ? dd : (object)d;
                case DateTime dt: return dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : dt;
                case OptionSetValueCollection c:
                    var values = new List<int>(c.Count);
                    foreach (var o in c) values.Add(o.Value);
                    values.Sort();
                    return string.Join(",", values);
                default: return raw;
            }
        }

        /// <summary>Total order over keys: nulls first, then by type, then by value.</summary>
        public static int Compare(object a, object b)
        {
            if (a == null) return b == null ? 0 : -1;
            if (b == null) return 1;
            switch (a)
            {
                case string sa when b is string sb:
                    return string.Compare(sa, sb, CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);
                case Guid ga when b is Guid gb: return CompareSqlGuid(ga, gb);
                case int ia when b is int ib: return ia.CompareTo(ib);
                case decimal da when b is decimal db: return da.CompareTo(db);
                case int ia2 when b is decimal db2: return ((decimal)ia2).CompareTo(db2);
                case decimal da2 when b is int ib2: return da2.CompareTo(ib2);
                case DateTime ta when b is DateTime tb: return ta.CompareTo(tb);
                case bool ba when b is bool bb: return ba.CompareTo(bb);
                case double xa when b is double xb: return xa.CompareTo(xb);
            }
            if (a.GetType() == b.GetType() && a is IComparable ca) return ca.CompareTo(b);
            return string.CompareOrdinal(a.GetType().Name, b.GetType().Name);
        }

        public static bool KeyEquals(object a, object b)
        {
            if (a == null || b == null) return false; // SQL: null equals nothing
            if (a is string sa && b is string sb) return string.Equals(sa, sb, StringComparison.OrdinalIgnoreCase);
            return Compare(a, b) == 0;
        }

        // SQL Server orders uniqueidentifier by bytes 10-15, then 8-9, 6-7, 4-5, 0-3 (each group as stored).
        private static readonly int[] SqlGuidOrder = { 10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3 };

        public static int CompareSqlGuid(Guid a, Guid b)
        {
            if (a == b) return 0;
            if (!BitConverter.IsLittleEndian) return CompareSqlGuidBytes(a, b);
            // On a little-endian machine a Guid's memory is its byte form: the groups compared where they lie, no copies.
            ReadOnlySpan<byte> x = MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref a, 1));
            ReadOnlySpan<byte> y = MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref b, 1));
            int c = x.Slice(10, 6).SequenceCompareTo(y.Slice(10, 6));
            if (c == 0) c = x.Slice(8, 2).SequenceCompareTo(y.Slice(8, 2));
            if (c == 0) c = x.Slice(6, 2).SequenceCompareTo(y.Slice(6, 2));
            if (c == 0) c = x.Slice(4, 2).SequenceCompareTo(y.Slice(4, 2));
            if (c == 0) c = x.Slice(0, 4).SequenceCompareTo(y.Slice(0, 4));
            return c;
        }

        private static int CompareSqlGuidBytes(Guid a, Guid b)
        {
            Span<byte> x = stackalloc byte[16];
            Span<byte> y = stackalloc byte[16];
            a.TryWriteBytes(x);
            b.TryWriteBytes(y);
            foreach (int i in SqlGuidOrder)
            {
                if (x[i] != y[i]) return x[i].CompareTo(y[i]);
            }
            return 0;
        }

        /// <summary>Copies mutable SDK values so a result never shares state with the store.</summary>
        public static object Clone(object value)
        {
            if (value is string || value is ValueType) return value; // the common case, before the type tests
            switch (value)
            {
                case EntityReference r:
                    var copy = new EntityReference(r.LogicalName, r.Id) { Name = r.Name, RowVersion = r.RowVersion };
                    if (Store.EntityParts.HasKeys(r)) // nearly always empty: no enumerator made, nor an empty collection on the source
                        foreach (var k in r.KeyAttributes) copy.KeyAttributes[k.Key] = k.Value;
                    return copy;
                case OptionSetValue o: return new OptionSetValue(o.Value);
                case Money m: return new Money(m.Value);
                case OptionSetValueCollection c:
                    var list = new OptionSetValueCollection();
                    foreach (var o in c) list.Add(o == null ? null : new OptionSetValue(o.Value));
                    return list;
                case EntityCollection ec:
                    var entities = new List<Entity>(ec.Entities.Count);
                    foreach (var e in ec.Entities) entities.Add(CloneEntity(e));
                    return new EntityCollection(entities) { EntityName = ec.EntityName };
                case byte[] bytes: return (byte[])bytes.Clone();
                default: return value;
            }
        }

        private static Entity CloneEntity(Entity source)
        {
            if (source == null) return null;
            var e = new Entity(source.LogicalName, source.Id);
            foreach (var a in source.Attributes) e.Attributes[a.Key] = Clone(a.Value);
            return e;
        }
    }

    /// <summary>Equality over normalised keys (case-insensitive strings), for hash joins and grouping.</summary>
    internal sealed class KeyEqualityComparer : IEqualityComparer<object>
    {
        public static readonly KeyEqualityComparer Instance = new KeyEqualityComparer();

        public new bool Equals(object x, object y)
        {
            if (x == null || y == null) return x == null && y == null;
            if (x is string sx && y is string sy) return string.Equals(sx, sy, StringComparison.OrdinalIgnoreCase);
            return x.Equals(y);
        }

        public int GetHashCode(object obj) =>
            obj == null ? 0 : obj is string s ? StringComparer.OrdinalIgnoreCase.GetHashCode(s) : obj.GetHashCode();
    }

    /// <summary>Equality of composite keys (object arrays) with <see cref="KeyEqualityComparer"/> per element.</summary>
    internal sealed class KeyArrayComparer : IEqualityComparer<object[]>
    {
        public static readonly KeyArrayComparer Instance = new KeyArrayComparer();

        public bool Equals(object[] x, object[] y)
        {
            if (x.Length != y.Length) return false;
            for (int i = 0; i < x.Length; i++)
                if (!KeyEqualityComparer.Instance.Equals(x[i], y[i])) return false;
            return true;
        }

        public int GetHashCode(object[] obj)
        {
            int hash = 17;
            foreach (var o in obj) hash = unchecked(hash * 31 + KeyEqualityComparer.Instance.GetHashCode(o));
            return hash;
        }
    }
}
