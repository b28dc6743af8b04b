using System;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// A message the engine has no handler for. A custom API the solution defines (customapis/) runs as
    /// <see cref="CustomApiHandler"/> says. The solution's own custom message without a definition (a custom action,
    /// named with its publisher's customization prefix) that it registers steps on runs with an empty main operation, and the
    /// response carries the OutputParameters the plugins set. Any other message is refused: a step registered on a
    /// Dataverse message does not stand in for the platform's operation. DeleteMultiple answers as Microsoft
    /// documents for standard tables (Microsoft Learn "Use bulk operation messages", DeleteMultiple availability:
    /// elastic tables only, else "DeleteMultiple has not yet been implemented."); the engine has no elastic tables.
    /// </summary>
    internal static class CustomMessageHandler
    {
        public const string DeleteMultipleMessage = "DeleteMultiple has not yet been implemented.";

        public static OrganizationResponse Handle(MessageContext context)
        {
            var name = context.Request.RequestName;
            if (string.Equals(name, "DeleteMultiple", StringComparison.OrdinalIgnoreCase))
                throw Faults.Create(ErrorCodes.SdkMessageNotImplemented, DeleteMultipleMessage);
            var customApi = context.Engine.CustomApis.Find(name);
            if (customApi != null) return CustomApiHandler.Handle(context, customApi);
            if (!context.Engine.Steps.All.Any(s => string.Equals(s.MessageName, name, StringComparison.OrdinalIgnoreCase)))
                throw Faults.Create(ErrorCodes.SdkMessageNotImplemented,
                    $"The message '{name}' is not implemented by the engine and no plug-in step is registered for it.");
            if (!IsOwnCustomMessage(context.Engine.Solution.PublisherPrefix, name))
                throw Faults.Create(ErrorCodes.SdkMessageNotImplemented,
                    $"The message '{name}' is a Dataverse message the engine does not implement; the plug-in steps " +
                    "registered on it cannot stand in for the platform's operation.");
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

        /// <summary>A custom API's unique name begins with its publisher's customization prefix and an underscore.</summary>
        private static bool IsOwnCustomMessage(string publisherPrefix, string name) =>
            !string.IsNullOrEmpty(publisherPrefix)
            && name.StartsWith(publisherPrefix + "_", StringComparison.OrdinalIgnoreCase)
            && name.Length > publisherPrefix.Length + 1;
    }
}
