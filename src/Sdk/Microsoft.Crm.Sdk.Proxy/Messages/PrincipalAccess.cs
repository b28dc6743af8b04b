using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>A user or team together with the access rights it has (or is granted) on a record.</summary>
    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class PrincipalAccess : IExtensibleDataObject
    {
        public PrincipalAccess()
        {
        }

        [DataMember]
        public EntityReference Principal { get; set; }

        [DataMember]
        public AccessRights AccessMask { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
