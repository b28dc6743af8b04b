using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class UpsertResponse : OrganizationResponse
    {
        public UpsertResponse()
        {
        }

        public bool RecordCreated => MessageParameters.Get<bool>(Results, "RecordCreated");

        public EntityReference Target => MessageParameters.Get<EntityReference>(Results, "Target");
    }
}
