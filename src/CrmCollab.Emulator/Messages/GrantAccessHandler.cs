using CrmCollab.Emulator.Security;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// GrantAccess (Target, PrincipalAccess): shares the record with a user or team. Rights already shared with that
    /// principal stay; the granted ones are added (ModifyAccess is the message that replaces them).
    /// </summary>
    internal sealed class GrantAccessHandler : IMessageHandler
    {
        public string MessageName => "GrantAccess";

        public OrganizationResponse Handle(MessageContext context)
        {
            var target = context.Required<EntityReference>("Target");
            ShareMessage.Access(context, context.Get<object>("PrincipalAccess"));
            var table = ShareMessage.SharedTable(context, target);
            return ShareMessage.Run(context, MessageName, table, target.Id, op =>
            {
                var access = ShareMessage.Access(context, op.InputParameters["PrincipalAccess"]);
                var record = new EntityReference(table.LogicalName, target.Id);
                var principal = ShareMessage.Principal(context, access.Principal, "PrincipalAccess.Principal");
                int mask = RecordShares.MaskOf(context.Store.Rows, target.Id, principal.Id) | (int)access.AccessMask;
                RecordShares.Set(context.Store.Rows, record, principal, mask, op.Transaction.Log);
            });
        }
    }
}
