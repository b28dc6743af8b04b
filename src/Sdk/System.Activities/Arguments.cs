namespace System.Activities
{
    public abstract class InArgument : Argument
    {
        internal InArgument()
        {
        }

        internal override ArgumentDirection DirectionCore
        {
            get { return ArgumentDirection.In; }
        }
    }

    public sealed class InArgument<T> : InArgument
    {
        private readonly bool hasConstantValue;
        private readonly T constantValue;

        public InArgument()
        {
        }

        public InArgument(T constValue)
        {
            hasConstantValue = true;
            constantValue = constValue;
        }

        internal override Type ArgumentTypeCore
        {
            get { return typeof(T); }
        }

        internal override bool HasConstantValue
        {
            get { return hasConstantValue; }
        }

        internal override object ConstantValue
        {
            get { return constantValue; }
        }

        public static InArgument<T> FromValue(T constValue)
        {
            return new InArgument<T>(constValue);
        }

        public static implicit operator InArgument<T>(T constValue)
        {
            return FromValue(constValue);
        }

        public new T Get(ActivityContext context)
        {
            return Get<T>(context);
        }

        public void Set(ActivityContext context, T value)
        {
            Set(context, (object)value);
        }
    }

    public abstract class OutArgument : Argument
    {
        internal OutArgument()
        {
        }

        internal override ArgumentDirection DirectionCore
        {
            get { return ArgumentDirection.Out; }
        }
    }

    public sealed class OutArgument<T> : OutArgument
    {
        public OutArgument()
        {
        }

        internal override Type ArgumentTypeCore
        {
            get { return typeof(T); }
        }

        public new T Get(ActivityContext context)
        {
            return Get<T>(context);
        }

        public void Set(ActivityContext context, T value)
        {
            Set(context, (object)value);
        }
    }

    public abstract class InOutArgument : Argument
    {
        internal InOutArgument()
        {
        }

        internal override ArgumentDirection DirectionCore
        {
            get { return ArgumentDirection.InOut; }
        }
    }

    public sealed class InOutArgument<T> : InOutArgument
    {
        public InOutArgument()
        {
        }

        internal override Type ArgumentTypeCore
        {
            get { return typeof(T); }
        }

        public new T Get(ActivityContext context)
        {
            return Get<T>(context);
        }

        public void Set(ActivityContext context, T value)
        {
            Set(context, (object)value);
        }
    }
}
