using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// A message sent to the organization service: a name plus named parameters. Typed requests are views over
    /// <see cref="Parameters"/>, so a generic request with the same name and parameters carries the same data.
    /// </summary>
    [DataContract(Name = "OrganizationRequest", Namespace = XrmNamespaces.Contracts2011)]
    [KnownType(typeof(OrganizationRequest))]
    public class OrganizationRequest : IExtensibleDataObject
    {
        private ParameterCollection _parameters = new ParameterCollection();

        public OrganizationRequest() { }

        public OrganizationRequest(string requestName) => RequestName = requestName;

        [DataMember]
        public string RequestName { get; set; }

        [DataMember]
        public ParameterCollection Parameters
        {
            get => _parameters;
            set => _parameters = value;
        }

        [DataMember]
        public Guid? RequestId { get; set; }

        public object this[string parameterName]
        {
            get => _parameters[parameterName];
            set => _parameters[parameterName] = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>The answer to an <see cref="OrganizationRequest"/>: a name plus named results.</summary>
    [DataContract(Name = "OrganizationResponse", Namespace = XrmNamespaces.Contracts2011)]
    [KnownType(typeof(OrganizationResponse))]
    public class OrganizationResponse : IExtensibleDataObject
    {
        private ParameterCollection _results = new ParameterCollection();

        public OrganizationResponse() { }

        [DataMember]
        public string ResponseName { get; set; }

        [DataMember]
        public ParameterCollection Results
        {
            get => _results;
            set => _results = value;
        }

        public object this[string parameterName]
        {
            get => _results[parameterName];
            set => _results[parameterName] = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
