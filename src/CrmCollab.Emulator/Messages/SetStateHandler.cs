using CrmCollab.Emulator.Pipeline;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// SetState / SetStateDynamicEntity (deprecated in favour of Update of statecode/statuscode): runs its own
    /// pipeline, whose main operation is an Update of statecode/statuscode with the Update pipeline, so steps on
    /// either message fire. Status -1 (or none) means the state's default status.
    /// </summary>
    internal sealed class SetStateHandler : IMessageHandler
    {
        public SetStateHandler(string messageName) => MessageName = messageName;

        public string MessageName { get; }

        public OrganizationResponse Handle(MessageContext context)
        {
            var moniker = context.Required<EntityReference>("EntityMoniker");
            var state = context.Required<OptionSetValue>("State");
            var table = context.Table(moniker.LogicalName);
            if (!StateRules.HasState(table))
                throw Engine.Faults.Invalid($"The entity '{table.LogicalName}' has no statecode.");
            context.Store.RequireRow(table.LogicalName, moniker.Id);
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = table.LogicalName,
                PrimaryEntityId = moniker.Id,
                Main = op =>
                {
                    var newState = ((OptionSetValue)op.InputParameters["State"]).Value;
                    op.InputParameters.TryGetValue<OptionSetValue>("Status", out var status);
                    int? statusValue = status == null || status.Value == -1 ? StateRules.DefaultStatus(table, newState) : status.Value;
                    var update = new Entity(table.LogicalName, moniker.Id) { ["statecode"] = new OptionSetValue(newState) };
                    if (statusValue != null) update["statuscode"] = new OptionSetValue(statusValue.Value);
                    context.Inner(op, new OrganizationRequest("Update") { ["Target"] = update });
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }
}
