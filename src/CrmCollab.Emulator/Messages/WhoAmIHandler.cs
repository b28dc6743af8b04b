using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>WhoAmI: the calling user, their business unit and the organisation.</summary>
    internal sealed class WhoAmIHandler : IMessageHandler
    {
        public string MessageName => "WhoAmI";

        public OrganizationResponse Handle(MessageContext context) => new OrganizationResponse
        {
            ResponseName = MessageName,
            Results =
            {
                ["UserId"] = context.Frame.UserId,
                ["BusinessUnitId"] = context.Engine.BusinessUnitOfUser(context.Frame.UserId),
                ["OrganizationId"] = WellKnownIds.OrganizationId,
            },
        };
    }
}
