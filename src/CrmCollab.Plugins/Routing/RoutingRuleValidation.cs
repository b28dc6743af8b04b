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
    /// Refuses, at save time, a routing rule without a function or without exactly one target, and a rule in force whose
    /// user or team, or whose queue's owner, cannot own the reviews and handoff tasks it routes (no security role, an
    /// access team, a disabled user): the review is created and assigned to that target inside the salesperson's own save of the deal, so such a
    /// rule would make every move into the review's trigger stage fail. A rule made active again (its 'Active' flag, its
    /// status, or Activate from the grid), or given another function or segment, is checked as a new one: its target may
    /// have changed since it was retired, or receives work it was never judged for. Two rules in force may not tie, checked
    /// before the save and again after it, in its transaction (rules saved together in one request). A new owner given to a
    /// queue a rule in force, or the unrouted setting, routes to is checked as a rule's target is. Its re-routing batch is
    /// CrmCollab's to write (first check).
    /// </summary>
    public sealed class RoutingRuleValidation : PluginBase
    {
        public const string PreImage = "PreImage", PostImage = "PostImage";

        /// <summary>The rule's target: a user, a team or a queue (exactly one).</summary>
        private static readonly string[] Targets = { RoutingRuleRow.UserId, RoutingRuleRow.TeamId, RoutingRuleRow.QueueId };

        /// <summary>What the rule is made of (its activity aside): a save sending one of them is checked.</summary>
        private static readonly string[] RuleColumns = new[] { RoutingRuleRow.Function }.Concat(Targets).ToArray();

        /// <summary>Which accounts the rule matches, and its rank among the rules that match them.</summary>
        private static readonly string[] Matching =
            { RoutingRuleRow.IndustryCode, RoutingRuleRow.TerritoryId, RoutingRuleRow.CustomerSizeCode, RoutingRuleRow.Priority };

        /// <summary>Which work the rule's target receives: given another, the rule is checked as a new one.</summary>
        private static readonly string[] Retargeting =
            { RoutingRuleRow.Function, RoutingRuleRow.IndustryCode, RoutingRuleRow.TerritoryId, RoutingRuleRow.CustomerSizeCode };

        private static readonly string[] ImageColumns = RuleColumns.Concat(Matching).Concat(new[] { RoutingRuleRow.IsActive, CommonColumn.StateCode }).ToArray();

        public RoutingRuleValidation(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Create", RoutingRuleRow.Table, Validate);
            Register(PipelineStage.PreOperation, "Update", RoutingRuleRow.Table, Validate)
                .Filter(ImageColumns.Concat(new[] { RoutingRuleRow.ReroutingBatch }).ToArray())
                .PreImage(PreImage, ImageColumns);
            // Activate from the grid (SetState): no page says it runs the Update steps.
            foreach (string setState in new[] { "SetState", "SetStateDynamicEntity" })
                Register(PipelineStage.PreOperation, setState, RoutingRuleRow.Table, OnSetState).PreImage(PreImage, ImageColumns);
            // The tie again once the rule is saved, inside the same transaction: whether each rule's PreOperation check of a
            // CreateMultiple or UpdateMultiple runs before the other rules are saved is not documented, but a rule's
            // PostOperation runs after its own save, so of two tied rules the one saved second always sees the first.
            Register(PipelineStage.PostOperation, "Create", RoutingRuleRow.Table, OnSaved).PostImage(PostImage, RankImage);
            Register(PipelineStage.PostOperation, "Update", RoutingRuleRow.Table, OnSaved)
                .Filter(RankImage).PreImage(PreImage, RankImage).PostImage(PostImage, RankImage);
            foreach (string setState in new[] { "SetState", "SetStateDynamicEntity" })
                Register(PipelineStage.PostOperation, setState, RoutingRuleRow.Table, OnSaved).PreImage(PreImage, RankImage).PostImage(PostImage, RankImage);
            // The queue a rule in force (or the Unrouted Handoffs Queue setting) routes to, given another owner: its owner holds
            // what waits in it, so the new one is judged as a rule's target is (Assign, or a save of its owner).
            Register(PipelineStage.PreOperation, "Assign", Queue.Table, OnQueueOwnerChanged).PreImage(PreImage, Queue.Name, Queue.OwnerId);
            // The same queue deactivated (SetState, or a save of its status): it would leave the lists people work from while
            // work is still routed into it (RoutedQueueOwnerRules.CheckDeactivation). One Update step, owner first.
            Register(PipelineStage.PreOperation, "Update", Queue.Table, OnQueueSaved)
                .Filter(Queue.OwnerId, CommonColumn.StateCode)
                .PreImage(PreImage, Queue.Name, Queue.OwnerId, CommonColumn.StateCode);
            foreach (string setState in new[] { "SetState", "SetStateDynamicEntity" })
                Register(PipelineStage.PreOperation, setState, Queue.Table, OnQueueSetState);
        }

        /// <summary>A queue saved: a new owner (<see cref="OnQueueOwnerChanged"/>), then its status (<see cref="CheckDeactivation"/>).</summary>
        private static void OnQueueSaved(LocalPluginContext context)
        {
            if (context.TargetEntity.Contains(Queue.OwnerId)) OnQueueOwnerChanged(context);
            if (context.TargetEntity.Contains(CommonColumn.StateCode))
            {
                Entity before = context.PreImage(PreImage);
                CheckDeactivation(context, before?.Read<string>(Queue.Name), before?.Choice(CommonColumn.StateCode),
                    context.TargetEntity.Choice(CommonColumn.StateCode));
            }
        }

        /// <summary>A queue's status set by SetState (the grid's and the form's Deactivate): its name and status read once.</summary>
        private static void OnQueueSetState(LocalPluginContext context)
        {
            int? state = context.InputParameter<OptionSetValue>("State")?.Value;
            if (state != InForce.StateInactive) return;
            Entity queue = context.SystemService.Retrieve(Queue.Table, context.ExecutionContext.PrimaryEntityId, new ColumnSet(Queue.Name, CommonColumn.StateCode));
            CheckDeactivation(context, queue.Read<string>(Queue.Name), queue.Choice(CommonColumn.StateCode), state);
        }

        /// <summary>
        /// An active queue made inactive, when a rule in force routes to it or the setting names it (one query, the setting's read
        /// only when no rule does; one more to tell which): refused (<see cref="RoutedQueueOwnerRules.CheckDeactivation"/>).
        /// </summary>
        private static void CheckDeactivation(LocalPluginContext context, string name, int? stateBefore, int? stateAfter)
        {
            if (stateAfter != InForce.StateInactive || stateBefore == InForce.StateInactive) return;
            Guid queueId = context.ExecutionContext.PrimaryEntityId;
            var repository = new RoutingRepository(context.SystemService);
            string routedBy = repository.WhatRoutesTo(queueId);
            if (routedBy == null) return;
            Throw(RoutedQueueOwnerRules.CheckDeactivation(name, routedBy, bySetting: repository.RulesRoutingTo(queueId).Count == 0));
        }

        /// <summary>What decides whether a rule ties with another: its function, criteria and priority, and whether it is in force.</summary>
        private static readonly string[] RankImage =
            new[] { RoutingRuleRow.Function }.Concat(Matching).Concat(new[] { RoutingRuleRow.IsActive, CommonColumn.StateCode }).ToArray();

        /// <summary>
        /// After the save, in its transaction: the rule as saved, when it is new, made active again or given another function,
        /// criteria or priority, against the other rules in force (one query), so rules saved together in one request cannot
        /// pass each other's PreOperation check.
        /// </summary>
        private static void OnSaved(LocalPluginContext context)
        {
            Entity rule = context.PostImage(PostImage);
            if (rule == null) return;
            Entity before = context.PreImage(PreImage);
            Entity target = context.ExecutionContext.MessageName == "Update" ? KeyedReferences.Resolved(context, context.TargetEntity) : null;
            bool changesRank = target != null && Changes.Of(target, before, Matching.Concat(new[] { RoutingRuleRow.Function })).Count > 0;
            CheckTie(context, before, rule, changesRank, rule.Id != Guid.Empty ? rule.Id : context.ExecutionContext.PrimaryEntityId);
        }

        /// <summary>
        /// A queue's new owner: when a rule in force routes to the queue (one query), else when the unrouted setting names it
        /// (its read), judged by <see cref="RoutedQueueOwnerRules.CheckNewOwner"/>; a queue nothing routes to changes owner freely.
        /// </summary>
        private static void OnQueueOwnerChanged(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage);
            EntityReference owner = context.ExecutionContext.MessageName == "Assign"
                ? context.InputParameter<EntityReference>("Assignee")
                : context.TargetEntity.Read<EntityReference>(Queue.OwnerId);
            EntityReference current = before?.Read<EntityReference>(Queue.OwnerId);
            if (owner == null || (current != null && current.Id == owner.Id && current.LogicalName == owner.LogicalName)) return;
            Guid queueId = context.ExecutionContext.PrimaryEntityId;
            string routedBy = new RoutingRepository(context.SystemService).WhatRoutesTo(queueId);
            if (routedBy == null) return;
            PossibleOwner next = PossibleOwner.Read(context.SystemService, owner);
            Throw(RoutedQueueOwnerRules.CheckNewOwner(before?.Read<string>(Queue.Name), routedBy, next.Who, next.IsTeam, next.IsAccessTeam,
                next.HasSecurityRole, next.IsDisabledUser, () => PossibleOwner.HasActiveMember(context.SystemService, next.TeamId.Value)));
        }

        /// <summary>A Create or Update: the rule as it will be.</summary>
        private static void Validate(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage);
            // Its territory or target may be named by alternate key (a sync naming the territory by its name): read as the rows they name.
            Entity target = KeyedReferences.Resolved(context, context.TargetEntity);
            // Written by CrmCollab's background re-routing alone (a share of a rule change, ReroutingBatch).
            if (ShareDispatch.IsOwnShareSave(context, RoutingRuleRow.ReroutingBatch, WorkShare.ReroutingBatchSentence)) return;
            Entity rule = Values.Merge(before, target);
            // A new rule's 'Active' flag defaults to Yes (the column's default, applied after this step).
            if (before == null && !rule.Contains(RoutingRuleRow.IsActive)) rule[RoutingRuleRow.IsActive] = true;
            Check(context, before, rule, RuleColumns.Any(target.Contains), before != null && Changes.Of(target, before, Retargeting).Count > 0);
            CheckTie(context, before, rule, Changes.Of(target, before, Matching.Concat(new[] { RoutingRuleRow.Function })).Count > 0,
                before?.Id ?? target.Id);
        }

        /// <summary>
        /// A rule in force after the save, new, made active again or given another function, criteria or priority, may not tie
        /// with another rule in force (<see cref="DedicatedOwnerRules.CheckRuleTie"/>; one query).
        /// </summary>
        /// <param name="self">The rule's id (empty for a rule not yet created): it does not tie with itself.</param>
        private static void CheckTie(LocalPluginContext context, Entity before, Entity rule, bool changesRank, Guid self)
        {
            bool inForceAfter = InForce.Is(rule, RoutingRuleRow.IsActive);
            bool inForceBefore = before != null && InForce.Is(before, RoutingRuleRow.IsActive);
            int? function = rule.Choice(RoutingRuleRow.Function);
            if (!inForceAfter || function == null || (inForceBefore && !changesRank)) return;
            var query = new QueryExpression(RoutingRuleRow.Table) { ColumnSet = new ColumnSet(RoutingRuleRow.Name), TopCount = 1 };
            query.Criteria.AddCondition(RoutingRuleRow.Function, ConditionOperator.Equal, function.Value);
            InForce.Only(query, RoutingRuleRow.IsActive);
            foreach (string column in Matching)
            {
                object value = rule.Contains(column) ? rule[column] : null;
                object plain = value is OptionSetValue option ? option.Value : value is EntityReference reference ? (object)reference.Id : value;
                if (plain == null) query.Criteria.AddCondition(column, ConditionOperator.Null);
                else query.Criteria.AddCondition(column, ConditionOperator.Equal, plain);
            }
            if (self != Guid.Empty) query.Criteria.AddCondition(RoutingRuleRow.Id, ConditionOperator.NotEqual, self);
            Entity tied = context.SystemService.RetrieveMultiple(query).Entities.FirstOrDefault();
            Throw(DedicatedOwnerRules.CheckRuleTie(tied?.Read<string>(RoutingRuleRow.Name), rule.Read<int?>(RoutingRuleRow.Priority)));
        }

        /// <summary>A SetState or SetStateDynamicEntity: the rule with the status it is given.</summary>
        private static void OnSetState(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage);
            OptionSetValue state = context.InputParameter<OptionSetValue>("State");
            if (before == null || state == null) return;
            Entity rule = Values.Merge(before, new Entity(RoutingRuleRow.Table, before.Id) { [CommonColumn.StateCode] = state });
            Check(context, before, rule, sendsRuleColumns: false);
            CheckTie(context, before, rule, changesRank: false, before.Id);
        }

        /// <summary>
        /// Complete when new, when its function or target is saved, or when it is made active; its target able to own the
        /// work when it ends in force, as <see cref="DedicatedOwnerRules.ChecksFor"/> says for a dedicated owner row.
        /// </summary>
        /// <param name="retargets">The save gives the rule another function, industry, territory or size.</param>
        private static void Check(LocalPluginContext context, Entity before, Entity rule, bool sendsRuleColumns, bool retargets = false)
        {
            bool inForceAfter = InForce.Is(rule, RoutingRuleRow.IsActive);
            bool? inForceBefore = before == null ? (bool?)null : InForce.Is(before, RoutingRuleRow.IsActive);
            OwnerRowChecks checks = DedicatedOwnerRules.ChecksFor(inForceAfter, inForceBefore, sendsRuleColumns, retargets);
            // A retired rule may always be retired again or edited; only a save that touches what it is made of, or makes it
            // apply again, has to leave it complete (a broken rule may still be deactivated).
            if (before == null || sendsRuleColumns || checks == OwnerRowChecks.EveryOwner)
                Throw(DedicatedOwnerRules.CheckRule(rule.Choice(RoutingRuleRow.Function), Targets.Count(rule.IsFilled)));
            if (checks == OwnerRowChecks.None) return;
            IEnumerable<string> targetsToCheck = checks == OwnerRowChecks.EveryOwner ? Targets : Changes.Of(rule, before, Targets);
            foreach (string column in targetsToCheck) // a queue's owner holds what waits in it, and is judged as a user or team target
            {
                PossibleOwner owner = PossibleOwner.Read(context.SystemService, rule.Read<EntityReference>(column));
                Throw(owner?.CheckAsRuleTarget());
                if (owner?.TeamId != null) // a team nobody active belongs to holds the work where nobody sees it
                    Throw(DedicatedOwnerRules.CheckRuleTeamMembers(owner.Who, PossibleOwner.HasActiveMember(context.SystemService, owner.TeamId.Value), owner.OwnedQueue));
            }
        }
    }
}
