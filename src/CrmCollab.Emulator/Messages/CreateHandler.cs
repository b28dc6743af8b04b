using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>Create: returns the new id (a client-supplied id is honoured); OutputParameters["id"] from stage 40.</summary>
    internal sealed class CreateHandler : IMessageHandler
    {
        public string MessageName => "Create";

        public OrganizationResponse Handle(MessageContext context)
        {
            var target = context.Required<Entity>("Target");
            var table = context.Table(target.LogicalName);
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = table.LogicalName,
                PrimaryEntityId = target.Id,
                HasPreImage = false,
                ImageRecords = new System.Collections.Generic.List<(string, System.Guid)>(),
                Main = op =>
                {
                    // PreOperation plugins may have changed (or replaced) the Target: save what they left.
                    var saved = (Entity)op.InputParameters["Target"];
                    var owned = EntityForCheck(saved, op.UserId);
                    context.Demand(op.UserId, table.LogicalName, AccessRight.Create, owned);
                    if (table.Column("ownerid") != null) context.DemandCanOwn(owned.GetAttributeValue<EntityReference>("ownerid"), table.LogicalName);
                    var id = context.Store.Create(saved, op.UserId, op.Transaction.Log);
                    op.PrimaryEntityId = id;
                    op.OutputParameters["id"] = id;
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }

        private static Entity EntityForCheck(Entity target, System.Guid userId)
        {
            var copy = Store.EntityCloner.Clone(target);
            if (!copy.Contains("ownerid") || copy["ownerid"] == null) copy["ownerid"] = new EntityReference("systemuser", userId);
            return copy;
        }
    }
}
