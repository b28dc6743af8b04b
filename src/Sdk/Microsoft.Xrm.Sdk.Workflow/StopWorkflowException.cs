using System;
using System.Runtime.Serialization;
using System.Security;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>How a workflow run ended.</summary>
    public enum XrmWorkflowCompletionStatus
    {
        Succeeded = 0,
        Canceled = 1,
        Failed = 2,
        Retry = 3,
        Suspended = 4,
    }

    /// <summary>Thrown to end the running workflow at once with the given completion status.</summary>
    /// <remarks>
    /// As in the SDK: the constructors without a status end the workflow as Canceled; ErrorCode is the exception's
    /// HResult, which the status constructors set to the given code (0 when none is given) and the others leave at
    /// the HResult of a plain exception (-2146233088, 0x80131500). Only the status is added to the serialised data.
    /// </remarks>
    [Serializable]
    public sealed class StopWorkflowException : Exception
    {
        private const string StatusKey = "Status";

        private readonly XrmWorkflowCompletionStatus _status;

        public StopWorkflowException()
        {
            _status = XrmWorkflowCompletionStatus.Canceled;
        }

        public StopWorkflowException(string message)
            : base(message)
        {
            _status = XrmWorkflowCompletionStatus.Canceled;
        }

        public StopWorkflowException(string message, Exception innerException)
            : base(message, innerException)
        {
            _status = XrmWorkflowCompletionStatus.Canceled;
        }

        public StopWorkflowException(XrmWorkflowCompletionStatus status, string message)
            : this(status, 0, message)
        {
        }

        public StopWorkflowException(XrmWorkflowCompletionStatus status, int errorCode, string message)
            : base(message)
        {
            _status = status;
            HResult = errorCode;
        }

        private StopWorkflowException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
            _status = (XrmWorkflowCompletionStatus)info.GetValue(StatusKey, typeof(XrmWorkflowCompletionStatus));
        }

        public XrmWorkflowCompletionStatus Status => _status;

        /// <summary>The exception's HResult (see the remarks on the class).</summary>
        public int ErrorCode => HResult;

        [SecurityCritical]
        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            if (info == null)
            {
                throw new ArgumentNullException(nameof(info));
            }

            base.GetObjectData(info, context);
            info.AddValue(StatusKey, _status, typeof(XrmWorkflowCompletionStatus));
        }
    }
}
