using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class CreateMultipleResponse : OrganizationResponse
    {
        public CreateMultipleResponse()
        {
        }

        public Guid[] Ids => MessageParameters.Get<Guid[]>(Results, "Ids");
    }
}
