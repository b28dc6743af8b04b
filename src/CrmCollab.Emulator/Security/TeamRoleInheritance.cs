using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Security
{
    /// <summary>
    /// A role's "Member's privilege inheritance" (role.isinherited; reference/entities/role.md: SystemRequired, default 1):
    /// "Team privileges only: A user is granted these privileges as a member of a team. Team members who don't have user
    /// privileges of their own can create records with the team as the owner"; "Direct User (Basic) access level and Team
    /// privileges: A user is granted these privileges directly when the security role is assigned. Users can create records
    /// with themselves as the owner ... This setting is the default for new security roles" (Power Platform admin guide,
    /// "Security roles and privileges"). So a team's role of the first kind gives its members the team's privileges only:
    /// no Basic depth of their own.
    /// </summary>
    internal static class TeamRoleInheritance
    {
        public const string Column = "isinherited";
        public const int TeamPrivilegesOnlyValue = 0, DirectUserAndTeamValue = 1;

        /// <summary>True when the role row says "Team privileges only" (a row without the column has the default, 1).</summary>
        public static bool TeamPrivilegesOnly(Entity role) =>
            role.GetAttributeValue<OptionSetValue>(Column)?.Value == TeamPrivilegesOnlyValue;
    }
}
