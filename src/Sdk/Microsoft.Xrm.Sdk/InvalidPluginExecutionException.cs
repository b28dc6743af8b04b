using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// The exception a plugin throws to refuse an operation: the platform rolls the transaction back and shows
    /// <see cref="Exception.Message"/> to the user.
    /// </summary>
    /// <remarks>
    /// As in the SDK, <see cref="ErrorCode"/> is the exception's HResult: a constructor given a non-zero error code
    /// stores it there, every other constructor leaves the HResult of a plain exception (-2146233088, 0x80131500).
    /// Status defaults to Failed. ExceptionDetails is the caller's dictionary itself (null when null was given),
    /// otherwise a new empty one.
    /// </remarks>
    [Serializable]
    public sealed class InvalidPluginExecutionException : Exception, ISerializable
    {
        private const string StatusKey = "Status";
        private const string HttpStatusKey = "HttpStatus";
        private const string DetailsKey = "ExceptionDetails";

        private readonly OperationStatus _status;
        private readonly PluginHttpStatusCode _httpStatus;
        private readonly Dictionary<string, string> _details;

        public InvalidPluginExecutionException() : this(OperationStatus.Failed, 0, null, PluginHttpStatusCode.NotSet) { }

        // The SDK gives this constructor an empty message, not the default text of a message-less exception.
        public InvalidPluginExecutionException(OperationStatus status) : this(status, 0, string.Empty, PluginHttpStatusCode.NotSet) { }

        public InvalidPluginExecutionException(string message) : this(OperationStatus.Failed, 0, message, PluginHttpStatusCode.NotSet) { }

        public InvalidPluginExecutionException(OperationStatus status, string message) : this(status, 0, message, PluginHttpStatusCode.NotSet) { }

        public InvalidPluginExecutionException(string message, Exception exception) : base(message, exception)
        {
            _status = OperationStatus.Failed;
            _details = new Dictionary<string, string>();
        }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
            : this(status, errorCode, message, PluginHttpStatusCode.NotSet) { }

        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
            : this(OperationStatus.Failed, 0, message, httpStatus) { }

        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus, Dictionary<string, string> exceptionDetails)
            : this(OperationStatus.Failed, 0, message, httpStatus, exceptionDetails) { }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
            : this(status, errorCode, message, httpStatus, new Dictionary<string, string>()) { }

        public InvalidPluginExecutionException(string message, Dictionary<string, string> exceptionDetails)
            : this(OperationStatus.Failed, 0, message, PluginHttpStatusCode.NotSet, exceptionDetails) { }

        public InvalidPluginExecutionException(OperationStatus status, string message, Dictionary<string, string> exceptionDetails)
            : this(status, 0, message, PluginHttpStatusCode.NotSet, exceptionDetails) { }

        private InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus,
            Dictionary<string, string> exceptionDetails)
            : base(message)
        {
            _status = status;
            _httpStatus = httpStatus;
            _details = exceptionDetails;
            if (errorCode != 0) HResult = errorCode;
        }

        private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context) : base(info, context)
        {
            _status = (OperationStatus)info.GetValue(StatusKey, typeof(OperationStatus));
            _httpStatus = (PluginHttpStatusCode)info.GetValue(HttpStatusKey, typeof(PluginHttpStatusCode));
            _details = (Dictionary<string, string>)info.GetValue(DetailsKey, typeof(Dictionary<string, string>));
        }

        public OperationStatus Status => _status;

        /// <summary>The exception's HResult (see the remarks on the class).</summary>
        public int ErrorCode => HResult;

        public PluginHttpStatusCode HttpStatus => _httpStatus;

        public IReadOnlyDictionary<string, string> ExceptionDetails => _details;

        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            info.AddValue(StatusKey, _status, typeof(OperationStatus));
            info.AddValue(HttpStatusKey, _httpStatus, typeof(PluginHttpStatusCode));
            info.AddValue(DetailsKey, _details, typeof(Dictionary<string, string>));
            base.GetObjectData(info, context);
        }
    }
}
