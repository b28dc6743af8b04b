using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>One organization-service message: validates its request and runs it through the pipeline.</summary>
    internal interface IMessageHandler
    {
        string MessageName { get; }

        OrganizationResponse Handle(MessageContext context);
    }
}
