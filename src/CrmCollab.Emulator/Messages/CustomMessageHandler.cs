using System;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// A message the engine has no handler for but the solution registers steps on (custom API / action): the
    /// pipeline runs with an empty main operation, and the response carries the OutputParameters the plugins set.
    /// </summary>
    internal static class CustomMessageHandler
    {
        public static OrganizationResponse Handle(MessageContext context)
        {
            var name = context.Request.RequestName;
            if (!context.Engine.Steps.All.Any(s => string.Equals(s.MessageName, name, StringComparison.OrdinalIgnoreCase)))
                throw Faults.Create(ErrorCodes.SdkMessageNotImplemented,
                    $"The message '{name}' is not implemented by the engine and no plug-in step is registered for it.");
            var target = context.Get<EntityReference>("Target");
            return context.Run(new OperationSpec
            {
                MessageName = name,
                PrimaryEntityName = target?.LogicalName ?? "none",
                PrimaryEntityId = target?.Id ?? Guid.Empty,
                HasPostImage = false,
                Main = op => MessageContext.Respond(name, op),
            });
        }
    }
}
