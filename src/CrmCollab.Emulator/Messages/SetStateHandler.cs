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
            if (table.LogicalName == "systemuser") return SetUserState(context, moniker, state.Value);
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

        /// <summary>
        /// A user has no statecode: SetState enables (0) or disables (1) them, their isdisabled column (Microsoft Learn,
        /// "Sample: Disable or enable a user"; Status is -1). Written through an Update of isdisabled, as other tables'
        /// SetState writes statecode.
        /// </summary>
        private OrganizationResponse SetUserState(MessageContext context, EntityReference user, int state)
        {
            if (state != 0 && state != 1)
                throw Engine.Faults.Invalid($"A user's state is 0 (enabled) or 1 (disabled), not {state}.");
            context.Store.RequireRow(user.LogicalName, user.Id);
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = user.LogicalName,
                PrimaryEntityId = user.Id,
                Main = op =>
                {
                    bool disabled = ((OptionSetValue)op.InputParameters["State"]).Value == 1;
                    var update = new Entity(user.LogicalName, user.Id) { ["isdisabled"] = disabled };
                    context.Inner(op, new OrganizationRequest("Update") { ["Target"] = update });
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }
}
