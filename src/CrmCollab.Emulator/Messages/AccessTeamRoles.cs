using System;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// An access team holds no security role: "An access team doesn't own records and doesn't have security roles assigned
    /// to the team. The team members have privileges defined by their individual security roles and by roles from the teams
    /// they're members of" (Microsoft Dataverse teams management, types of teams; the same in the Customer Engagement
    /// on-premises admin guide, "Manage teams"). So the platform gives no access team a role, and the engine refuses the
    /// Associate that would (teamroles_association, either side as the target). The error code the platform answers with is
    /// not documented; the engine answers with its generic invalid-argument fault.
    /// </summary>
    internal static class AccessTeamRoles
    {
        public const int AccessTeam = 1;

        /// <summary>Throws when <paramref name="teamId"/> is an access team about to be given a role.</summary>
        public static void Refuse(MessageContext context, string intersect, Guid teamId)
        {
            if (intersect != "teamroles") return;
            var team = context.Store.RequireRow("team", teamId);
            if (team.GetAttributeValue<OptionSetValue>("teamtype")?.Value == AccessTeam)
                throw Faults.Invalid($"Security roles cannot be assigned to an access team (team {teamId}): access teams give record " +
                    "access through sharing only. Assign the role to an owner team or to the users.");
        }
    }
}
