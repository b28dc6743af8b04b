using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// Which teams may be given a security role (teamroles_association, either side as the target):
    /// <list type="bullet">
    /// <item>no access team: "An access team doesn't own records and doesn't have security roles assigned to the team. The
    /// team members have privileges defined by their individual security roles and by roles from the teams they're members
    /// of" (Microsoft Dataverse teams management, types of teams; the same in the Customer Engagement on-premises admin
    /// guide, "Manage teams"). The error code the platform answers with is not documented: the engine answers with its
    /// generic invalid-argument fault;</item>
    /// <item>a Microsoft Entra group team (Security Group or Office Group, teamtype 2 and 3) only a role whose members inherit
    /// its privileges: AadGroupTeamsCanOnlyAssignInheritableRoles, 0x80048350, "Cannot assign security role with \"Team
    /// Privileges only\" Inheritance to ... Group or Office Group teams" (Dataverse web service error codes).</item>
    /// </list>
    /// </summary>
    internal static class TeamRoleAssignment
    {
        public const int AccessTeam = 1, SecurityGroupTeam = 2, OfficeGroupTeam = 3;
        public const int AadGroupTeamsCanOnlyAssignInheritableRoles = unchecked((int)0x80048350);

        /// <summary>Throws when <paramref name="teamId"/> may not be given the role <paramref name="roleId"/>.</summary>
        public static void Refuse(MessageContext context, string intersect, Guid teamId, Guid roleId)
        {
            if (intersect != "teamroles") return;
            var team = context.Store.RequireRow("team", teamId);
            int? type = team.GetAttributeValue<OptionSetValue>("teamtype")?.Value;
            if (type == AccessTeam)
                throw Faults.Invalid($"Security roles cannot be assigned to an access team (team {teamId}): access teams give record " +
                    "access through sharing only. Assign the role to an owner team or to the users.");
            if ((type == SecurityGroupTeam || type == OfficeGroupTeam)
                && TeamRoleInheritance.TeamPrivilegesOnly(context.Store.RequireRow("role", roleId)))
                throw Faults.Create(AadGroupTeamsCanOnlyAssignInheritableRoles, "Cannot assign security role with \"Team Privileges only\" " +
                    $"Inheritance to Microsoft Entra ID Group or Office Group teams. (TeamId = {teamId})");
        }
    }
}
