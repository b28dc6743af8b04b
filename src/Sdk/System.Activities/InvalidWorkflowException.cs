using System.Runtime.Serialization;

namespace System.Activities
{
    /// <summary>Thrown when an activity cannot run as declared, e.g. a required argument has no value.</summary>
    [Serializable]
    public class InvalidWorkflowException : Exception
    {
        public InvalidWorkflowException()
        {
        }

        public InvalidWorkflowException(string message)
            : base(message)
        {
        }

        public InvalidWorkflowException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        protected InvalidWorkflowException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }
    }
}
