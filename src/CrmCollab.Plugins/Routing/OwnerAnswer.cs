using System;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// Who receives a function's work for an account today, and why: the routing a win or a review request would apply
    /// (the account's dedicated owner, else its parents', else the segment's routing rule, else the Unrouted queue). Read
    /// with the rights of the service given: the workflow's user for the Resolve Dedicated Owner step, the caller for the
    /// custom API of the same name. Writes nothing.
    /// </summary>
    public sealed class OwnerAnswer
    {
        /// <summary>What the reader must be allowed to do, and which shipped roles allow it, as one clause.</summary>
        public const string NeededRights =
            "read the account and its parent accounts, CrmCollab's dedicated owners and routing rules, and the Unrouted queue setting " +
            "(the CrmCollab Administrator role; a salesperson's rights suffice for their own accounts when a dedicated owner is set)";

        /// <summary>The user who receives the work, when a user does.</summary>
        public EntityReference User { get; private set; }

        /// <summary>The team that receives the work, when a team does.</summary>
        public EntityReference Team { get; private set; }

        /// <summary>The queue the work waits in, when a queue receives it.</summary>
        public EntityReference Queue { get; private set; }

        /// <summary>Why: which dedicated owner or rule decided, in words.</summary>
        public string RoutingPath { get; private set; }

        public static OwnerAnswer Of(IOrganizationService service, Guid accountId, BusinessFunction function, DateTime now)
        {
            // The roles of the people named are not read with the reader's rights: one who lost every role is named as routed
            // to (CrmCollab's own routing, as SYSTEM, passes over them).
            OwnerResolution routing = new RoutingRepository(service, readsRoles: false).ResolverFor(accountId, new[] { function }).Resolve(function, now);
            Principal owner = routing.Owner;
            return new OwnerAnswer
            {
                User = owner?.Kind == PrincipalKind.User ? new EntityReference(SystemUser.Table, owner.Id) : null,
                Team = owner?.Kind == PrincipalKind.Team ? new EntityReference(Data.Team.Table, owner.Id) : null,
                Queue = owner?.Kind == PrincipalKind.Queue ? new EntityReference(Data.Queue.Table, owner.Id) : null,
                RoutingPath = routing.RoutingPath,
            };
        }
    }
}
