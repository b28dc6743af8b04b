using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// ModifyAccess (Target, PrincipalAccess): replaces the rights the record is shared with for that user or team
    /// (learn.microsoft.com, "Sharing and assigning": ModifyAccess changes the access of a shared record).
    /// </summary>
    internal sealed class ModifyAccessHandler : IMessageHandler
    {
        public string MessageName => "ModifyAccess";

        public OrganizationResponse Handle(MessageContext context)
        {
            var target = context.Required<EntityReference>("Target");
            ShareMessage.Access(context, context.Get<object>("PrincipalAccess"));
            var table = ShareMessage.SharedTable(context, target);
            return ShareMessage.Run(context, MessageName, table, target.Id, op =>
            {
                var access = ShareMessage.Access(context, op.InputParameters["PrincipalAccess"]);
                var principal = ShareMessage.Principal(context, access.Principal, "PrincipalAccess.Principal");
                RecordShares.Set(context.Store.Rows, new EntityReference(table.LogicalName, target.Id), principal,
                    (int)access.AccessMask, op.Transaction.Log);
            });
        }
    }
}
