using System;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// Condition values as part of a <see cref="QueryKey"/>: the scalar kinds plugins pass (text, ids, numbers, dates,
    /// yes/no, choices, references, money), equal only when of the same type with the same content (a date's kind
    /// and a decimal's scale included), so a cached plan never stands for a query whose values would compile
    /// differently. Any other value makes the query compile on its own.
    /// </summary>
    internal static class QueryValues
    {
        public static bool TryHash(object value, ref HashCode h)
        {
            switch (value)
            {
                case string text:
                    h.Add(TextHash(text));
                    return true;
                case Guid _: case int _: case long _: case bool _: case double _:
                    h.Add(value);
                    return true;
                case decimal number:
                    h.Add(number);
                    h.Add(number.Scale);
                    return true;
                case DateTime date:
                    h.Add(date.Ticks);
                    h.Add(date.Kind);
                    return true;
                case OptionSetValue option:
                    h.Add(option.Value);
                    return true;
                case EntityReference reference:
                    h.Add(reference.Id);
                    h.Add(reference.LogicalName);
                    return true;
                case Money money:
                    h.Add(money.Value);
                    h.Add(money.Value.Scale);
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// A hash of a name or text from its length and three of its characters: a key holds dozens of names, and a full
        /// string hash of each cost more than compiling saved. Names that share it are told apart by <see cref="Same"/>.
        /// </summary>
        public static int TextHash(string text) =>
            text == null ? 0 : text.Length == 0 ? 1 : text.Length ^ (text[0] << 8) ^ (text[text.Length / 2] << 16) ^ (text[text.Length - 1] << 24);

        /// <summary>True when two values (each accepted by <see cref="TryHash"/>) are the same key part.</summary>
        public static bool Same(object a, object b)
        {
            if (a.GetType() != b.GetType()) return false;
            switch (a)
            {
                case decimal x: return x == (decimal)b && x.Scale == ((decimal)b).Scale;
                case DateTime x: return x.Ticks == ((DateTime)b).Ticks && x.Kind == ((DateTime)b).Kind;
                case OptionSetValue x: return x.Value == ((OptionSetValue)b).Value;
                case EntityReference x:
                    var y = (EntityReference)b;
                    return x.Id == y.Id && x.LogicalName == y.LogicalName && x.Name == y.Name;
                case Money x: return x.Value == ((Money)b).Value && x.Value.Scale == ((Money)b).Value.Scale;
                default: return a.Equals(b); // string, Guid, int, long, bool, double
            }
        }

        /// <summary>A copy the caller cannot change later (the SDK's value objects are mutable).</summary>
        public static object Copy(object value)
        {
            switch (value)
            {
                case OptionSetValue option: return new OptionSetValue(option.Value);
                case EntityReference reference: return new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name };
                case Money money: return new Money(money.Value);
                default: return value; // immutable
            }
        }
    }
}
