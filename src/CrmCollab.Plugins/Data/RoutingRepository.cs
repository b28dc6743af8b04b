using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Data
{
    /// <summary>
    /// Loads what owner resolution needs for one account in a bounded number of queries, whatever the number of
    /// rules or functions: one Retrieve per level of the parent chain, one query for the chain's dedicated owners,
    /// (only when a function has no dedicated owner) one for the active routing rules of the caller's functions that
    /// can match the account, and (only when something is unrouted) one for the fallback. Whether a rule's user, or the
    /// owner of a rule's or the fallback's queue, is disabled comes with those reads (joined), never as a query of its own.
    /// </summary>
    public sealed class RoutingRepository
    {
        public const int MaxChainDepth = 10;
        private readonly IOrganizationService _service;
        private readonly bool _readsRoles;

        /// <param name="readsRoles">Whether the roles of the users and teams routing names are read, to pass over one that
        /// can own nothing (<see cref="OwnerRoles"/>): CrmCollab's routing reads them as SYSTEM; a reader with a user's rights
        /// (the Resolve Dedicated Owner step and action) does not, since no page says which privilege reads them.</param>
        public RoutingRepository(IOrganizationService service, bool readsRoles = true)
        {
            _service = service;
            _readsRoles = readsRoles;
        }

        /// <param name="functions">The functions the caller will resolve (the rules read are theirs); null: any.</param>
        public OwnerResolver ResolverFor(Guid accountId, IEnumerable<BusinessFunction> functions = null)
        {
            IReadOnlyList<AccountProfile> chain = AccountChain(accountId);
            var ids = chain.Select(a => (object)a.Id).ToArray();
            var fallback = new Lazy<Principal>(UnroutedFallback); // looked up once, and only if something is unrouted
            BusinessFunction[] only = functions?.Distinct().ToArray();
            return new OwnerResolver(chain, DedicatedOwners(ids), () => ActiveRulesFor(chain[0], only), () => fallback.Value);
        }

        public IReadOnlyList<AccountProfile> AccountChain(Guid accountId)
        {
            var chain = new List<AccountProfile>();
            var seen = new HashSet<Guid>();
            Guid? next = accountId;
            var columns = new ColumnSet(ProfileColumns);
            while (next.HasValue && seen.Add(next.Value) && chain.Count < MaxChainDepth)
            {
                chain.Add(ToProfile(_service.Retrieve(Account.Table, next.Value, columns)));
                next = chain[chain.Count - 1].ParentId;
            }
            return chain;
        }

        /// <summary>The account columns routing looks at (<see cref="ToProfile"/>).</summary>
        public static readonly string[] ProfileColumns =
            { Account.Name, Account.ParentAccountId, Account.IndustryCode, Account.TerritoryId, Account.CustomerSizeCode };

        public static AccountProfile ToProfile(Entity row) => new AccountProfile
        {
            Id = row.Id,
            Name = row.Read<string>(Account.Name),
            ParentId = row.RefId(Account.ParentAccountId),
            IndustryCode = row.Choice(Account.IndustryCode),
            TerritoryId = row.RefId(Account.TerritoryId),
            CustomerSizeCode = row.Choice(Account.CustomerSizeCode),
        };

        /// <summary>A routing rule row's function and the segment it decides for (what a rule's image carries).</summary>
        public static RoutingRule SegmentOf(Entity row) => new RoutingRule
        {
            Id = row.Id,
            Function = (BusinessFunction)(row.Choice(RoutingRuleRow.Function) ?? 0),
            IndustryCode = row.Choice(RoutingRuleRow.IndustryCode),
            TerritoryId = row.RefId(RoutingRuleRow.TerritoryId),
            CustomerSizeCode = row.Read<int?>(RoutingRuleRow.CustomerSizeCode), // an integer: the account choice value
        };

        public IReadOnlyList<DedicatedOwner> DedicatedOwners(object[] accountIds)
        {
            var query = new QueryExpression(DedicatedOwnerRow.Table)
            {
                ColumnSet = new ColumnSet(DedicatedOwnerRow.AccountId, DedicatedOwnerRow.Function, DedicatedOwnerRow.UserId,
                    DedicatedOwnerRow.TeamId, DedicatedOwnerRow.BackupUserId, DedicatedOwnerRow.ValidFrom, DedicatedOwnerRow.ValidTo),
            };
            query.Criteria.AddCondition(DedicatedOwnerRow.AccountId, ConditionOperator.In, accountIds);
            query.Criteria.AddCondition(DedicatedOwnerRow.StateCode, ConditionOperator.Equal, 0);
            AddUserState(query, DedicatedOwnerRow.UserId, "u");
            AddUserState(query, DedicatedOwnerRow.BackupUserId, "b");
            if (!_readsRoles) return _service.RetrieveMultiple(query).Entities.Select(ToDedicatedOwner).ToList();
            OwnerRoles.JoinOwnerRows(query); // whether each one named holds a role (joined: no query more, a second only for a user without one of their own)
            return OwnerRoles.OwnerRows(_service, _service.RetrieveMultiple(query).Entities);
        }

        public static DedicatedOwner ToDedicatedOwner(Entity row)
        {
            EntityReference user = row.Read<EntityReference>(DedicatedOwnerRow.UserId);
            EntityReference team = row.Read<EntityReference>(DedicatedOwnerRow.TeamId);
            EntityReference backup = row.Read<EntityReference>(DedicatedOwnerRow.BackupUserId);
            return new DedicatedOwner
            {
                Id = row.Id,
                AccountId = row.RefId(DedicatedOwnerRow.AccountId) ?? Guid.Empty,
                Function = (BusinessFunction)(row.Choice(DedicatedOwnerRow.Function) ?? 0),
                Owner = user != null ? ToPrincipal(user) : team != null ? ToPrincipal(team) : null,
                OwnerIsActive = user == null || !row.Aliased<bool>("u." + SystemUser.IsDisabled),
                Backup = backup == null ? null : ToPrincipal(backup),
                BackupIsActive = backup != null && !row.Aliased<bool>("b." + SystemUser.IsDisabled),
                ValidFrom = row.Read<DateTime?>(DedicatedOwnerRow.ValidFrom) ?? DateTime.MinValue,
                ValidTo = row.Read<DateTime?>(DedicatedOwnerRow.ValidTo),
            };
        }

        /// <summary>
        /// The active rules of the functions (null: all) that can match the account: each criterion a rule sets
        /// (industry, territory, size) is unset or equal to the account's, filtered by the server, so an organisation
        /// with a rule per sector, territory and function reads a few rows, not all of them.
        /// <see cref="RoutingRule.Matches"/> still decides.
        /// </summary>
        public IReadOnlyList<RoutingRule> ActiveRulesFor(AccountProfile account, IReadOnlyCollection<BusinessFunction> functions = null)
        {
            if (functions != null && functions.Count == 0) return new RoutingRule[0]; // nothing asked (and an In with no value is no valid condition)
            var query = new QueryExpression(RoutingRuleRow.Table)
            {
                ColumnSet = new ColumnSet(RoutingRuleRow.Name, RoutingRuleRow.Function, RoutingRuleRow.IndustryCode,
                    RoutingRuleRow.TerritoryId, RoutingRuleRow.CustomerSizeCode, RoutingRuleRow.UserId, RoutingRuleRow.TeamId,
                    RoutingRuleRow.QueueId, RoutingRuleRow.Priority),
            };
            if (functions != null) // first: the most selective condition, as a reader of the query expects
                query.Criteria.AddCondition(RoutingRuleRow.Function, ConditionOperator.In, functions.Select(f => (object)(int)f).ToArray());
            InForce.Only(query, RoutingRuleRow.IsActive);
            UnsetOrEqual(query, RoutingRuleRow.IndustryCode, account.IndustryCode);
            UnsetOrEqual(query, RoutingRuleRow.TerritoryId, account.TerritoryId);
            UnsetOrEqual(query, RoutingRuleRow.CustomerSizeCode, account.CustomerSizeCode);
            AddUserState(query, RoutingRuleRow.UserId, "u");
            LinkEntity queue = query.AddLink(Queue.Table, RoutingRuleRow.QueueId, Queue.Id, JoinOperator.LeftOuter);
            queue.EntityAlias = "q";
            queue.Columns = new ColumnSet(Queue.OwnerId);
            AddUserState(queue, Queue.OwnerId, "qu", SystemUser.FullName);
            if (_readsRoles) OwnerRoles.JoinRules(query);
            // A rule whose user, or whose queue's owner, is disabled or holds no role routes nothing: OwnerResolver passes over it and says so.
            return OwnerRoles.Rules(_service, _service.RetrieveMultiple(query).Entities, _readsRoles,
                    row => WithState(FirstPrincipal(row, RoutingRuleRow.UserId, RoutingRuleRow.TeamId, RoutingRuleRow.QueueId),
                        row.Aliased<bool>("u." + SystemUser.IsDisabled), QueueKeeper(row, row.Aliased<EntityReference>("q." + Queue.OwnerId), "qu")))
                .Select(read =>
                {
                    RoutingRule rule = SegmentOf(read.Key);
                    rule.Name = read.Key.Read<string>(RoutingRuleRow.Name);
                    rule.Target = read.Value;
                    rule.Priority = read.Key.Read<int?>(RoutingRuleRow.Priority) ?? int.MaxValue;
                    return rule;
                })
                .ToList();
        }

        /// <summary>
        /// What routes work to the queue, whose owner holds what waits in it: "the routing rule '…'" for a rule in force (one
        /// query), else "the Unrouted Handoffs Queue setting" when the setting names it (its read); null when nothing does.
        /// </summary>
        public string WhatRoutesTo(Guid queueId)
        {
            var query = new QueryExpression(RoutingRuleRow.Table) { ColumnSet = new ColumnSet(RoutingRuleRow.Name), TopCount = 1 };
            query.Criteria.AddCondition(RoutingRuleRow.QueueId, ConditionOperator.Equal, queueId);
            InForce.Only(query, RoutingRuleRow.IsActive);
            Entity rule = _service.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (rule != null) return $"the routing rule '{rule.Read<string>(RoutingRuleRow.Name)}'";
            Principal unrouted = UnroutedFallback();
            return unrouted != null && unrouted.Kind == PrincipalKind.Queue && unrouted.Id == queueId ? "the Unrouted Handoffs Queue setting" : null;
        }

        /// <summary>The rules in force that route to the queue, each with its function and segment (every page: one query).</summary>
        public IReadOnlyList<RoutingRule> RulesRoutingTo(Guid queueId)
        {
            var query = new QueryExpression(RoutingRuleRow.Table)
            {
                ColumnSet = new ColumnSet(RoutingRuleRow.Function, RoutingRuleRow.IndustryCode, RoutingRuleRow.TerritoryId, RoutingRuleRow.CustomerSizeCode),
            };
            query.Criteria.AddCondition(RoutingRuleRow.QueueId, ConditionOperator.Equal, queueId);
            InForce.Only(query, RoutingRuleRow.IsActive);
            query.AddOrder(RoutingRuleRow.Id, OrderType.Ascending);
            return Pages.All(_service, query).Select(SegmentOf).ToList();
        }

        /// <summary>The queue (or team) named by crmc_UnroutedQueue: its id, or its name.</summary>
        public Principal UnroutedFallback() => QueueOrTeam(EnvironmentVariables.Read(_service, EnvironmentVariable.UnroutedQueue));

        /// <summary>
        /// The queue (else the team) a setting names, by id or by name; null when there is none or the setting is empty.
        /// A queue comes with its owner, who holds what waits in it, and whether that owner is a disabled user.
        /// </summary>
        public Principal QueueOrTeam(string setting)
        {
            if (string.IsNullOrWhiteSpace(setting)) return null;
            foreach (var table in new[] { Queue.Table, Team.Table })
            {
                bool isQueue = table == Queue.Table;
                string nameColumn = isQueue ? Queue.Name : Team.Name;
                var query = new QueryExpression(table) { ColumnSet = isQueue ? new ColumnSet(nameColumn, Queue.OwnerId) : new ColumnSet(nameColumn), TopCount = 1 };
                if (Guid.TryParse(setting, out Guid id)) query.Criteria.AddCondition(table + "id", ConditionOperator.Equal, id);
                else query.Criteria.AddCondition(nameColumn, ConditionOperator.Equal, setting.Trim());
                if (isQueue) AddUserState(query, Queue.OwnerId, "o", SystemUser.FullName);
                if (_readsRoles) OwnerRoles.JoinDesk(query); // a holder with no role can own nothing waiting there
                Entity found = _service.RetrieveMultiple(query).Entities.FirstOrDefault();
                if (found == null) continue;
                Principal desk = !isQueue ? new Principal(PrincipalKind.Team, found.Id, found.Read<string>(nameColumn))
                    : WithState(new Principal(PrincipalKind.Queue, found.Id, found.Read<string>(nameColumn)), false,
                        QueueKeeper(found, found.Read<EntityReference>(Queue.OwnerId), "o"));
                return _readsRoles ? OwnerRoles.Desk(_service, found, desk) : desk;
            }
            return null;
        }

        /// <summary>
        /// A rule's or setting's principal with what decides whether it can be given work: a user's disabled flag; a
        /// queue's owner when a user (who holds what waits in it), with their name and disabled flag.
        /// </summary>
        private static Principal WithState(Principal principal, bool userDisabled, Principal queueKeeper)
        {
            if (principal == null) return null;
            switch (principal.Kind)
            {
                case PrincipalKind.User when userDisabled:
                    return new Principal(PrincipalKind.User, principal.Id, principal.Name, isDisabled: true);
                case PrincipalKind.Queue when queueKeeper != null:
                    return new Principal(PrincipalKind.Queue, principal.Id, principal.Name, queueKeeper);
                default:
                    return principal;
            }
        }

        /// <summary>
        /// The user who owns a queue (<paramref name="owner"/>, its owner column), with the join on that user
        /// (<paramref name="userAlias"/>: full name, disabled flag); null when a team owns it (a team is never disabled;
        /// whoever applies the routing reads it).
        /// </summary>
        private static Principal QueueKeeper(Entity row, EntityReference owner, string userAlias)
        {
            if (owner == null || owner.LogicalName != SystemUser.Table) return null;
            return new Principal(PrincipalKind.User, owner.Id, row.Aliased<string>(userAlias + "." + SystemUser.FullName) ?? owner.Name,
                isDisabled: row.Aliased<bool>(userAlias + "." + SystemUser.IsDisabled));
        }

        public static Principal ToPrincipal(EntityReference reference)
        {
            switch (reference.LogicalName)
            {
                case SystemUser.Table: return new Principal(PrincipalKind.User, reference.Id, reference.Name);
                case Team.Table: return new Principal(PrincipalKind.Team, reference.Id, reference.Name);
                case Queue.Table: return new Principal(PrincipalKind.Queue, reference.Id, reference.Name);
                default:
                    throw new InvalidPluginExecutionException(new Domain.Refusal(Domain.RefusalCodes.RoutingTargetKind,
                        $"Work can be routed to a user, a team or a queue only, not to a row of the table '{reference.LogicalName}'. " +
                        "Ask your CrmCollab administrator to correct the routing rule or dedicated owner.").Message);
            }
        }

        /// <summary>The owner a record can be given: a user or a team; null for a queue (it cannot own) or nobody.</summary>
        public static EntityReference ToOwnerReference(Principal principal)
        {
            if (principal == null) return null;
            switch (principal.Kind)
            {
                case PrincipalKind.User: return new EntityReference(SystemUser.Table, principal.Id);
                case PrincipalKind.Team: return new EntityReference(Team.Table, principal.Id);
                default: return null;
            }
        }

        private static Principal FirstPrincipal(Entity row, params string[] columns) =>
            columns.Select(c => row.Read<EntityReference>(c)).Where(r => r != null).Select(ToPrincipal).FirstOrDefault();

        private static void UnsetOrEqual(QueryExpression query, string column, object accountValue)
        {
            if (accountValue == null)
            {
                query.Criteria.AddCondition(column, ConditionOperator.Null);
                return;
            }
            var either = new FilterExpression(LogicalOperator.Or);
            either.AddCondition(column, ConditionOperator.Null);
            either.AddCondition(column, ConditionOperator.Equal, accountValue);
            query.Criteria.AddFilter(either);
        }

        private static void AddUserState(QueryExpression query, string lookup, string alias, params string[] more) =>
            AddUserState(query.LinkEntities, query.EntityName, lookup, alias, more);

        private static void AddUserState(LinkEntity from, string lookup, string alias, params string[] more) =>
            AddUserState(from.LinkEntities, from.LinkToEntityName, lookup, alias, more);

        /// <summary>Joins the user a lookup names (none for a team or nobody), for its disabled flag and <paramref name="more"/>.</summary>
        private static void AddUserState(DataCollection<LinkEntity> links, string fromTable, string lookup, string alias, params string[] more)
        {
            var user = new LinkEntity(fromTable, SystemUser.Table, lookup, SystemUser.Id, JoinOperator.LeftOuter)
            {
                EntityAlias = alias,
                Columns = new ColumnSet(new[] { SystemUser.IsDisabled }.Concat(more).ToArray()),
            };
            links.Add(user);
        }
    }
}
