using System;
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
            if (table.LogicalName == "systemuser")
            {
                if (state.Value != 0 && state.Value != 1)
                    throw Engine.Faults.Invalid($"A user's state is 0 (enabled) or 1 (disabled), not {state.Value}.");
                // A user has no statecode: SetState enables (0) or disables (1) them, their isdisabled column (Microsoft
                // Learn, "Sample: Disable or enable a user"; Status is -1).
                return Run(context, moniker, op => new Entity(moniker.LogicalName, moniker.Id)
                {
                    ["isdisabled"] = ((OptionSetValue)op.InputParameters["State"]).Value == 1,
                });
            }
            if (!StateRules.HasState(table))
                throw Engine.Faults.Invalid($"The entity '{table.LogicalName}' has no statecode.");
            return Run(context, moniker, op =>
            {
                var newState = ((OptionSetValue)op.InputParameters["State"]).Value;
                op.InputParameters.TryGetValue<OptionSetValue>("Status", out var status);
                int? statusValue = status == null || status.Value == -1 ? StateRules.DefaultStatus(table, newState) : status.Value;
                var update = new Entity(table.LogicalName, moniker.Id) { ["statecode"] = new OptionSetValue(newState) };
                if (statusValue != null) update["statuscode"] = new OptionSetValue(statusValue.Value);
                return update;
            });
        }

        /// <summary>The SetState pipeline, whose main operation is the Update <paramref name="change"/> makes of the request.</summary>
        private OrganizationResponse Run(MessageContext context, EntityReference record, Func<Operation, Entity> change)
        {
            context.Store.RequireRow(record.LogicalName, record.Id);
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = record.LogicalName,
                PrimaryEntityId = record.Id,
                Main = op =>
                {
                    context.Inner(op, new OrganizationRequest("Update") { ["Target"] = change(op) });
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }
}
