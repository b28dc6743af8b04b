using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// A message sent to the organization service: a name plus named parameters. Typed requests are views over
    /// <see cref="Parameters"/>, so a generic request with the same name and parameters carries the same data.
    /// </summary>
    [DataContract(Name = "OrganizationRequest", Namespace = XrmNamespaces.Contracts2011)]
    [KnownType(typeof(Messages.AssociateRequest))]
    [KnownType(typeof(Messages.CreateRequest))]
    [KnownType(typeof(Messages.CreateMultipleRequest))]
    [KnownType(typeof(Messages.DeleteRequest))]
    [KnownType(typeof(Messages.DisassociateRequest))]
    [KnownType(typeof(Messages.ExecuteMultipleRequest))]
    [KnownType(typeof(Messages.ExecuteTransactionRequest))]
    [KnownType(typeof(Messages.RetrieveRequest))]
    [KnownType(typeof(Messages.RetrieveMultipleRequest))]
    [KnownType(typeof(Messages.UpdateRequest))]
    [KnownType(typeof(Messages.UpdateMultipleRequest))]
    [KnownType(typeof(Messages.UpsertMultipleRequest))]
    [KnownType(typeof(Messages.UpsertRequest))]
    [KnownType(typeof(OrganizationRequest))]
    public class OrganizationRequest : IExtensibleDataObject
    {
        private ParameterCollection _parameters; // made on first read

        public OrganizationRequest() { }

        public OrganizationRequest(string requestName) => RequestName = requestName;

        [DataMember]
        public string RequestName { get; set; }

        [DataMember]
        public ParameterCollection Parameters
        {
            get => _parameters ?? (_parameters = new ParameterCollection());
            set => _parameters = value;
        }

        [DataMember]
        public Guid? RequestId { get; set; }

        public object this[string parameterName]
        {
            get => Parameters[parameterName];
            set => Parameters[parameterName] = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>The answer to an <see cref="OrganizationRequest"/>: a name plus named results.</summary>
    [DataContract(Name = "OrganizationResponse", Namespace = XrmNamespaces.Contracts2011)]
    [KnownType(typeof(Messages.AssociateResponse))]
    [KnownType(typeof(Messages.CreateResponse))]
    [KnownType(typeof(Messages.CreateMultipleResponse))]
    [KnownType(typeof(Messages.DeleteResponse))]
    [KnownType(typeof(Messages.DisassociateResponse))]
    [KnownType(typeof(Messages.ExecuteMultipleResponse))]
    [KnownType(typeof(Messages.ExecuteTransactionResponse))]
    [KnownType(typeof(Messages.RetrieveResponse))]
    [KnownType(typeof(Messages.RetrieveMultipleResponse))]
    [KnownType(typeof(Messages.UpdateResponse))]
    [KnownType(typeof(Messages.UpdateMultipleResponse))]
    [KnownType(typeof(Messages.UpsertMultipleResponse))]
    [KnownType(typeof(Messages.UpsertResponse))]
    [KnownType(typeof(OrganizationResponse))]
    public class OrganizationResponse : IExtensibleDataObject
    {
        private ParameterCollection _results; // made on first read

        public OrganizationResponse() { }

        [DataMember]
        public string ResponseName { get; set; }

        [DataMember]
        public ParameterCollection Results
        {
            get => _results ?? (_results = new ParameterCollection());
            set => _results = value;
        }

        public object this[string parameterName]
        {
            get => Results[parameterName];
            set => Results[parameterName] = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
