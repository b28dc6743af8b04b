using System;
using System.Activities;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Emulator.Workflow
{
    /// <summary>One argument property of a custom workflow activity, with the names the step designer uses.</summary>
    internal sealed class ActivityParameter
    {
        public string PropertyName;
        public string InputName;
        public string OutputName;
        public Type ValueType;
        public System.Activities.ArgumentDirection Direction;
        public string ReferenceTarget;
        public DefaultAttribute Default;

        public bool IsInput => Direction != System.Activities.ArgumentDirection.Out;
        public bool IsOutput => Direction != System.Activities.ArgumentDirection.In;
        public string DisplayInputName => InputName ?? PropertyName;
    }

    /// <summary>Reads an activity type's arguments once and converts step values to the arguments' types.</summary>
    internal static class ActivityParameters
    {
        private static readonly ConcurrentDictionary<Type, IReadOnlyList<ActivityParameter>> Cache =
            new ConcurrentDictionary<Type, IReadOnlyList<ActivityParameter>>();

        public static IReadOnlyList<ActivityParameter> Of(Type activityType) => Cache.GetOrAdd(activityType, Read);

        /// <summary>The input a step value is for: [Input] name first, then property name; exact case before any case.</summary>
        public static ActivityParameter FindInput(IReadOnlyList<ActivityParameter> parameters, string key)
        {
            var inputs = parameters.Where(p => p.IsInput).ToList();
            foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
            {
                var match = inputs.FirstOrDefault(p => string.Equals(p.InputName, key, comparison))
                    ?? inputs.FirstOrDefault(p => string.Equals(p.PropertyName, key, comparison));
                if (match != null) return match;
            }
            return null;
        }

        /// <summary>Converts a step value as the platform does for the argument's type, and checks reference targets.</summary>
        public static object Convert(ActivityParameter p, object value)
        {
            var target = Nullable.GetUnderlyingType(p.ValueType) ?? p.ValueType;
            var converted = ConvertTo(target, value, p);
            if (converted is EntityReference reference && p.ReferenceTarget != null
                && !string.Equals(reference.LogicalName, p.ReferenceTarget, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Input '{p.DisplayInputName}' takes a reference to '{p.ReferenceTarget}', not to '{reference.LogicalName}'.");
            }
            return converted;
        }

        /// <summary>The value of [Default("...")], parsed for the argument's type (invariant culture).</summary>
        public static object DefaultValue(ActivityParameter p)
        {
            var text = p.Default.Value;
            var type = Nullable.GetUnderlyingType(p.ValueType) ?? p.ValueType;
            var culture = CultureInfo.InvariantCulture;
            if (type == typeof(string)) return text;
            if (text == null) return null;
            if (type == typeof(bool)) return bool.Parse(text);
            if (type == typeof(int)) return int.Parse(text, culture);
            if (type == typeof(decimal)) return decimal.Parse(text, culture);
            if (type == typeof(double)) return double.Parse(text, culture);
            if (type == typeof(Guid)) return Guid.Parse(text);
            if (type == typeof(DateTime))
                return DateTime.Parse(text, culture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            if (type == typeof(OptionSetValue)) return new OptionSetValue(int.Parse(text, culture));
            if (type == typeof(Money)) return new Money(decimal.Parse(text, culture));
            if (type == typeof(EntityReference)) return new EntityReference(p.Default.EntityName ?? p.ReferenceTarget, Guid.Parse(text));
            throw new NotSupportedException($"[Default] is not supported for input '{p.DisplayInputName}' of type {type.Name}.");
        }

        private static object ConvertTo(Type target, object value, ActivityParameter p)
        {
            if (value == null || target.IsInstanceOfType(value)) return value;
            switch (value)
            {
                case int number when target == typeof(OptionSetValue): return new OptionSetValue(number);
                case OptionSetValue option when target == typeof(int): return option.Value;
                case Money money when target == typeof(decimal): return money.Value;
                case Entity entity when target == typeof(EntityReference): return entity.ToEntityReference();
                case Guid id when target == typeof(EntityReference) && p.ReferenceTarget != null:
                    return new EntityReference(p.ReferenceTarget, id);
            }
            if (target == typeof(Money) && value is IConvertible)
                return new Money(System.Convert.ToDecimal(value, CultureInfo.InvariantCulture));
            if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target) && target != typeof(string))
            {
                try
                {
                    return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
                }
                catch (Exception e) when (e is FormatException || e is InvalidCastException || e is OverflowException)
                {
                    // Reported below with the input's name.
                }
            }
            throw new ArgumentException(
                $"Input '{p.DisplayInputName}' takes {target.Name}; a value of type {value.GetType().Name} cannot be converted.");
        }

        private static IReadOnlyList<ActivityParameter> Read(Type type)
        {
            var list = new List<ActivityParameter>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            // Most derived first, so a property hidden with 'new' (e.g. Result) is taken from the derived class.
            for (var current = type; current != null && current != typeof(object); current = current.BaseType)
            {
                foreach (var property in current.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                {
                    if (!typeof(Argument).IsAssignableFrom(property.PropertyType) || !seen.Add(property.Name)) continue;
                    if (!TryDirection(property.PropertyType, out var direction, out var valueType)) continue;
                    list.Add(new ActivityParameter
                    {
                        PropertyName = property.Name,
                        InputName = property.GetCustomAttribute<InputAttribute>()?.Name,
                        OutputName = property.GetCustomAttribute<OutputAttribute>()?.Name,
                        ValueType = valueType,
                        Direction = direction,
                        ReferenceTarget = property.GetCustomAttribute<ReferenceTargetAttribute>()?.EntityName,
                        Default = property.GetCustomAttribute<DefaultAttribute>(),
                    });
                }
            }
            return list;
        }

        private static bool TryDirection(Type propertyType, out System.Activities.ArgumentDirection direction, out Type valueType)
        {
            direction = System.Activities.ArgumentDirection.In;
            valueType = null;
            if (!propertyType.IsGenericType) return false;
            var definition = propertyType.GetGenericTypeDefinition();
            if (definition == typeof(InArgument<>)) direction = System.Activities.ArgumentDirection.In;
            else if (definition == typeof(OutArgument<>)) direction = System.Activities.ArgumentDirection.Out;
            else if (definition == typeof(InOutArgument<>)) direction = System.Activities.ArgumentDirection.InOut;
            else return false;
            valueType = propertyType.GetGenericArguments()[0];
            return true;
        }
    }
}
