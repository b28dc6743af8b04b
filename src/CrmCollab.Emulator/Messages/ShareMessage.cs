using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using CrmCollab.Emulator.Security;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// What GrantAccess, ModifyAccess and RevokeAccess share: the record must be of a user- or team-owned table, the
    /// principal an existing user or team, and the caller must hold Share on the record ("Privileges and Access Rights"
    /// of GrantAccessRequest: privileges on the target's table and access rights on the target record; the privilege is
    /// prvShare&lt;Table&gt;, "GrantAccess message privileges"). Organization-wide shares are not modelled.
    /// </summary>
    internal static class ShareMessage
    {
        private const int KnownRights = (int)(AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.AppendAccess
            | AccessRights.AppendToAccess | AccessRights.CreateAccess | AccessRights.DeleteAccess | AccessRights.ShareAccess
            | AccessRights.AssignAccess);

        public static TableDefinition SharedTable(MessageContext context, EntityReference target)
        {
            var table = context.Table(target.LogicalName);
            if (table.Ownership != OwnershipType.UserOwned)
                throw Engine.Faults.Invalid($"The entity '{table.LogicalName}' is not user or team owned and cannot be shared.");
            context.Store.RequireRow(table.LogicalName, target.Id);
            return table;
        }

        public static EntityReference Principal(MessageContext context, EntityReference principal, string parameter)
        {
            if (principal == null || principal.Id == Guid.Empty)
                throw Engine.Faults.Invalid($"Required field '{parameter}' is missing");
            if (principal.LogicalName != "systemuser" && principal.LogicalName != "team")
                throw Engine.Faults.Invalid($"'{principal.LogicalName}' cannot be given access to a record: give a systemuser or a team.");
            context.Store.RequireRow(principal.LogicalName, principal.Id);
            return new EntityReference(principal.LogicalName, principal.Id);
        }

        public static PrincipalAccess Access(MessageContext context, object value)
        {
            var access = value as PrincipalAccess ?? throw Engine.Faults.Invalid("Required field 'PrincipalAccess' is missing");
            if (((int)access.AccessMask & ~KnownRights) != 0)
                throw Engine.Faults.Invalid($"The access mask {(int)access.AccessMask} names rights that do not exist.");
            Principal(context, access.Principal, "PrincipalAccess.Principal");
            return access;
        }

        /// <summary>Runs the message's pipeline on the record; the main operation demands Share, then writes.</summary>
        public static OrganizationResponse Run(MessageContext context, string messageName, TableDefinition table, Guid id,
            Action<Operation> write) =>
            context.Run(new OperationSpec
            {
                MessageName = messageName,
                PrimaryEntityName = table.LogicalName,
                PrimaryEntityId = id,
                HasPreImage = false,
                HasPostImage = false,
                Main = op =>
                {
                    context.Demand(op.UserId, table.LogicalName, AccessRight.Share, context.Store.RequireRow(table.LogicalName, id));
                    write(op);
                    return MessageContext.Respond(messageName, op);
                },
            });
    }
}
