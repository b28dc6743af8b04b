using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>Retrieve: ColumnSet required (AllColumns allowed); the row comes back formatted.</summary>
    internal sealed class RetrieveHandler : IMessageHandler
    {
        public string MessageName => "Retrieve";

        public OrganizationResponse Handle(MessageContext context)
        {
            var target = context.Required<EntityReference>("Target");
            var columns = context.Required<ColumnSet>("ColumnSet");
            var table = context.Table(target.LogicalName);
            var id = target.Id;
            if (id == System.Guid.Empty && target.KeyAttributes.Count > 0)
                id = context.Store.FindByKey(table, target.KeyAttributes) ?? throw Engine.Faults.NotFound(table.LogicalName, id);
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = table.LogicalName,
                PrimaryEntityId = id,
                HasPreImage = false,
                HasPostImage = false,
                Main = op =>
                {
                    var row = context.Store.RequireRow(table.LogicalName, id);
                    context.Demand(op.UserId, table.LogicalName, AccessRight.Read, row);
                    op.OutputParameters["Entity"] = context.Store.Read(table, row, (ColumnSet)op.InputParameters["ColumnSet"]);
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }
}
