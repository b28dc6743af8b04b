using System;
using System.ServiceModel;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Security
{
    /// <summary>
    /// The security faults, with Dataverse's codes. Sources: learn.microsoft.com "Web service error codes"
    /// (powerapps-docs includes/data-service-error-codes.md) and "Troubleshoot Dataverse client errors".
    /// </summary>
    public static class SecurityFaults
    {
        /// <summary>PrivilegeDenied: the principal's roles hold the privilege at no depth at all.</summary>
        public const int PrivilegeDenied = Engine.ErrorCodes.PrivilegeDenied;

        /// <summary>Access check failed: the privilege is held, but its depth does not reach this record.</summary>
        public const int AccessCheckFailed = unchecked((int)0x80048306);

        /// <summary>PrincipalPrivilegeDenied: a target user or team (e.g. a new owner) lacks a required privilege.</summary>
        public const int PrincipalPrivilegeDenied = unchecked((int)0x80040231);

        /// <summary>unManagedidsusernotenabled: the user is disabled or in no business unit.</summary>
        public const int UserNotEnabled = unchecked((int)0x80040225);

        /// <summary>CannotAssignToAccessTeam: access teams cannot own records.</summary>
        public const int CannotAssignToAccessTeam = unchecked((int)0x80048340);

        /// <summary>ObjectDoesNotExist.</summary>
        public const int ObjectDoesNotExist = Engine.ErrorCodes.ObjectDoesNotExist;

        /// <summary>InvalidArgument.</summary>
        public const int InvalidArgument = Engine.ErrorCodes.InvalidArgument;

        internal static FaultException<OrganizationServiceFault> Create(int code, string message, DateTime timestamp)
        {
            var fault = new OrganizationServiceFault { ErrorCode = code, Message = message, Timestamp = timestamp };
            return new FaultException<OrganizationServiceFault>(fault, new FaultReason(message));
        }

        internal static string PrincipalText(UserPrincipal user) =>
            $"Principal user (Id={user.UserId}, type=8, roleCount={user.RoleCount}, privilegeCount={user.PrivilegeCount}, " +
            $"accessMode='0 Read-Write', fullName='{user.FullName}', businessUnitId={user.BusinessUnitId})";

        internal static string PrivilegeDeniedMessage(UserPrincipal user, string privilegeName, Guid privilegeId,
            int objectTypeCode, string table, string displayName) =>
            $"{PrincipalText(user)}, is missing {privilegeName} privilege (Id={privilegeId}) on OTC={objectTypeCode} " +
            $"for entity '{table}' (LocalizedName='{displayName}'). context.Caller={user.UserId}. " +
            "Consider adding missed privilege to one of the principal (user/team) roles.";

        /// <summary>A privilege asked by name (a message's, such as prvMerge or a custom API's execute privilege).</summary>
        internal static string MissingPrivilegeMessage(UserPrincipal user, string privilegeName, Guid privilegeId) =>
            $"{PrincipalText(user)}, is missing {privilegeName} privilege (Id={privilegeId}). context.Caller={user.UserId}. " +
            "Consider adding missed privilege to one of the principal (user/team) roles.";

        internal static string AccessDeniedMessage(UserPrincipal user, string accessRights, Guid recordId, string table,
            string privilegeName, PrivilegeDepth heldDepth, EntityReference owner, Guid owningBusinessUnit) =>
            $"{PrincipalText(user)} does not have {accessRights} right(s) for record with Id = {recordId} of entity " +
            $"'{table}'. Its {privilegeName} privilege reaches {DepthText(heldDepth)} only; the record is owned by " +
            $"{owner?.LogicalName ?? "nobody"} {owner?.Id ?? Guid.Empty} in business unit {owningBusinessUnit}. " +
            $"Consider raising the depth of {privilegeName} in one of the principal (user/team) roles, or changing the owner.";

        internal static string DepthText(PrivilegeDepth depth)
        {
            switch (depth)
            {
                case PrivilegeDepth.Basic: return "Basic (User) depth";
                case PrivilegeDepth.Local: return "Local (Business Unit) depth";
                case PrivilegeDepth.Deep: return "Deep (Parent: Child Business Units) depth";
                case PrivilegeDepth.Global: return "Global (Organization) depth";
                default: return "no depth";
            }
        }
    }
}
