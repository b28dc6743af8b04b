using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>Delete with the relationships' cascades (Cascade / RemoveLink / Restrict). No post-image. IfRowVersionMatches
    /// is checked before any step runs (<see cref="OptimisticConcurrency"/>).</summary>
    internal sealed class DeleteHandler : IMessageHandler
    {
        public string MessageName => "Delete";

        public OrganizationResponse Handle(MessageContext context)
        {
            var target = context.Required<EntityReference>("Target");
            var table = context.Table(target.LogicalName);
            var id = target.Id;
            if (id == System.Guid.Empty && target.KeyAttributes.Count > 0)
                id = context.Store.FindByKey(table, target.KeyAttributes) ?? System.Guid.Empty;
            var stored = context.Store.RequireRow(table.LogicalName, id);
            if (OptimisticConcurrency.Asked(context.Request)) OptimisticConcurrency.Demand(table, target.RowVersion, stored);
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = table.LogicalName,
                PrimaryEntityId = id,
                HasPostImage = false,
                Main = op =>
                {
                    context.Demand(op.UserId, table.LogicalName, AccessRight.Delete, context.Store.RequireRow(table.LogicalName, id));
                    context.Store.Delete(table.LogicalName, id, op.UserId, op.Transaction.Log);
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }
}
