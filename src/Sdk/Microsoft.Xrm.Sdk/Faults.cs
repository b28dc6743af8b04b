using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>What the service sends back, inside a FaultException, when an operation fails.</summary>
    [DataContract(Name = "BaseServiceFault", Namespace = XrmNamespaces.Contracts2011)]
    [KnownType(typeof(OrganizationServiceFault))]
    [KnownType(typeof(ExecuteTransactionFault))]
    [Serializable]
    public abstract class BaseServiceFault : IExtensibleDataObject
    {
        private ErrorDetailCollection _errorDetails = new ErrorDetailCollection();
        [NonSerialized] private ExtensionDataObject _extensionData;

        protected BaseServiceFault() { }

        [DataMember]
        public int ErrorCode { get; set; }

        [DataMember]
        public ErrorDetailCollection ErrorDetails
        {
            get => _errorDetails;
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

        public override string ToString() =>
            $"OrganizationServiceFault: ErrorCode 0x{ErrorCode:X8} ({ErrorCode}): {Message}";
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
