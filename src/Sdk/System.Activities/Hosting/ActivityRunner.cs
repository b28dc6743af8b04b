using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace System.Activities.Hosting
{
    /// <summary>
    /// Runs one CodeActivity or CodeActivity&lt;TResult&gt; for <see cref="WorkflowInvoker"/>, as the runtime runs a root
    /// activity: arguments are the activity's public Argument-typed properties, bound by property name; inputs fill
    /// In/InOut arguments; after Execute the values of Out/InOut arguments (and "Result") are returned.
    /// </summary>
    internal static class ActivityRunner
    {
        private const string RootInstanceId = "1";

        /// <summary>
        /// Exceptions thrown by Execute propagate unchanged. Throws ArgumentException for an input that names no
        /// In/InOut argument and InvalidWorkflowException for a [RequiredArgument] input left without a value.
        /// </summary>
        internal static IDictionary<string, object> Run(
            Activity activity, IDictionary<string, object> inputs, IList<object> extensions, Guid workflowInstanceId)
        {
            inputs = inputs ?? new Dictionary<string, object>();
            Dictionary<string, Argument> arguments = BindArguments(activity);

            var unknown = inputs.Keys
                .Where(name => !arguments.TryGetValue(name, out Argument a) || a.Direction == ArgumentDirection.Out)
                .ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException(
                    "The following keys from the input dictionary do not map to In or InOut arguments of activity '"
                    + activity.DisplayName + "' and must be removed: " + string.Join(", ", unknown) + ".",
                    nameof(inputs));
            }

            var values = new Dictionary<Argument, object>();
            foreach (KeyValuePair<string, Argument> pair in arguments)
            {
                Argument argument = pair.Value;
                if (argument.Direction != ArgumentDirection.Out && inputs.TryGetValue(pair.Key, out object input))
                {
                    values[argument] = argument.Coerce(input);
                }
                else if (argument.HasConstantValue)
                {
                    values[argument] = argument.ConstantValue;
                }
                else
                {
                    if (argument.Direction != ArgumentDirection.Out && IsRequired(activity, pair.Key))
                    {
                        throw new InvalidWorkflowException(
                            "Value for a required activity argument '" + pair.Key + "' was not supplied.");
                    }

                    values[argument] = argument.Coerce(null);
                }
            }

            if (activity.Id == null)
            {
                activity.Id = RootInstanceId;
            }

            var context = new CodeActivityContext(activity, values, extensions, RootInstanceId, workflowInstanceId);
            try
            {
                object result = activity.ExecuteCore(context);
                if (activity is ActivityWithResult withResult && withResult.Result != null)
                {
                    context.SetValue((Argument)withResult.Result, result);
                }
            }
            finally
            {
                context.Dispose();
            }

            var outputs = new Dictionary<string, object>();
            foreach (KeyValuePair<string, Argument> pair in arguments)
            {
                if (pair.Value.Direction != ArgumentDirection.In)
                {
                    outputs[pair.Key] = values[pair.Value];
                }
            }

            return outputs;
        }

        /// <summary>
        /// The activity's arguments by property name. A null argument property is given a new argument, as the
        /// runtime does when it caches an activity's metadata, so that Execute can always read and write it.
        /// </summary>
        private static Dictionary<string, Argument> BindArguments(Activity activity)
        {
            var arguments = new Dictionary<string, Argument>(StringComparer.Ordinal);
            lock (activity)
            {
                foreach (PropertyInfo property in ArgumentProperties(activity.GetType()))
                {
                    var argument = (Argument)property.GetValue(activity);
                    if (argument == null)
                    {
                        if (!TryGetDeclaredArgument(property.PropertyType, out Type type, out ArgumentDirection direction)
                            || property.GetSetMethod() == null)
                        {
                            continue;
                        }

                        argument = Argument.Create(type, direction);
                        property.SetValue(activity, argument);
                    }

                    arguments[property.Name] = argument;
                }
            }

            return arguments;
        }

        /// <summary>Public instance Argument properties; where a derived class hides one (Result), the derived one.</summary>
        private static IEnumerable<PropertyInfo> ArgumentProperties(Type type)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (Type current = type; current != null && current != typeof(object); current = current.BaseType)
            {
                const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;
                foreach (PropertyInfo property in current.GetProperties(Flags))
                {
                    if (typeof(Argument).IsAssignableFrom(property.PropertyType)
                        && property.GetGetMethod() != null
                        && property.GetIndexParameters().Length == 0
                        && seen.Add(property.Name))
                    {
                        yield return property;
                    }
                }
            }
        }

        private static bool TryGetDeclaredArgument(Type propertyType, out Type type, out ArgumentDirection direction)
        {
            type = null;
            direction = ArgumentDirection.In;
            if (!propertyType.IsGenericType)
            {
                return false;
            }

            Type definition = propertyType.GetGenericTypeDefinition();
            if (definition == typeof(InArgument<>))
            {
                direction = ArgumentDirection.In;
            }
            else if (definition == typeof(OutArgument<>))
            {
                direction = ArgumentDirection.Out;
            }
            else if (definition == typeof(InOutArgument<>))
            {
                direction = ArgumentDirection.InOut;
            }
            else
            {
                return false;
            }

            type = propertyType.GetGenericArguments()[0];
            return true;
        }

        private static bool IsRequired(Activity activity, string propertyName)
        {
            return ArgumentProperties(activity.GetType())
                .First(p => p.Name == propertyName)
                .IsDefined(typeof(RequiredArgumentAttribute), true);
        }
    }
}
