using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class WhoAmIResponse : OrganizationResponse
    {
        public WhoAmIResponse()
        {
        }

        public Guid UserId => MessageParameters.Get<Guid>(Results, "UserId");

        public Guid BusinessUnitId => MessageParameters.Get<Guid>(Results, "BusinessUnitId");

        public Guid OrganizationId => MessageParameters.Get<Guid>(Results, "OrganizationId");
    }
}
