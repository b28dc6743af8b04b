using System.Collections.Generic;

namespace System.Activities
{
    /// <summary>
    /// The run-time environment of one execution of an activity: its argument values and the host's extensions.
    /// Created only by the host (see WorkflowInvoker); unusable once Execute returns.
    /// </summary>
    public class ActivityContext
    {
        private readonly Activity activity;
        private readonly Dictionary<Argument, object> values;
        private readonly IList<object> extensions;
        private readonly string activityInstanceId;
        private readonly Guid workflowInstanceId;
        private bool disposed;

        internal ActivityContext(
            Activity activity,
            Dictionary<Argument, object> values,
            IList<object> extensions,
            string activityInstanceId,
            Guid workflowInstanceId)
        {
            this.activity = activity;
            this.values = values;
            this.extensions = extensions;
            this.activityInstanceId = activityInstanceId;
            this.workflowInstanceId = workflowInstanceId;
        }

        public string ActivityInstanceId
        {
            get
            {
                ThrowIfDisposed();
                return activityInstanceId;
            }
        }

        public Guid WorkflowInstanceId
        {
            get
            {
                ThrowIfDisposed();
                return workflowInstanceId;
            }
        }

        /// <summary>The first extension assignable to <typeparamref name="T"/>, or null when the host has none.</summary>
        public T GetExtension<T>()
            where T : class
        {
            ThrowIfDisposed();
            foreach (object extension in extensions)
            {
                if (extension is T match)
                {
                    return match;
                }
            }

            return null;
        }

        public T GetValue<T>(InArgument<T> argument)
        {
            return (T)GetValue((Argument)argument);
        }

        public T GetValue<T>(OutArgument<T> argument)
        {
            return (T)GetValue((Argument)argument);
        }

        public T GetValue<T>(InOutArgument<T> argument)
        {
            return (T)GetValue((Argument)argument);
        }

        public object GetValue(Argument argument)
        {
            if (argument == null)
            {
                throw new ArgumentNullException(nameof(argument));
            }

            ThrowIfDisposed();
            if (!values.TryGetValue(argument, out object value))
            {
                throw NotDeclared(argument);
            }

            return value;
        }

        public void SetValue<T>(InArgument<T> argument, T value)
        {
            SetValue((Argument)argument, value);
        }

        public void SetValue<T>(OutArgument<T> argument, T value)
        {
            SetValue((Argument)argument, value);
        }

        public void SetValue<T>(InOutArgument<T> argument, T value)
        {
            SetValue((Argument)argument, value);
        }

        public void SetValue(Argument argument, object value)
        {
            if (argument == null)
            {
                throw new ArgumentNullException(nameof(argument));
            }

            ThrowIfDisposed();
            if (!values.ContainsKey(argument))
            {
                throw NotDeclared(argument);
            }

            values[argument] = argument.Coerce(value);
        }

        /// <summary>Ends the context's life: the runtime does not let activities keep using it after Execute.</summary>
        internal void Dispose()
        {
            disposed = true;
        }

        private void ThrowIfDisposed()
        {
            if (disposed)
            {
                throw new ObjectDisposedException(GetType().FullName,
                    "An ActivityContext can only be accessed within the scope of the function it was passed into.");
            }
        }

        private InvalidOperationException NotDeclared(Argument argument)
        {
            return new InvalidOperationException(
                "The argument of type '" + argument.ArgumentType.FullName + "' cannot be used. Make sure that it is"
                + " declared on an activity. (Activity: '" + activity.DisplayName + "')");
        }
    }

    public class CodeActivityContext : ActivityContext
    {
        internal CodeActivityContext(
            Activity activity,
            Dictionary<Argument, object> values,
            IList<object> extensions,
            string activityInstanceId,
            Guid workflowInstanceId)
            : base(activity, values, extensions, activityInstanceId, workflowInstanceId)
        {
        }
    }
}
