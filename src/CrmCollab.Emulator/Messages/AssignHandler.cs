using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// Assign (deprecated in favour of Update of ownerid): runs the Assign pipeline, whose main operation is an
    /// Update of ownerid with its own Update pipeline, so steps on either message fire; then the Assign cascade of the
    /// row's relationships (<see cref="AssignCascade"/>).
    /// </summary>
    internal sealed class AssignHandler : IMessageHandler
    {
        public string MessageName => "Assign";

        public OrganizationResponse Handle(MessageContext context)
        {
            var target = context.Required<EntityReference>("Target");
            var assignee = context.Required<EntityReference>("Assignee");
            var table = context.Table(target.LogicalName);
            if (table.Column("ownerid") == null)
                throw Engine.Faults.Invalid($"The entity '{table.LogicalName}' is not user or team owned and cannot be assigned.");
            context.Store.RequireRow(table.LogicalName, target.Id);
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = table.LogicalName,
                PrimaryEntityId = target.Id,
                Main = op =>
                {
                    var current = context.Store.RequireRow(table.LogicalName, target.Id);
                    context.Demand(op.UserId, table.LogicalName, AccessRight.Assign, current);
                    var ownerBefore = current.GetAttributeValue<EntityReference>("ownerid");
                    var owner = (EntityReference)op.InputParameters["Assignee"];
                    var update = new Entity(table.LogicalName, target.Id) { ["ownerid"] = new EntityReference(owner.LogicalName, owner.Id) };
                    context.Inner(op, new OrganizationRequest("Update") { ["Target"] = update });
                    // Then the relationships' Assign cascade, each child a sub-operation of this Assign (AssignCascade).
                    AssignCascade.Apply(context, op, table.LogicalName, target.Id, ownerBefore, owner);
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }
}
