using System;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Data
{
    /// <summary>
    /// Checked reads of a row's columns. A Target comes from the client, before the platform checks its types, so a
    /// wrong-typed value (a text where a lookup is expected) must become a sentence the user can act on — never an
    /// "Unexpected exception from plug-in … InvalidCastException".
    /// </summary>
    public static class TypedValues
    {
        /// <summary>The column's value as <typeparamref name="T"/> (default when absent or null); a refusal when it is of another kind.</summary>
        public static T Read<T>(this Entity row, string column)
        {
            if (row == null || !row.Attributes.TryGetValue(column, out object value) || value == null) return default(T);
            if (value is T typed) return typed;
            Type wanted = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            if (wanted.IsInstanceOfType(value)) return (T)value;
            throw new InvalidPluginExecutionException(new Domain.Refusal(Domain.RefusalCodes.ValueWrongKind,
                $"'{ColumnLabels.Of(column)}' must be {KindOf(wanted)}; the change sent {KindOf(value.GetType())}. Correct the value and save again.").Message);
        }

        /// <summary>What a person calls a kind of value.</summary>
        public static string KindOf(Type type)
        {
            if (type == typeof(EntityReference)) return "a lookup (a reference to a record)";
            if (type == typeof(OptionSetValue)) return "a choice";
            if (type == typeof(OptionSetValueCollection)) return "a set of choices";
            if (type == typeof(Money)) return "an amount";
            if (type == typeof(string)) return "text";
            if (type == typeof(bool)) return "yes or no";
            if (type == typeof(DateTime)) return "a date";
            if (type == typeof(Guid)) return "an identifier";
            if (type == typeof(int) || type == typeof(long)) return "a whole number";
            if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return "a number";
            if (type == typeof(EntityCollection)) return "a list of records";
            return "another kind of value";
        }
    }
}
