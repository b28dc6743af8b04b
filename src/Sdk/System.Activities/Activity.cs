using System.Runtime.Serialization;

namespace System.Activities
{
    /// <summary>Base of all activities. Only the members custom workflow activities use are part of this slice.</summary>
    public abstract class Activity
    {
        private string displayName;

        protected Activity()
        {
        }

        /// <summary>Defaults to the type's name, as in .NET Framework.</summary>
        public string DisplayName
        {
            get { return displayName ?? GetType().Name; }
            set { displayName = value; }
        }

        /// <summary>Assigned by the host when the activity is run; null before.</summary>
        public string Id { get; internal set; }

        public override string ToString()
        {
            return Id + ": " + DisplayName;
        }

        /// <summary>Runs the activity's own code; only code activities can be run by this slice's host.</summary>
        internal virtual object ExecuteCore(CodeActivityContext context)
        {
            throw new NotSupportedException(
                "Activity '" + DisplayName + "' cannot be run here: only CodeActivity and CodeActivity<TResult> are supported.");
        }
    }

    public abstract class ActivityWithResult : Activity
    {
        internal ActivityWithResult()
        {
        }

        public Type ResultType
        {
            get { return ResultTypeCore; }
        }

        [IgnoreDataMember]
        public OutArgument Result
        {
            get { return ResultCore; }
            set { ResultCore = value; }
        }

        internal abstract Type ResultTypeCore { get; }

        internal abstract OutArgument ResultCore { get; set; }
    }

    public abstract class Activity<TResult> : ActivityWithResult
    {
        protected Activity()
        {
        }

        public new OutArgument<TResult> Result { get; set; }

        internal override Type ResultTypeCore
        {
            get { return typeof(TResult); }
        }

        internal override OutArgument ResultCore
        {
            get { return Result; }
            set
            {
                if (value != null && !(value is OutArgument<TResult>))
                {
                    throw new ArgumentException(
                        "The result argument must be of type OutArgument<" + typeof(TResult).Name + ">.", nameof(value));
                }

                Result = (OutArgument<TResult>)value;
            }
        }
    }
}
