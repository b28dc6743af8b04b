using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// The one guard of handoff tasks. Only CrmCollab creates a task carrying a handoff's key, template, evidence
    /// requirement or sequence (the handoff step after a Win, through the SYSTEM service; never a workflow step, which runs as its
    /// user); its due date, actual end and requirement are the server's; a handoff is accepted by its owner
    /// (server time), completed only with its evidence (kept once closed), canceled or reopened only by a CrmCollab
    /// Administrator, with a reason. A SetState (or SetStateDynamicEntity) gets the same checks from steps of its own:
    /// no page says it runs the Update steps (docs/dataverse-facts.md).
    /// </summary>
    public sealed class HandoffGuard : PluginBase
    {
        public const string PreImage = "PreImage", PostImage = "PostImage";

        /// <summary>What the guard reads of the task as it stands (Update and SetState), and what its Update step is filtered on.</summary>
        private static readonly string[] GuardImage =
        {
            HandoffTask.StateCode, HandoffTask.OwnerId, HandoffTask.TemplateId, HandoffTask.HandoffKey, HandoffTask.RequiredEvidence, HandoffTask.OpportunityId,
            HandoffTask.RegardingObjectId, HandoffTask.Function, HandoffTask.AgreedTerms, HandoffTask.AcceptedOn, HandoffTask.ActualEnd, HandoffTask.ScheduledEnd,
            HandoffTask.ClosedOnTime, HandoffTask.CancelReason, HandoffTask.ContractNumber, HandoffTask.TrackingNumber, HandoffTask.DeliveredOn,
            HandoffTask.ServiceReference, HandoffTask.RoutingPath, HandoffTask.IsUnrouted, HandoffTask.RoutingHold, HandoffTask.HandedOffOn,
            HandoffTask.Sequence,
        };

        /// <summary>What the checks of a handoff's change read of the task as it will be (<see cref="Check"/>), besides the evidence it requires.</summary>
        private static readonly string[] AfterColumns =
            { HandoffTask.StateCode, HandoffTask.Function, HandoffTask.OwnerId, HandoffTask.CancelReason, HandoffTask.RequiredEvidence, HandoffTask.TemplateId,
                HandoffTask.HandedOffOn };

        /// <summary>Evidence columns the pre-image carries; any other column a template lists is read once.</summary>
        public static readonly string[] ImagedEvidence =
            { HandoffTask.ContractNumber, HandoffTask.TrackingNumber, HandoffTask.DeliveredOn, HandoffTask.ServiceReference };

        /// <summary>
        /// What makes a task a handoff: set by CrmCollab when it creates it — its key, its template, the evidence it requires and
        /// the template's place in its function's order then (what a re-won deal counts it for, <see cref="TemplatePlace"/>).
        /// </summary>
        public static readonly string[] IdentityColumns =
            { HandoffTask.HandoffKey, HandoffTask.TemplateId, HandoffTask.RequiredEvidence, HandoffTask.Sequence };

        /// <summary>
        /// How CrmCollab routed a task (what the Unrouted Handoffs view, the routing report and the collaboration panel
        /// read) and why the leaver's handover holds it (<see cref="RoutingHold"/>): the server's on every task, a plain one too,
        /// so no client puts a task in the unrouted list, gives it a path, or holds or releases it for the handover.
        /// </summary>
        public static readonly string[] RoutingColumns = { HandoffTask.RoutingPath, HandoffTask.IsUnrouted, HandoffTask.RoutingHold };

        /// <summary>
        /// The server's columns: the identity, the deal (and the record the task is regarding), function and agreed terms (refreshed
        /// by an approved amendment), the due date (from the template), the actual end, when it was handed off (what the KPIs time
        /// it from) and how it was routed (routing path, unrouted flag: what the routing report and the unrouted queue read).
        /// </summary>
        public static readonly string[] ServerColumns = IdentityColumns.Concat(new[]
        {
            HandoffTask.OpportunityId, HandoffTask.RegardingObjectId, HandoffTask.Function, HandoffTask.AgreedTerms, HandoffTask.ScheduledEnd,
            HandoffTask.ActualEnd, HandoffTask.ClosedOnTime, HandoffTask.HandedOffOn,
        }).Concat(RoutingColumns).ToArray();

        public HandoffGuard(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Create", HandoffTask.Table, OnCreate);
            Register(PipelineStage.PreOperation, "Update", HandoffTask.Table, OnUpdate)
                .Filter(GuardImage)
                .PreImage(PreImage, GuardImage);
            // No page says a SetState runs the table's Update steps: a close, cancel or reopen through SetState is guarded
            // by a step of its own (the same checks), and its server stamps are written after it when no Update step did.
            foreach (string setState in new[] { "SetState", "SetStateDynamicEntity" })
            {
                Register(PipelineStage.PreOperation, setState, HandoffTask.Table, OnSetState).PreImage(PreImage, GuardImage);
                Register(PipelineStage.PostOperation, setState, HandoffTask.Table, OnStateSet)
                    .PreImage(PreImage, HandoffTask.StateCode, HandoffTask.ActualEnd)
                    .PostImage(PostImage, new[] { HandoffTask.StateCode, HandoffTask.ScheduledEnd, HandoffTask.ActualEnd, HandoffTask.HandoffKey,
                        HandoffTask.TemplateId, HandoffTask.RequiredEvidence }.Union(ReopenedHandoff.ImageColumns).ToArray());
            }
            // A handoff reopened by an administrator takes the deal's terms and routing as they are now.
            Register(PipelineStage.PostOperation, "Update", HandoffTask.Table, OnUpdated)
                .Filter(HandoffTask.StateCode).PreImage(PreImage, HandoffTask.StateCode).PostImage(PostImage, ReopenedHandoff.ImageColumns);
            // Passing a handoff on: Assign (certain) and the Update of ownerid (the form), one check for both.
            Register(PipelineStage.PreOperation, "Assign", HandoffTask.Table, OnAssign)
                .PreImage(PreImage, HandoffTask.OwnerId, HandoffTask.Function, HandoffTask.HandoffKey, HandoffTask.TemplateId, HandoffTask.RequiredEvidence,
                    HandoffTask.OpportunityId, HandoffTask.StateCode);
            // An unrouted handoff passed on by hand leaves the unrouted list (the Update of ownerid does it in OnUpdate).
            Register(PipelineStage.PostOperation, "Assign", HandoffTask.Table, HandoffPassOn.AfterAssign)
                .PostImage(PostImage, HandoffTask.IsUnrouted, HandoffTask.RoutingPath, HandoffTask.OpportunityId);
            Register(PipelineStage.PreOperation, "Delete", HandoffTask.Table, OnDelete)
                .PreImage(PreImage, HandoffTask.HandoffKey, HandoffTask.TemplateId, HandoffTask.RequiredEvidence, HandoffTask.OpportunityId);
        }

        private static void OnCreate(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            // A "not unrouted" flag is what every task has: only a flag set, or a path, is the server's to write.
            string[] serverOwned = IdentityColumns.Where(c => target.IsFilled(c) || (c == HandoffTask.HandoffKey && KeyChanges(target, null)))
                .Concat(RoutingColumns.Where(c => target.IsFilled(c) && !Equals(target[c], false))).ToArray();
            Refusal refusal = HandoffRules.CheckCreate(ColumnLabels.Of(serverOwned).ToArray(), () => IsServerCall(context));
            Throw(refusal);
        }

        /// <summary>A handoff is canceled or completed, never deleted; it goes only with its deal.</summary>
        private static void OnDelete(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage) ?? new Entity(HandoffTask.Table);
            Refusal refusal = HandoffRules.CheckDelete(IdentityColumns.Any(before.IsFilled),
                ServerCall.DeletesWithDeal(context.ExecutionContext, before.RefId(HandoffTask.OpportunityId)), () => IsServerCall(context));
            Throw(refusal);
        }

        private static void OnUpdate(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            // Its deal (Regarding, Opportunity) or owner may be named by alternate key: read as the rows they name.
            Entity sent = KeyedReferences.Resolved(context, target);
            Entity before = context.PreImage(PreImage) ?? new Entity(HandoffTask.Table, target.Id);
            EntityReference newOwner = sent.Read<EntityReference>(HandoffTask.OwnerId);
            Throw(HandoffPassOn.Refusal(context, before, newOwner));
            Check(context, target, sent, before);
            EntityReference owner = before.Read<EntityReference>(HandoffTask.OwnerId);
            if (newOwner != null && (owner == null || owner.Id != newOwner.Id) && !target.Contains(HandoffTask.IsUnrouted)
                && HandoffPassOn.PassedByHand(context, before) && !IsServerCall(context))
                HandRouting.Apply(context.SystemService, target, before.Read<string>(HandoffTask.RoutingPath), context.Now);
        }

        private static void OnAssign(LocalPluginContext context) =>
            Throw(HandoffPassOn.Refusal(context, context.PreImage(PreImage), context.InputParameter<EntityReference>("Assignee")));

        /// <summary>A SetState is the Update of its state and status: the same checks, in the same order.</summary>
        private static void OnSetState(LocalPluginContext context)
        {
            EntityReference task = context.InputParameter<EntityReference>("EntityMoniker");
            if (task == null) return;
            var change = new Entity(HandoffTask.Table, task.Id);
            if (context.InputParameter<OptionSetValue>("State") is OptionSetValue state) change[HandoffTask.StateCode] = state;
            if (context.InputParameter<OptionSetValue>("Status") is OptionSetValue status && status.Value != -1) change[HandoffTask.StatusCode] = status;
            Check(context, change, change, context.PreImage(PreImage) ?? new Entity(HandoffTask.Table, task.Id));
        }

        /// <summary>After a SetState: the server's stamps of the close, cancel or reopen, when no Update step wrote them (<see cref="HandoffStamps.AfterSetState"/>).</summary>
        /// <summary>A reopen without an Update step on the way (its actual end still set) is handled here, as <see cref="OnUpdated"/> does.</summary>
        private static void OnStateSet(LocalPluginContext context)
        {
            Entity after = context.PostImage(PostImage);
            if (after?.Choice(HandoffTask.StateCode) == HandoffTask.StateOpen && after.Read<DateTime?>(HandoffTask.ActualEnd) != null && !IsServerCall(context))
                ReopenedHandoff.Apply(context, after);
            HandoffStamps.AfterSetState(context, context.PreImage(PreImage), after);
        }

        private static void OnUpdated(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage);
            if ((before?.Choice(HandoffTask.StateCode) ?? HandoffTask.StateOpen) != HandoffTask.StateOpen && !IsServerCall(context))
                ReopenedHandoff.Apply(context, context.PostImage(PostImage));
        }

        /// <summary>The checks of a change of a task, in the order of <see cref="HandoffRules.CheckUpdate"/>; then the server's stamps on <paramref name="target"/> (<see cref="HandoffStamps.OnSave"/>).</summary>
        /// <param name="sent">What <paramref name="target"/> sends, its lookups named by key resolved (<see cref="KeyedReferences"/>): what the checks read.</param>
        private static void Check(LocalPluginContext context, Entity target, Entity sent, Entity before)
        {
            // The hold the leaver's handover finds its work by: the server's, with a sentence of its own.
            if (sent.Contains(HandoffTask.RoutingHold) && Changes.Of(sent, before, new[] { HandoffTask.RoutingHold }).Count > 0 && !IsServerCall(context))
                Throw(new Refusal(RefusalCodes.HandoffServerColumn, RoutingHolds.ServerOwnedSentence));
            bool isHandoff = before.AnyFilled(IdentityColumns) || sent.ContainsAny(IdentityColumns);
            if (!isHandoff)
            {
                // A plain task: only its routing columns are the server's.
                Throw(HandoffRules.CheckUpdate(new HandoffEdit
                {
                    ChangedServerColumns = ColumnLabels.Of(Changes.Of(sent, before, RoutingColumns)
                        .Where(c => c != HandoffTask.IsUnrouted || sent.Read<bool?>(c) == true || before.Read<bool?>(c) == true)).ToArray(),
                    IsServerCall = () => IsServerCall(context),
                }));
                return;
            }
            // The task as it will be, in the columns the checks read of it (AfterColumns, then the evidence it requires): each as
            // the full merge of the change over the 23-column image would hold it, without copying the image (14 saves a deal).
            Entity after = Values.Merge(before, sent, AfterColumns);
            var stateBefore = (HandoffState)(before.Choice(HandoffTask.StateCode) ?? HandoffTask.StateOpen);
            var stateAfter = (HandoffState)(after.Choice(HandoffTask.StateCode) ?? HandoffTask.StateOpen);
            // Each read once, when first asked (locals, not Lazy objects and their delegates: 14 saves a deal).
            IReadOnlyList<string> requiredColumns = null;
            IReadOnlyList<string> Required()
            {
                if (requiredColumns != null) return requiredColumns;
                IReadOnlyList<string> columns = HandoffEvidence.Required(context, after);
                Values.Merge(before, sent, columns, after);
                return requiredColumns = columns;
            }
            Guid caller = context.ExecutionContext.InitiatingUserId;
            bool? administrator = null;
            bool IsAdministrator() => administrator ?? (administrator = Principals.IsAdministrator(context.SystemService, caller)).Value;

            Refusal refusal = HandoffRules.CheckUpdate(new HandoffEdit
            {
                ChangedServerColumns = ColumnLabels.Of(ChangedServerColumns(sent, before)).ToArray(),
                IsServerCall = () => IsServerCall(context),
                Before = stateBefore,
                After = stateAfter,
                // 'Delivered on' compared as stored (its date alone): a date written back at another time of that day changes nothing.
                ChangedEvidence = stateBefore == HandoffState.Open ? NoColumns
                    : ColumnLabels.Of(Changes.Of(sent, before, ImagedEvidence.Union(Required()), HandoffTask.DateOnlyColumns)).ToArray(),
                WritesEvidence = () => stateBefore == HandoffState.Open
                    && Changes.Of(sent, before, ImagedEvidence.Union(Required()), HandoffTask.DateOnlyColumns).Count > 0,
                Accepting = sent.Contains(HandoffTask.AcceptedOn) && sent[HandoffTask.AcceptedOn] != null,
                WasAccepted = before.Read<DateTime?>(HandoffTask.AcceptedOn) != null,
                ClearedAcceptance = sent.Contains(HandoffTask.AcceptedOn) && sent[HandoffTask.AcceptedOn] == null
                    ? before.Read<DateTime?>(HandoffTask.AcceptedOn) : null,
                CallerOwnsTask = () => Principals.OwnsOrBelongs(context.SystemService, caller, after.Read<EntityReference>(HandoffTask.OwnerId)),
                CallerIsAdministrator = IsAdministrator,
                HasCancelReason = after.IsFilled(HandoffTask.CancelReason),
                ChangesCancelReason = Changes.Of(sent, before, new[] { HandoffTask.CancelReason }).Count > 0,
                MissingEvidence = () => HandoffEvidence.Missing(context, after, Required()),
                IsUnrouted = before.Read<bool?>(HandoffTask.IsUnrouted) == true,
                Function = (BusinessFunction)(after.Choice(HandoffTask.Function) ?? 0),
                CallerWorksForFunction = () => after.Choice(HandoffTask.Function) != null && FunctionReviewers.Includes(context.SystemService,
                    new EntityReference(SystemUser.Table, caller), (BusinessFunction)after.Choice(HandoffTask.Function).Value, context.Now, null),
                // Asked only of a reopen: no delegate is made for the other saves (14 a deal in the simulation).
                LostDealName = stateBefore != HandoffState.Open && stateAfter == HandoffState.Open
                    ? () => LostDealName(context.SystemService, before.RefId(HandoffTask.OpportunityId)) : NoLostDeal,
            });
            Throw(refusal);
            HandoffStamps.OnSave(target, before, stateBefore, stateAfter, context.Now);
        }

        private static readonly Func<string> NoLostDeal = () => null;

        private static readonly string[] NoColumns = new string[0];

        /// <summary>The server's columns the change sets to another value, the handoff key too when its text differs (<see cref="KeyChanges"/>).</summary>
        private static IReadOnlyList<string> ChangedServerColumns(Entity sent, Entity before)
        {
            IReadOnlyList<string> changed = Changes.Of(sent, before, ServerColumns);
            return KeyChanges(sent, before) ? changed.Union(new[] { HandoffTask.HandoffKey }).ToArray() : changed;
        }

        /// <summary>The deal's name when it is lost, else null (one read).</summary>
        private static string LostDealName(IOrganizationService service, Guid? dealId)
        {
            if (dealId == null) return null;
            Entity deal = service.Retrieve(Opportunity.Table, dealId.Value, new ColumnSet(Opportunity.Name, Opportunity.StateCode));
            return deal.Choice(Opportunity.StateCode) == Opportunity.StateLost ? deal.Read<string>(Opportunity.Name) ?? "This deal" : null;
        }

        /// <summary>
        /// The handoff key sent differs from the stored one, blank text included: what makes a task a handoff for every
        /// query (the KPIs, the re-routing, an amendment's refresh, a loss) is a key that is not null, so a key of spaces,
        /// which the trimmed comparison of <see cref="Changes"/> takes for no value, would plant one.
        /// </summary>
        private static bool KeyChanges(Entity target, Entity before) =>
            target.Contains(HandoffTask.HandoffKey)
            && !string.Equals(target[HandoffTask.HandoffKey] as string, before?.Read<string>(HandoffTask.HandoffKey), StringComparison.Ordinal);

        /// <summary>
        /// A call through the SYSTEM service (a plug-in's: a workflow step's calls all run as its user, docs/dataverse-facts.md):
        /// the handoff step after the Win's opportunityclose, a step after an operation on the deal, the amendment step
        /// refreshing the agreed terms all write handoffs that way. Never a parent context alone: a deal created with its
        /// "handoffs" as related rows has them written inside the deal's Create (ServerCall).
        /// </summary>
        private static bool IsServerCall(LocalPluginContext context) => ServerCall.IsSystem(context);
    }
}
