using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// A user who is disabled keeps no open handoff and no pending review: each moves to whoever the routing now
    /// picks for its deal's account and function (the backup, a parent account's owner, a rule, the unrouted queue) —
    /// the same decision as at creation, applied the same way (asynchronous, post-operation). A handoff nobody is routed
    /// to goes to the deal's owner, as at the win (<see cref="UnroutedHolding"/>); when nobody can take it (the salesperson
    /// left too, or a review, which never falls to the salesperson) it stays, flagged unrouted with a routing path that
    /// says why, until an administrator sets the account's dedicated owner (<see cref="HandoffReassignment"/>) or hands
    /// the deal to a colleague (<see cref="DealAssignment"/>). Each record the handover moves or leaves is marked with a
    /// routing hold (<see cref="RoutingHold"/>, a server-owned choice), by which it is found again: the routing path only
    /// explains, in words that may change. When a user is enabled again, the work still held by disabled users (nobody
    /// could take it before), their own work left with them, and the handoffs waiting unrouted since their owner was
    /// disabled are routed once more (<see cref="HandoverPass"/>). Each run handles at most
    /// <see cref="MaxPerRun"/> handoffs and as many reviews (the 2-minute limit of a plug-in) for each pass; a pass holding
    /// more is handed over in shares (<see cref="HandoverShare"/>, written on the user as the server-owned Handover Share),
    /// each a background run of its own. The leaver's waiting field signals (a salesperson passed them on) go back to their
    /// account's salesperson in the same passes, and as many per run (<see cref="HandoverSignals"/>, rule
    /// <see cref="Domain.Signals.LeaverSignals"/>); a user enabled again takes those disabled users hold on their accounts.
    /// </summary>
    public sealed class DisabledOwnerHandover : PluginBase
    {
        public const string PostImage = "PostImage";
        private const string Deal = "deal";

        /// <summary>Records of each kind handled in one run: a few calls each, well inside the 2-minute limit.</summary>
        public const int MaxPerRun = 250;

        public DisabledOwnerHandover(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            // The save of isdisabled, or of a share of a leaver's work this step wrote (HandoverShare).
            Register(PipelineStage.PostOperation, "Update", SystemUser.Table, OnUserChanged).Async()
                .Filter(SystemUser.IsDisabled, SystemUser.HandoverShare).PostImage(PostImage, SystemUser.IsDisabled);
            // The share is this step's to write, through the SYSTEM service: no client sets it.
            Register(PipelineStage.PreOperation, "Create", SystemUser.Table, RefuseHandoverShare);
            Register(PipelineStage.PreOperation, "Update", SystemUser.Table, RefuseHandoverShare).Filter(SystemUser.HandoverShare);
            // Microsoft's own sample disables and enables a user with SetState; no page says that runs the Update steps.
            Register(PipelineStage.PostOperation, "SetState", SystemUser.Table, OnUserChanged).Async()
                .PostImage(PostImage, SystemUser.IsDisabled);
            Register(PipelineStage.PostOperation, "SetStateDynamicEntity", SystemUser.Table, OnUserChanged).Async()
                .PostImage(PostImage, SystemUser.IsDisabled);
        }

        private static void RefuseHandoverShare(LocalPluginContext context) =>
            ShareDispatch.IsOwnShareSave(context, SystemUser.HandoverShare, HandoverShare.ServerOwnedSentence);

        /// <summary>
        /// Disabled: the user's own work (<see cref="HandoverPass.Leaver"/>). Enabled: whatever disabled people hold, which
        /// this user may now take — first the work not yet held as nobody's, then the work left with them — the user's own
        /// work left with them while disabled, and the handoffs waiting unrouted since their owner left
        /// (<see cref="HandoverPass.OnEnable"/>). A pass holding more than one run takes is split into shares
        /// (<see cref="HandleOrShare"/>); a share written on the user: its run (<see cref="OnShare"/>).
        /// </summary>
        private static void OnUserChanged(LocalPluginContext context)
        {
            Guid user = context.ExecutionContext.PrimaryEntityId;
            string share = context.ExecutionContext.MessageName == "Update" ? context.TargetEntity?.Read<string>(SystemUser.HandoverShare) : null;
            if (share != null)
            {
                OnShare(context, user, share);
                return;
            }
            Entity image = context.PostImage(PostImage);
            if (image == null) return;
            bool disabled = image.Flag(SystemUser.IsDisabled);
            HandoverPass[] passes = disabled ? new[] { HandoverPass.Leaver(user, context.Now) } : HandoverPass.OnEnable(user, context.Now);
            var run = new HandoverRun(context);
            int moved = 0;
            foreach (HandoverPass pass in passes)
            {
                int handled = HandleOrShare(run, context, user, pass);
                context.Trace("User {0} {1}, work {2}: {3} re-routed.", user, disabled ? "disabled" : "enabled", pass.Name, handled);
                moved += handled;
            }
            context.Trace("User {0} {1}: {2} open handoff(s), pending review(s) and waiting signal(s) moved.", user, disabled ? "disabled" : "enabled", moved);
        }

        /// <summary>
        /// The pass's open handoffs, pending reviews and waiting signals: re-routed here when one run can take them (at most
        /// <see cref="MaxPerRun"/> of each); else split into shares by record id (<see cref="HandoverShare"/>), each written on
        /// the user, whose save starts a background run of this step for it, one level below this one. Returns how many
        /// changed here.
        /// </summary>
        private static int HandleOrShare(HandoverRun run, LocalPluginContext context, Guid user, HandoverPass pass)
        {
            List<Entity> tasks = Tasks(run.Service, pass, MaxPerRun + 1).ToList();
            List<Entity> reviews = Reviews(run.Service, pass, MaxPerRun + 1).ToList();
            List<Entity> signals = HandoverSignals.Waiting(run.Service, pass, MaxPerRun + 1).ToList();
            if (tasks.Count > MaxPerRun || reviews.Count > MaxPerRun || signals.Count > MaxPerRun)
            {
                int records = Math.Max(Math.Max(Tasks(run.Service, pass, null).Count(), Reviews(run.Service, pass, null).Count()),
                    HandoverSignals.Waiting(run.Service, pass, null).Count());
                int shares = WorkShare.SharesFor(records, MaxPerRun);
                if (ShareDispatch.Start(context, shares, index => new Entity(SystemUser.Table, user)
                    { [SystemUser.HandoverShare] = new HandoverShare { Share = new WorkShare { Index = index, Count = shares }, Pass = pass.Key }.Write() }))
                {
                    context.Trace("User {0}, work {1}: up to {2} open handoffs, pending reviews or waiting signals, moved in {3} background run(s).", user, pass.Name, records, shares);
                    return 0;
                }
            }
            // One run takes them; or, where the user's row could not carry the shares, the oldest it may take (the rest at the next enable).
            return HandleTasks(run, pass, tasks.Take(MaxPerRun)) + HandleReviews(run, pass, reviews.Take(MaxPerRun))
                + HandoverSignals.Handle(run, signals.Take(MaxPerRun));
        }

        /// <summary>One share of a pass, written on the user by <see cref="HandleOrShare"/>.</summary>
        private static void OnShare(LocalPluginContext context, Guid user, string text)
        {
            HandoverShare share = HandoverShare.Read(text);
            if (share == null)
            {
                context.Trace("User {0}: '{1}' is not a share this version wrote; nothing re-routed.", user, text);
                return;
            }
            var run = new HandoverRun(context);
            // A leaver's share runs after the disable: a user enabled again in between keeps their work (read now, not from the image).
            if (share.Pass == HandoverShare.Leaver
                && !run.Service.Retrieve(SystemUser.Table, user, new ColumnSet(SystemUser.IsDisabled)).Flag(SystemUser.IsDisabled))
            {
                context.Trace("User {0} is enabled again: {1} of their work stays with them.", user, share.Share);
                return;
            }
            HandoverPass pass = HandoverPass.ForShare(share, user, context.Now);
            // Read whole before any is moved: a moved record leaves the pass's rows.
            List<Entity> tasks = Tasks(run.Service, pass, null).Where(row => share.Takes(row.Id)).ToList();
            List<Entity> reviews = Reviews(run.Service, pass, null).Where(row => share.Takes(row.Id)).ToList();
            List<Entity> signals = HandoverSignals.Waiting(run.Service, pass, null).Where(row => share.Takes(row.Id)).ToList();
            int moved = HandleTasks(run, pass, tasks) + HandleReviews(run, pass, reviews) + HandoverSignals.Handle(run, signals);
            context.Trace("User {0}, work {1}, {2}: {3} open handoff(s), pending review(s) and waiting signal(s) moved.", user, pass.Name, share.Share, moved);
        }

        /// <summary>The open handoffs the pass names, at most <paramref name="top"/> (null: all, page by page), oldest first.</summary>
        private static IEnumerable<Entity> Tasks(IOrganizationService service, HandoverPass pass, int? top) =>
            Owned(service, HandoffTask.Table, HandoffTask.Id, pass.Whose, HandoffTask.OpportunityId, HandoffTask.Function,
                new[] { HandoffTask.Subject, HandoffTask.RoutingPath, HandoffTask.IsUnrouted, HandoffTask.RoutingHold },
                q => { q.Criteria.AddCondition(HandoffTask.StateCode, ConditionOperator.Equal, HandoffTask.StateOpen);
                       q.Criteria.AddCondition(HandoffTask.HandoffKey, ConditionOperator.NotNull);
                       pass.Held(q, HandoffTask.RoutingHold, HandoffTask.RoutingPath); }, top);

        /// <summary>The pending reviews the pass names, as <see cref="Tasks"/>.</summary>
        private static IEnumerable<Entity> Reviews(IOrganizationService service, HandoverPass pass, int? top) =>
            Owned(service, FeasibilityReviewRow.Table, FeasibilityReviewRow.Id, pass.ReviewWhose, FeasibilityReviewRow.OpportunityId, FeasibilityReviewRow.Function,
                new[] { FeasibilityReviewRow.Name, FeasibilityReviewRow.RoutingPath, FeasibilityReviewRow.DealOwnerAtRequest, FeasibilityReviewRow.RoutingHold },
                q => { q.Criteria.AddCondition(FeasibilityReviewRow.Decision, ConditionOperator.Equal, (int)ReviewDecision.Pending);
                       pass.Held(q, FeasibilityReviewRow.RoutingHold, FeasibilityReviewRow.RoutingPath); }, top);

        /// <summary>
        /// The handoffs re-routed, each with the hold the pass gives it (only those the routing names someone for when the
        /// pass says so). Returns how many changed.
        /// </summary>
        private static int HandleTasks(HandoverRun run, HandoverPass pass, IEnumerable<Entity> tasks)
        {
            int moved = 0;
            foreach (Entity task in tasks)
            {
                Guid? account = AccountOf(task);
                var function = (BusinessFunction)task.Choice(HandoffTask.Function).Value;
                // A deal with no account routes to nobody: its handoff goes to the unrouted queue, else the deal's owner holds it, not the leaver.
                OwnerResolution routing = account == null ? UnroutedHolding.NoAccount(function, run.UnroutedFallback()) : run.Resolve(account.Value, function, null);
                if (pass.RoutedOnly && routing?.Owner == null) continue;
                EntityReference dealOwner = task.Aliased<EntityReference>(Deal + "." + Opportunity.OwnerId);
                var decision = UnroutedHolding.Hold(routing, () => run.HolderOf(dealOwner), "the deal's owner", pass.WhenNobody);
                if (run.Application.Reroute(task, task.Read<EntityReference>(HandoffTask.OwnerId), decision, HandoffTask.RoutingPath,
                        HandoffTask.IsUnrouted, pass.Reason, task.Read<string>(HandoffTask.Subject), notesUnmoved: true, hold: pass.HoldAfter(decision))) moved++;
            }
            return moved;
        }

        /// <summary>The reviews re-routed, each with the hold the pass gives it. Returns how many changed.</summary>
        private static int HandleReviews(HandoverRun run, HandoverPass pass, IEnumerable<Entity> reviews)
        {
            int moved = 0;
            foreach (Entity review in reviews)
            {
                Guid? account = AccountOf(review);
                var function = (BusinessFunction)review.Choice(FeasibilityReviewRow.Function).Value;
                // A review never falls to the salesperson (they would decide their own deal): nobody routed, it stays, noted.
                // Nor to anyone who owns or has owned the deal (Feasibility.FormerDealOwners.ForRouting). A deal with no account
                // routes to nobody: the review goes to the unrouted queue, else stays, noted and held, until the deal is given an
                // account (ReviewRerouting).
                DealOwnership owners = Feasibility.FormerDealOwners.ForRouting(review.Aliased<EntityReference>(Deal + "." + Opportunity.OwnerId),
                    review.Aliased<string>(Deal + "." + Opportunity.OwnerHistory), review.RefId(FeasibilityReviewRow.DealOwnerAtRequest));
                OwnerResolution routing = account == null ? UnroutedHolding.NoAccount(function, run.UnroutedFallback(), owners)
                    : run.Resolve(account.Value, function, owners);
                // Waiting unrouted (with CrmCollab or at the desk) for the person its routing named: only to someone the routing names now.
                if (pass.ReviewsWaitingUnrouted && (routing == null || routing.IsUnrouted || !run.HoldsUnrouted(review.Read<EntityReference>(FeasibilityReviewRow.OwnerId))))
                    continue;
                var decision = UnroutedHolding.NobodyNoted(routing, review.Read<EntityReference>(FeasibilityReviewRow.OwnerId)?.Name,
                    account == null ? UnroutedHolding.ReviewWithoutAccount(pass.ReviewWhenNobody) : pass.ReviewWhenNobody);
                if (run.Application.Reroute(review, review.Read<EntityReference>(FeasibilityReviewRow.OwnerId), decision, FeasibilityReviewRow.RoutingPath,
                        null, pass.Reason, review.Read<string>(FeasibilityReviewRow.Name), notesUnmoved: true, hold: pass.HoldAfter(decision))) moved++;
            }
            return moved;
        }

        /// <summary>
        /// The rows of a table held by whom <paramref name="whose"/> says (with function, the deal's account and owner), oldest
        /// first: at most <paramref name="top"/> in one query, or (null) every one, page by page as the caller reads them.
        /// </summary>
        /// <param name="idColumn">The rows' own id: a second order, so pages of rows created at the same instant neither skip nor repeat one.</param>
        private static IEnumerable<Entity> Owned(IOrganizationService service, string table, string idColumn, Action<QueryExpression> whose,
            string dealColumn, string functionColumn, string[] columns, Action<QueryExpression> narrow, int? top)
        {
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(columns) };
            query.ColumnSet.AddColumns(CommonColumn.OwnerId, functionColumn);
            query.AddOrder(CommonColumn.CreatedOn, OrderType.Ascending);
            query.AddOrder(idColumn, OrderType.Ascending);
            whose(query);
            query.Criteria.AddCondition(functionColumn, ConditionOperator.NotNull);
            narrow(query);
            LinkEntity deal = query.AddLink(Opportunity.Table, dealColumn, Opportunity.Id);
            deal.EntityAlias = Deal;
            deal.Columns = new ColumnSet(Opportunity.CustomerId, Opportunity.ParentAccountId, Opportunity.OwnerId, Opportunity.OwnerHistory);
            if (top == null) return Pages.All(service, query);
            query.TopCount = top;
            return service.RetrieveMultiple(query).Entities;
        }

        private static Guid? AccountOf(Entity row) => HandoffCreation.AccountOf(
            row.Aliased<EntityReference>(Deal + "." + Opportunity.CustomerId), row.Aliased<EntityReference>(Deal + "." + Opportunity.ParentAccountId));
    }
}
