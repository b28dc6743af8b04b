using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// Refuses a dedicated owner row that is incomplete, names a user or team that cannot own the work routed to it
    /// (no security role, an access team, a team with no active member, a disabled user), or overlaps another row of the same account and function, at save
    /// time, whatever the client (form, import, API); and a merge of accounts that would bring two such rows together. Its
    /// re-routing batch is CrmCollab's to write (first check).
    /// </summary>
    public sealed class DedicatedOwnerValidation : PluginBase
    {
        public const string PreImage = "PreImage", PostImage = "PostImage";

        /// <summary>Who receives the account's work: each must be able to own tasks and reviews.</summary>
        private static readonly string[] Principals = { DedicatedOwnerRow.UserId, DedicatedOwnerRow.TeamId, DedicatedOwnerRow.BackupUserId };

        public DedicatedOwnerValidation(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Create", DedicatedOwnerRow.Table, Validate);
            Register(PipelineStage.PreOperation, "Update", DedicatedOwnerRow.Table, Validate)
                .Filter(ImageColumns.Concat(new[] { DedicatedOwnerRow.ReroutingBatch }).ToArray())
                .PreImage(PreImage, ImageColumns);
            // The overlap again once the row is saved, inside the same transaction: whether each row's PreOperation check of a
            // CreateMultiple or UpdateMultiple runs before the other rows are saved is not documented, but a row's
            // PostOperation runs after its own save, so of two overlapping rows the one saved second always sees the first.
            Register(PipelineStage.PostOperation, "Create", DedicatedOwnerRow.Table, OnSaved)
                .PostImage(PostImage, OverlapImage);
            Register(PipelineStage.PostOperation, "Update", DedicatedOwnerRow.Table, OnSaved)
                .Filter(DedicatedOwnerRow.AccountId, DedicatedOwnerRow.Function, DedicatedOwnerRow.ValidFrom, DedicatedOwnerRow.ValidTo, DedicatedOwnerRow.StateCode)
                .PostImage(PostImage, OverlapImage);
            // Reactivated from the grid (SetState): no page says it runs the Update steps, and an inactive row is not
            // counted when another row of its account and function is saved, so its activation is checked here.
            foreach (string setState in new[] { "SetState", "SetStateDynamicEntity" })
            {
                Register(PipelineStage.PreOperation, setState, DedicatedOwnerRow.Table, OnSetState).PreImage(PreImage, ImageColumns);
                Register(PipelineStage.PostOperation, setState, DedicatedOwnerRow.Table, OnSaved).PostImage(PostImage, OverlapImage);
            }
            Register(PipelineStage.PreOperation, "Merge", Account.Table, OnAccountMerge);
        }

        /// <summary>
        /// A merge moves the merged-away account's rows to the account that stays, below the pipeline (no step of the rows
        /// runs): an active row of a function the account that stays already has over the same period would give it two
        /// owners of that function. One query: the active rows of both accounts.
        /// </summary>
        private static void OnAccountMerge(LocalPluginContext context)
        {
            EntityReference master = context.TargetReference;
            Guid? merged = context.MergedAwayId;
            if (master == null || merged == null) return;
            Guid mergedAway = merged.Value;
            var query = new QueryExpression(DedicatedOwnerRow.Table) { ColumnSet = new ColumnSet(OverlapColumns) };
            query.Criteria.AddCondition(DedicatedOwnerRow.AccountId, ConditionOperator.In, master.Id, mergedAway);
            query.Criteria.AddCondition(DedicatedOwnerRow.StateCode, ConditionOperator.Equal, InForce.StateActive);
            var rows = context.SystemService.RetrieveMultiple(query).Entities;
            var staying = rows.Where(r => r.RefId(DedicatedOwnerRow.AccountId) == master.Id).ToList();
            foreach (Entity moving in rows.Where(r => r.RefId(DedicatedOwnerRow.AccountId) == mergedAway))
            {
                DedicatedOwner candidate = RoutingRepository.ToDedicatedOwner(moving);
                DedicatedOwner clash = DedicatedOwnerRules.FindOverlap(candidate,
                    staying.Select(RoutingRepository.ToDedicatedOwner).Where(o => o.Function == candidate.Function));
                if (clash == null) continue;
                Entity kept = staying.First(o => o.Id == clash.Id);
                Throw(DedicatedOwnerRules.MergeOverlap(candidate.Function, Terms.Principals.NameOf(context.SystemService, OwnerOf(moving)),
                    Terms.Principals.NameOf(context.SystemService, OwnerOf(kept))));
            }
        }

        private static EntityReference OwnerOf(Entity row) =>
            row.Read<EntityReference>(DedicatedOwnerRow.UserId) ?? row.Read<EntityReference>(DedicatedOwnerRow.TeamId);

        private static readonly string[] OverlapColumns =
        {
            DedicatedOwnerRow.Name, DedicatedOwnerRow.AccountId, DedicatedOwnerRow.Function, DedicatedOwnerRow.UserId, DedicatedOwnerRow.TeamId,
            DedicatedOwnerRow.ValidFrom, DedicatedOwnerRow.ValidTo,
        };

        /// <summary>What the PostOperation re-check reads of the row as saved.</summary>
        private static readonly string[] OverlapImage = OverlapColumns.Concat(new[] { DedicatedOwnerRow.StateCode }).ToArray();

        /// <summary>What the row is made of (its status aside): a save sending one of them is checked.</summary>
        private static readonly string[] RowColumns =
            {
                DedicatedOwnerRow.AccountId, DedicatedOwnerRow.Function, DedicatedOwnerRow.UserId, DedicatedOwnerRow.TeamId,
                DedicatedOwnerRow.ValidFrom, DedicatedOwnerRow.ValidTo, DedicatedOwnerRow.BackupUserId,
            };

        private static readonly string[] ImageColumns = RowColumns.Concat(new[] { DedicatedOwnerRow.StateCode }).ToArray();

        /// <summary>A Create or Update: the row as it will be, checked as <see cref="DedicatedOwnerRules.ChecksFor"/> says.</summary>
        private static void Validate(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage);
            // Its account or owners may be named by alternate key (an ERP's sync naming the account by its customer number):
            // read as the rows they name, not as a move to another account (KeyedReferences: one Retrieve per keyed lookup).
            Entity target = KeyedReferences.Resolved(context, context.TargetEntity);
            // Written by CrmCollab's background re-routing alone (a share of a row change, AccountShare).
            if (ShareDispatch.IsOwnShareSave(context, DedicatedOwnerRow.ReroutingBatch, WorkShare.ReroutingBatchSentence)) return;
            Check(context, before, Values.Merge(before, target), RowColumns.Any(target.Contains),
                before != null && Changes.Of(target, before, Retargeting).Count > 0);
        }

        /// <summary>What the row's owners are named for: given another, the row is checked as a new one.</summary>
        private static readonly string[] Retargeting = { DedicatedOwnerRow.AccountId, DedicatedOwnerRow.Function };

        /// <summary>A SetState or SetStateDynamicEntity: the row with the status it is given.</summary>
        private static void OnSetState(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage);
            OptionSetValue state = context.InputParameter<OptionSetValue>("State");
            if (before == null || state == null) return;
            Check(context, before, Values.Merge(before, new Entity(DedicatedOwnerRow.Table, before.Id) { [DedicatedOwnerRow.StateCode] = state }),
                sendsRowColumns: false);
        }

        private static bool IsActive(Entity row) => (row.Choice(DedicatedOwnerRow.StateCode) ?? 0) == 0;

        /// <summary>The row as it will be: complete, its owners able to own work, no overlap with another active row.</summary>
        private static void Check(LocalPluginContext context, Entity before, Entity row, bool sendsRowColumns, bool retargets = false)
        {
            OwnerRowChecks checks = DedicatedOwnerRules.ChecksFor(IsActive(row), before == null ? (bool?)null : IsActive(before), sendsRowColumns, retargets);
            if (checks == OwnerRowChecks.None) return;
            IEnumerable<string> ownersToCheck = checks == OwnerRowChecks.EveryOwner ? Principals : Changes.Of(row, before, Principals);
            Throw(DedicatedOwnerRules.Check(row.Choice(DedicatedOwnerRow.Function), row.RefId(DedicatedOwnerRow.UserId),
                row.RefId(DedicatedOwnerRow.TeamId), row.Read<DateTime?>(DedicatedOwnerRow.ValidFrom),
                row.Read<DateTime?>(DedicatedOwnerRow.ValidTo), row.RefId(DedicatedOwnerRow.AccountId) != null));
            foreach (string column in ownersToCheck)
            {
                PossibleOwner named = PossibleOwner.Read(context.SystemService, row.Read<EntityReference>(column));
                Throw(named?.CheckAsDedicatedOwner());
                if (named?.TeamId != null) // a team nobody active belongs to would hold the account's work where nobody sees it
                    Throw(DedicatedOwnerRules.CheckOwnerTeamMembers(named.Who, PossibleOwner.HasActiveMember(context.SystemService, named.TeamId.Value)));
            }

            DedicatedOwner candidate = RoutingRepository.ToDedicatedOwner(row);
            if (candidate.ValidFrom == DateTime.MinValue) candidate.ValidFrom = context.Now.Date;
            Entity clash = Overlapping(context, candidate, row.Id != Guid.Empty ? row.Id : context.ExecutionContext.PrimaryEntityId);
            if (clash == null) return;
            EntityReference owner = OwnerOf(clash);
            Throw(DedicatedOwnerRules.Overlap(RoutingRepository.ToDedicatedOwner(clash), Terms.Principals.NameOf(context.SystemService, owner),
                clash.Read<string>(DedicatedOwnerRow.Name)));
        }

        /// <summary>
        /// After the save, in its transaction: the row as saved, if active, against the other active rows of its account and
        /// function (one query), so rows saved together in one request cannot pass each other's PreOperation check.
        /// </summary>
        private static void OnSaved(LocalPluginContext context)
        {
            Entity row = context.PostImage(PostImage);
            if (row == null || !IsActive(row) || row.RefId(DedicatedOwnerRow.AccountId) == null || row.Choice(DedicatedOwnerRow.Function) == null) return;
            DedicatedOwner candidate = RoutingRepository.ToDedicatedOwner(row);
            if (candidate.ValidFrom == DateTime.MinValue) candidate.ValidFrom = context.Now.Date;
            Entity clash = Overlapping(context, candidate, row.Id != Guid.Empty ? row.Id : context.ExecutionContext.PrimaryEntityId);
            if (clash == null) return;
            Throw(DedicatedOwnerRules.Overlap(RoutingRepository.ToDedicatedOwner(clash), Terms.Principals.NameOf(context.SystemService, OwnerOf(clash)),
                clash.Read<string>(DedicatedOwnerRow.Name)));
        }

        /// <summary>One query: other active rows of the same account and function.</summary>
        private static Entity Overlapping(LocalPluginContext context, DedicatedOwner candidate, Guid self)
        {
            var query = new QueryExpression(DedicatedOwnerRow.Table) { ColumnSet = new ColumnSet(OverlapColumns) };
            query.Criteria.AddCondition(DedicatedOwnerRow.AccountId, ConditionOperator.Equal, candidate.AccountId);
            query.Criteria.AddCondition(DedicatedOwnerRow.Function, ConditionOperator.Equal, (int)candidate.Function);
            query.Criteria.AddCondition(DedicatedOwnerRow.StateCode, ConditionOperator.Equal, 0);
            if (self != Guid.Empty) query.Criteria.AddCondition(DedicatedOwnerRow.Id, ConditionOperator.NotEqual, self);
            var others = context.SystemService.RetrieveMultiple(query).Entities;
            DedicatedOwner clash = DedicatedOwnerRules.FindOverlap(candidate, others.Select(RoutingRepository.ToDedicatedOwner));
            return clash == null ? null : others.First(o => o.Id == clash.Id);
        }
    }
}
