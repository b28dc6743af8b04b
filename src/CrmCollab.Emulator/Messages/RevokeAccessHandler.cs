using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>RevokeAccess (Target, Revokee): the record is no longer shared with that user or team.</summary>
    internal sealed class RevokeAccessHandler : IMessageHandler
    {
        public string MessageName => "RevokeAccess";

        public OrganizationResponse Handle(MessageContext context)
        {
            var target = context.Required<EntityReference>("Target");
            ShareMessage.Principal(context, context.Get<EntityReference>("Revokee"), "Revokee");
            var table = ShareMessage.SharedTable(context, target);
            return ShareMessage.Run(context, MessageName, table, target.Id, op =>
            {
                var revokee = ShareMessage.Principal(context, op.InputParameters["Revokee"] as EntityReference, "Revokee");
                RecordShares.Set(context.Store.Rows, new EntityReference(table.LogicalName, target.Id), revokee, 0, op.Transaction.Log);
            });
        }
    }
}
