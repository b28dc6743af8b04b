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
    [Serializable]
    public sealed class StopWorkflowException : Exception
    {
        private const string StatusKey = "Status";
        private const string ErrorCodeKey = "ErrorCode";

        public StopWorkflowException()
        {
        }

        public StopWorkflowException(string message)
            : base(message)
        {
        }

        public StopWorkflowException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public StopWorkflowException(XrmWorkflowCompletionStatus status, string message)
            : base(message)
        {
            Status = status;
        }

        public StopWorkflowException(XrmWorkflowCompletionStatus status, int errorCode, string message)
            : base(message)
        {
            Status = status;
            ErrorCode = errorCode;
        }

        private StopWorkflowException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
            Status = (XrmWorkflowCompletionStatus)info.GetInt32(StatusKey);
            ErrorCode = info.GetInt32(ErrorCodeKey);
        }

        public XrmWorkflowCompletionStatus Status { get; }

        public int ErrorCode { get; }

        [SecurityCritical]
        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            if (info == null)
            {
                throw new ArgumentNullException(nameof(info));
            }

            info.AddValue(StatusKey, (int)Status);
            info.AddValue(ErrorCodeKey, ErrorCode);
            base.GetObjectData(info, context);
        }
    }
}
