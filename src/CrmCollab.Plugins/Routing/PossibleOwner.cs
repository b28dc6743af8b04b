using System;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// A user or team that work is about to be routed to, read with what decides whether it can own that work: its
    /// name, whether it is an access team or a disabled user, and whether it holds a security role (a user's through its
    /// teams too). Read the same way for a dedicated owner and a routing rule's target, and judged by
    /// <see cref="DedicatedOwnerRules"/>: two or three queries. A rule's queue cannot own: its owner is read (one query
    /// more) and judged as the rule's user or team would be.
    /// </summary>
    public sealed class PossibleOwner
    {
        private PossibleOwner(string who, bool isTeam, bool isAccessTeam, bool isDisabledUser, bool hasSecurityRole, string ownedQueue = null,
            Guid? teamId = null, bool queueIsInactive = false)
        {
            QueueIsInactive = queueIsInactive;
            TeamId = teamId;
            Who = who;
            OwnedQueue = ownedQueue;
            IsTeam = isTeam;
            IsAccessTeam = isAccessTeam;
            IsDisabledUser = isDisabledUser;
            HasSecurityRole = hasSecurityRole;
        }

        /// <summary>"the user Ann Smith" or "the team Logistics North".</summary>
        public string Who { get; }
        public bool IsTeam { get; }
        public bool IsAccessTeam { get; }
        public bool IsDisabledUser { get; }
        public bool HasSecurityRole { get; }
        /// <summary>The team's id when the principal (or the queue's owner) is a team; else null.</summary>
        public Guid? TeamId { get; }
        /// <summary>When read for a queue: the queue's name (this is its owner, who holds what waits in it); else null.</summary>
        public string OwnedQueue { get; }
        /// <summary>When read for a queue: whether the queue is deactivated (nobody works from it any more).</summary>
        public bool QueueIsInactive { get; }

        /// <summary>As a dedicated owner or backup (<see cref="DedicatedOwnerRules.CheckCanOwn"/>).</summary>
        public Refusal CheckAsDedicatedOwner() => DedicatedOwnerRules.CheckCanOwn(Who, IsTeam, IsAccessTeam, HasSecurityRole, IsDisabledUser);

        /// <summary>As a routing rule's target (<see cref="DedicatedOwnerRules.CheckRuleTarget"/>).</summary>
        public Refusal CheckAsRuleTarget() =>
            DedicatedOwnerRules.CheckRuleTarget(Who, IsTeam, IsAccessTeam, HasSecurityRole, IsDisabledUser, OwnedQueue, QueueIsInactive);

        /// <summary>The user or team named, or for a queue the user or team that owns it; null for nobody.</summary>
        public static PossibleOwner Read(IOrganizationService service, EntityReference principal)
        {
            if (principal == null) return null;
            if (principal.LogicalName == Queue.Table)
            {
                Entity queue = service.Retrieve(Queue.Table, principal.Id, new ColumnSet(Queue.Name, Queue.OwnerId, CommonColumn.StateCode));
                PossibleOwner owner = Read(service, queue.Read<EntityReference>(Queue.OwnerId));
                return owner == null ? null
                    : new PossibleOwner(owner.Who, owner.IsTeam, owner.IsAccessTeam, owner.IsDisabledUser, owner.HasSecurityRole, queue.Read<string>(Queue.Name),
                        owner.TeamId, queue.Choice(CommonColumn.StateCode) == InForce.StateInactive);
            }
            bool isTeam = principal.LogicalName == Team.Table;
            Entity row = service.Retrieve(principal.LogicalName, principal.Id,
                isTeam ? new ColumnSet(Team.Name, Team.TeamType) : new ColumnSet(SystemUser.FullName, SystemUser.IsDisabled));
            string who = isTeam ? $"the team {row.Read<string>(Team.Name)}" : $"the user {row.Read<string>(SystemUser.FullName)}";
            bool isAccessTeam = isTeam && row.Choice(Team.TeamType) == Team.AccessTeam;
            bool hasRole = isTeam ? HasAny(service, Membership.TeamRoles, Membership.TeamId, principal.Id) : HasUserRole(service, principal.Id);
            return new PossibleOwner(who, isTeam, isAccessTeam, !isTeam && row.Flag(SystemUser.IsDisabled), hasRole, teamId: isTeam ? principal.Id : (Guid?)null);
        }

        /// <summary>Whether an enabled user belongs to the team (one query): someone who sees and works what the team holds.</summary>
        public static bool HasActiveMember(IOrganizationService service, Guid teamId)
        {
            var query = new QueryExpression(Membership.TeamMembers) { ColumnSet = new ColumnSet(Membership.UserId) };
            query.Criteria.AddCondition(Membership.TeamId, ConditionOperator.Equal, teamId);
            LinkEntity user = query.AddLink(SystemUser.Table, Membership.UserId, SystemUser.Id);
            user.EntityAlias = "u";
            user.Columns = new ColumnSet(SystemUser.IsDisabled);
            foreach (Entity member in service.RetrieveMultiple(query).Entities)
                if (!member.Aliased<bool>("u." + SystemUser.IsDisabled)) return true;
            return false;
        }

        /// <summary>Whether the user holds a security role, their own or a team's (one or two queries).</summary>
        public static bool HoldsRole(IOrganizationService service, Guid userId) => HasUserRole(service, userId);

        private static bool HasUserRole(IOrganizationService service, Guid userId)
        {
            if (HasAny(service, Membership.UserRoles, Membership.UserId, userId)) return true;
            var query = new QueryExpression(Membership.TeamRoles) { ColumnSet = new ColumnSet(Membership.RoleId), TopCount = 1 };
            LinkEntity members = query.AddLink(Membership.TeamMembers, Membership.TeamId, Membership.TeamId);
            members.LinkCriteria.AddCondition(Membership.UserId, ConditionOperator.Equal, userId);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        private static bool HasAny(IOrganizationService service, string table, string column, Guid id)
        {
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(Membership.RoleId), TopCount = 1 };
            query.Criteria.AddCondition(column, ConditionOperator.Equal, id);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }
    }
}
