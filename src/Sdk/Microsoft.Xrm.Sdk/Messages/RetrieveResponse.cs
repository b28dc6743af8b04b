using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveResponse : OrganizationResponse
    {
        public RetrieveResponse()
        {
        }

        public Entity Entity => MessageParameters.Get<Entity>(Results, "Entity");

        public object Notifications => MessageParameters.Get<object>(Results, "Notifications");
    }
}
