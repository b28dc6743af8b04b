using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class ModifyAccessRequest : OrganizationRequest
    {
        public ModifyAccessRequest()
        {
            RequestName = "ModifyAccess";
            Target = null;
            PrincipalAccess = null;
        }

        public EntityReference Target
        {
            get => MessageParameters.Get<EntityReference>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }

        public PrincipalAccess PrincipalAccess
        {
            get => MessageParameters.Get<PrincipalAccess>(Parameters, "PrincipalAccess");
            set => Parameters["PrincipalAccess"] = value;
        }
    }
}
