using System;
using System.Globalization;
using System.Runtime.Serialization;
using System.Text;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>What the service sends back, inside a FaultException, when an operation fails.</summary>
    [DataContract(Name = "BaseServiceFault", Namespace = XrmNamespaces.Contracts2011)]
    [KnownType(typeof(OrganizationServiceFault))]
    [KnownType(typeof(ExecuteTransactionFault))]
    [Serializable]
    public abstract class BaseServiceFault : IExtensibleDataObject
    {
        private ErrorDetailCollection _errorDetails; // made on first read
        [NonSerialized] private ExtensionDataObject _extensionData;

        protected BaseServiceFault() { }

        [DataMember]
        public int ErrorCode { get; set; }

        [DataMember]
        public ErrorDetailCollection ErrorDetails
        {
            get => _errorDetails ?? (_errorDetails = new ErrorDetailCollection());
            set => _errorDetails = value;
        }

        [DataMember]
        public string Message { get; set; }

        [DataMember]
        public DateTime Timestamp { get; set; }

        [DataMember]
        public Guid ActivityId { get; set; }

        [DataMember]
        public string HelpLink { get; set; }

        public ExtensionDataObject ExtensionData
        {
            get => _extensionData;
            set => _extensionData = value;
        }
    }

    [DataContract(Name = "OrganizationServiceFault", Namespace = XrmNamespaces.Contracts2011)]
    [Serializable]
    public class OrganizationServiceFault : BaseServiceFault
    {
        public OrganizationServiceFault() { }

        [DataMember]
        public string TraceText { get; set; }

        [DataMember]
        public OrganizationServiceFault InnerFault { get; set; }

        // Members the service fills and the SDK keeps off its public surface; they travel on the wire.
        [DataMember]
        internal bool ExceptionRetriable { get; set; }

        [DataMember]
        internal string ExceptionSource { get; set; }

        [DataMember]
        internal string OriginalException { get; set; }

        /// <summary>
        /// One block per fault, the inner faults after it, as the SDK writes them: code in hex, message and the
        /// timestamp in UTC, each block closed by "--".
        /// </summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            for (OrganizationServiceFault fault = this; fault != null; fault = fault.InnerFault)
            {
                text.Append("Exception details: ").Append(Environment.NewLine)
                    .Append("ErrorCode: 0x").Append(fault.ErrorCode.ToString("X", CultureInfo.InvariantCulture)).Append(Environment.NewLine)
                    .Append("Message: ").Append(fault.Message).Append(Environment.NewLine)
                    .Append("TimeStamp: ").Append(fault.Timestamp.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture)).Append(Environment.NewLine)
                    .Append("--").Append(Environment.NewLine);
            }
            return text.ToString();
        }
    }

    /// <summary>The fault of an ExecuteTransaction: which request of the batch failed.</summary>
    [DataContract(Name = "ExecuteTransactionFault", Namespace = XrmNamespaces.Contracts71)]
    [Serializable]
    public sealed class ExecuteTransactionFault : OrganizationServiceFault
    {
        public ExecuteTransactionFault() { }

        [DataMember]
        public int FaultedRequestIndex { get; set; }
    }
}
