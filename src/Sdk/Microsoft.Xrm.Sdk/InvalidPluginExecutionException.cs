using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// The exception a plugin throws to refuse an operation: the platform rolls the transaction back and shows
    /// <see cref="Exception.Message"/> to the user.
    /// </summary>
    [Serializable]
    public sealed class InvalidPluginExecutionException : Exception, ISerializable
    {
        private static readonly IReadOnlyDictionary<string, string> NoDetails =
            new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _details;

        public InvalidPluginExecutionException() : this(OperationStatus.Failed, null) { }

        public InvalidPluginExecutionException(string message) : this(OperationStatus.Failed, message) { }

        public InvalidPluginExecutionException(string message, Exception exception) : base(message, exception)
        {
            Status = OperationStatus.Failed;
        }

        public InvalidPluginExecutionException(OperationStatus status) : this(status, null) { }

        public InvalidPluginExecutionException(OperationStatus status, string message) : this(status, 0, message) { }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
            : this(status, errorCode, message, PluginHttpStatusCode.NotSet) { }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
            : base(message)
        {
            Status = status;
            ErrorCode = errorCode;
            HttpStatus = httpStatus;
        }

        public InvalidPluginExecutionException(OperationStatus status, string message, Dictionary<string, string> exceptionDetails)
            : this(status, 0, message)
        {
            _details = exceptionDetails;
        }

        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
            : this(OperationStatus.Failed, 0, message, httpStatus) { }

        public InvalidPluginExecutionException(string message, Dictionary<string, string> exceptionDetails)
            : this(OperationStatus.Failed, message, exceptionDetails) { }

        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus, Dictionary<string, string> exceptionDetails)
            : this(OperationStatus.Failed, 0, message, httpStatus)
        {
            _details = exceptionDetails;
        }

        private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context) : base(info, context)
        {
            Status = (OperationStatus)info.GetInt32(nameof(Status));
            ErrorCode = info.GetInt32(nameof(ErrorCode));
            HttpStatus = (PluginHttpStatusCode)info.GetInt32(nameof(HttpStatus));
        }

        public OperationStatus Status { get; }

        public int ErrorCode { get; }

        public PluginHttpStatusCode HttpStatus { get; }

        public IReadOnlyDictionary<string, string> ExceptionDetails =>
            _details == null ? NoDetails : new ReadOnlyDictionary<string, string>(_details);

        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            base.GetObjectData(info, context);
            info.AddValue(nameof(Status), (int)Status);
            info.AddValue(nameof(ErrorCode), ErrorCode);
            info.AddValue(nameof(HttpStatus), (int)HttpStatus);
        }
    }
}
