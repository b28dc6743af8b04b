namespace System.Activities
{
    public enum ArgumentDirection
    {
        In = 0,
        Out = 1,
        InOut = 2,
    }

    /// <summary>
    /// A typed channel into or out of an activity. The argument object is part of the activity's definition and holds
    /// no run-time value: values live in the <see cref="ActivityContext"/> of each execution, so one activity
    /// instance can run several times (even concurrently).
    /// </summary>
    public abstract class Argument
    {
        public const string ResultValue = "Result";

        public static readonly int UnspecifiedEvaluationOrder = -1;

        internal Argument()
        {
        }

        public Type ArgumentType
        {
            get { return ArgumentTypeCore; }
        }

        public ArgumentDirection Direction
        {
            get { return DirectionCore; }
        }

        internal abstract Type ArgumentTypeCore { get; }

        internal abstract ArgumentDirection DirectionCore { get; }

        /// <summary>True when the argument carries a value of its own (e.g. <c>new InArgument&lt;T&gt;(value)</c>).</summary>
        internal virtual bool HasConstantValue
        {
            get { return false; }
        }

        internal virtual object ConstantValue
        {
            get { return null; }
        }

        public static Argument Create(Type type, ArgumentDirection direction)
        {
            if (type == null)
            {
                throw new ArgumentNullException(nameof(type));
            }

            Type definition;
            switch (direction)
            {
                case ArgumentDirection.In:
                    definition = typeof(InArgument<>);
                    break;
                case ArgumentDirection.Out:
                    definition = typeof(OutArgument<>);
                    break;
                case ArgumentDirection.InOut:
                    definition = typeof(InOutArgument<>);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(direction));
            }

            return (Argument)Activator.CreateInstance(definition.MakeGenericType(type));
        }

        public object Get(ActivityContext context)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            return context.GetValue(this);
        }

        public T Get<T>(ActivityContext context)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            return (T)context.GetValue(this);
        }

        public void Set(ActivityContext context, object value)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            context.SetValue(this, value);
        }

        /// <summary>Null for a reference or nullable type, default(T) otherwise; rejects values of another type.</summary>
        internal object Coerce(object value)
        {
            Type type = ArgumentTypeCore;
            if (value == null)
            {
                return type.IsValueType && Nullable.GetUnderlyingType(type) == null ? Activator.CreateInstance(type) : null;
            }

            if (!type.IsInstanceOfType(value))
            {
                throw new InvalidCastException(
                    "A value of type '" + value.GetType().FullName + "' cannot be assigned to an argument of type '"
                    + type.FullName + "'.");
            }

            return value;
        }
    }
}
