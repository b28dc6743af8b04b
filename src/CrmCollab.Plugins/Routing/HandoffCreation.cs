using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// Creates the post-sale handoff tasks of a won deal, routed to the account's dedicated owners.
    /// Safe to run again: templates already done for the deal are skipped, so a retry completes a partial run.
    /// </summary>
    public sealed class HandoffCreation
    {
        private readonly IOrganizationService _service;
        private readonly ITracingService _tracing;

        public HandoffCreation(IOrganizationService service, ITracingService tracing)
        {
            _service = service;
            _tracing = tracing;
        }

        /// <summary>Creates the deal's missing handoffs; a deal that is not Won (a loss, a close recorded by hand) gets none.</summary>
        /// <param name="closeId">The opportunity close whose job runs this, when it does: a close that is no longer the deal's
        /// latest (a Lose's job run after the deal was reopened and won again) hands nothing off; the win's own close does.</param>
        public HandoffResult Run(Guid opportunityId, DateTime now, Guid? closeId = null)
        {
            Entity deal = _service.Retrieve(Opportunity.Table, opportunityId, new ColumnSet(Opportunity.Name, Opportunity.StateCode,
                Opportunity.CustomerId, Opportunity.ParentAccountId, Opportunity.EstimatedValue, Opportunity.DiscountPercent,
                Opportunity.RequestedDelivery, Opportunity.PaymentTerms, Opportunity.OwnerId, Opportunity.TransactionCurrencyId));
            if (deal.Choice(Opportunity.StateCode) != Opportunity.StateWon)
            {
                _tracing?.Trace("{0}", "The deal is not Won; nothing to hand off.");
                return new HandoffResult();
            }
            CloseSequence closes = closeId == null ? null : CloseSequence.Of(Closes(opportunityId), closeId.Value);
            if (closes != null && closes.Superseded)
            {
                _tracing?.Trace("A later close of the deal supersedes close {0}; nothing to hand off here.", closeId);
                return new HandoffResult();
            }
            Guid? accountId = AccountOf(deal);
            if (accountId == null)
                throw new InvalidPluginExecutionException(HandoffCreationRules.NoAccount(deal.Read<string>(Opportunity.Name)).Message);

            List<HandoffTemplate> templates = new HandoffTemplates(_service).InForce();
            List<Entity> existingTasks = ExistingHandoffs(opportunityId);
            var existing = new HashSet<string>(existingTasks.Select(t => t.Read<string>(HandoffTask.HandoffKey)));
            // A template in the place of a retired one whose handoff the deal has from its earlier win makes no second one.
            var done = new HashSet<string>(existing);
            done.UnionWith(new HandoffPlaces(_service).Held(opportunityId, templates, existingTasks, closes));
            RefreshTerms(existingTasks, TermsOf(deal).ToSnapshot());
            OwnerResolver resolver = new RoutingRepository(_service).ResolverFor(accountId.Value, templates.Select(t => t.Function));
            // Nobody found: the salesperson holds the task until an owner is set, unless they can own nothing (disabled).
            var salesperson = new Lazy<Principal>(() => HolderOf(_service, deal.Read<EntityReference>(Opportunity.OwnerId)));
            IReadOnlyList<PlannedHandoff> plan = HandoffPlanner.Plan(opportunityId, deal.Read<string>(Opportunity.Name),
                now, templates, f => UnroutedHolding.Hold(resolver.Resolve(f, now), () => salesperson.Value, "the deal's owner"), TermsOf(deal), done);

            var result = new HandoffResult { AlreadyPresent = existing.Count };
            var routing = new RoutingApplication(_service);
            if (closes != null)
                result.Reopened = ReopenCanceled(deal, existingTasks, templates, resolver, routing, TermsOf(deal).ToSnapshot(), now, closes, () => salesperson.Value);
            foreach (PlannedHandoff handoff in plan)
            {
                // Each function's task on its own: one that cannot be created (say its owner cannot own tasks) must
                // not cost the others theirs. The failure is noted on the deal and fails the run, so it is retried.
                try
                {
                    CreateTask(deal, handoff, routing, now);
                }
                catch (System.ServiceModel.FaultException<OrganizationServiceFault> fault)
                {
                    // Another run made it in between (the win's job and the Create Post-Sale Handoff step at once, a retry):
                    // its key refused this one. The work exists, nothing failed.
                    if (Exists(handoff.HandoffKey)) result.AlreadyPresent++;
                    else result.Failed.Add($"{handoff.Template.Function.Label()} '{handoff.Subject}': {fault.Detail?.Message ?? fault.Message}");
                    continue;
                }
                result.Created++;
                if (handoff.Routing.IsUnrouted)
                {
                    result.Unrouted++;
                    HandoffNotes.TellTheSalesperson(_service, deal, handoff);
                }
            }
            if (result.Failed.Count > 0) HandoffNotes.TellTheAdministrator(_service, deal, result.Failed);
            _tracing?.Trace("Handoffs for {0}: {1} created, {2} unrouted, {3} already present, {4} canceled one(s) reopened.", opportunityId,
                result.Created, result.Unrouted, result.AlreadyPresent, result.Reopened);
            return result;
        }

        /// <summary>
        /// The active templates the deal has no handoff task of, nor one of a retired template in their place, in force by its
        /// latest win, read through this instance's service (three queries — templates, tasks, closes — a fourth when
        /// the deal has handoffs of retired templates; no write): what the Create Post-Sale Handoff workflow step and Get Handoff
        /// Status check with their reader's rights.
        /// </summary>
        public IReadOnlyList<HandoffTemplate> MissingHandoffs(Guid opportunityId)
        {
            // A won deal's newest close is its win: the templates put in force since are none it handed off.
            DateTime? lastWonOn = Closes(opportunityId).Select(close => (DateTime?)close.Value).Max();
            List<HandoffTemplate> templates = HandoffPlanner.InForceBy(new HandoffTemplates(_service).InForce(), lastWonOn);
            List<Entity> tasks = ExistingHandoffs(opportunityId);
            var existing = new HashSet<string>(tasks.Select(t => t.Read<string>(HandoffTask.HandoffKey)));
            existing.UnionWith(new HandoffPlaces(_service).Held(opportunityId, templates, tasks, null));
            return HandoffPlanner.Missing(opportunityId, templates, existing);
        }

        public static Guid? AccountOf(Entity deal) =>
            AccountOf(deal.Read<EntityReference>(Opportunity.CustomerId), deal.Read<EntityReference>(Opportunity.ParentAccountId));

        /// <summary>The deal's account: its customer when that is an account, else its parent account.</summary>
        public static Guid? AccountOf(EntityReference customer, EntityReference parentAccount) =>
            DealAccount.Of(customer != null && customer.LogicalName == Account.Table ? customer.Id : (Guid?)null, parentAccount?.Id);

        public static AgreedTerms TermsOf(Entity deal) => new AgreedTerms
        {
            Amount = deal.MoneyValue(Opportunity.EstimatedValue),
            DiscountPercent = deal.Read<decimal?>(Opportunity.DiscountPercent),
            RequestedDelivery = deal.Read<DateTime?>(Opportunity.RequestedDelivery),
            PaymentTerms = deal.FormattedValues.Contains(Opportunity.PaymentTerms) ? deal.FormattedValues[Opportunity.PaymentTerms] : null,
            CurrencySymbol = deal.Read<EntityReference>(Opportunity.TransactionCurrencyId)?.Name,
        };

        /// <summary>The deal's opportunity closes, each with when it was created (one query; a deal has a few).</summary>
        private IEnumerable<KeyValuePair<Guid, DateTime>> Closes(Guid opportunityId)
        {
            var query = new QueryExpression(OpportunityClose.Table) { ColumnSet = new ColumnSet(CommonColumn.CreatedOn) };
            query.Criteria.AddCondition(Opportunity.Id, ConditionOperator.Equal, opportunityId);
            return _service.RetrieveMultiple(query).Entities
                .Select(close => new KeyValuePair<Guid, DateTime>(close.Id, close.Read<DateTime?>(CommonColumn.CreatedOn) ?? DateTime.MinValue)).ToList();
        }

        /// <summary>The deal's handoff tasks (one query): their keys make a rerun skip what exists.</summary>
        private List<Entity> ExistingHandoffs(Guid opportunityId)
        {
            var query = new QueryExpression(HandoffTask.Table)
            {
                ColumnSet = new ColumnSet(HandoffTask.HandoffKey, HandoffTask.StateCode, HandoffTask.AgreedTerms, HandoffTask.OwnerId, HandoffTask.Subject,
                    HandoffTask.CancelReason, HandoffTask.TemplateId, HandoffTask.ActualEnd, CommonColumn.ModifiedOn, HandoffTask.Function, HandoffTask.Sequence),
            };
            query.ColumnSet.AddColumns(Terms.HandoffGuard.ImagedEvidence); // what a reopened one sets aside
            query.Criteria.AddCondition(HandoffTask.OpportunityId, ConditionOperator.Equal, opportunityId);
            query.Criteria.AddCondition(HandoffTask.HandoffKey, ConditionOperator.NotNull);
            return _service.RetrieveMultiple(query).Entities.ToList();
        }

        /// <summary>
        /// A re-won deal (reopened by an administrator, then won again) hands off again: its open tasks take the deal's
        /// terms as they are now, so no task carries terms that differ from the deal's.
        /// </summary>
        private void RefreshTerms(IEnumerable<Entity> tasks, string terms)
        {
            foreach (Entity task in tasks)
            {
                if (task.Choice(HandoffTask.StateCode) != HandoffTask.StateOpen || task.Read<string>(HandoffTask.AgreedTerms) == terms) continue;
                _service.Update(new Entity(HandoffTask.Table, task.Id) { [HandoffTask.AgreedTerms] = terms });
            }
        }

        /// <summary>
        /// A deal won again after its handoffs were canceled (reopened by an administrator, its handoffs canceled so that
        /// it could be lost, then reopened and won again): the handoffs canceled before the deal's previous close (the
        /// loss) are the work this win needs, and their keys allow no second task. Those of templates still in force are
        /// reopened, due from this win as a new handoff would be, with the deal's terms, without the old acceptance (the
        /// new owner accepts anew), routed as a new one (the account may have changed); the cancellation reason moves to
        /// the routing path. A handoff canceled after the previous close (while the deal was won) stays canceled, and
        /// completed handoffs stay done.
        /// </summary>
        /// <returns>How many were reopened.</returns>
        private int ReopenCanceled(Entity deal, IEnumerable<Entity> tasks, IEnumerable<HandoffTemplate> templates, OwnerResolver resolver,
            RoutingApplication routing, string terms, DateTime now, CloseSequence closes, Func<Principal> salesperson)
        {
            var byKey = templates.ToDictionary(t => HandoffPlanner.KeyFor(deal.Id, t.Id));
            int reopened = 0;
            foreach (Entity task in tasks)
            {
                if (task.Choice(HandoffTask.StateCode) != HandoffTask.StateCanceled) continue;
                if (!closes.ReopensCanceled(CanceledOn(task))) continue;
                if (!byKey.TryGetValue(task.Read<string>(HandoffTask.HandoffKey) ?? "", out HandoffTemplate template)) continue;
                string reason = $"Reopened {now:yyyy-MM-dd} when the deal was won again (canceled before: {task.Read<string>(HandoffTask.CancelReason)})";
                // Routed as the win routes new work: nobody found, the deal's owner holds it, flagged unrouted (UnroutedHolding).
                OwnerResolution decision = UnroutedHolding.Hold(resolver.Resolve(template.Function, now), salesperson, "the deal's owner");
                // Reopened first, then made new: a canceled handoff's reason is not cleared while it is still canceled.
                _service.Update(new Entity(HandoffTask.Table, task.Id) { [HandoffTask.StateCode] = new OptionSetValue(HandoffTask.StateOpen) });
                string subject = Values.Shorten(HandoffPlanner.SubjectOf(template, deal.Read<string>(Opportunity.Name)), 200);
                var renewed = new Entity(HandoffTask.Table, task.Id)
                {
                    // Worded as the template words the work now (an administrator may have reworded it), as a new handoff is.
                    [HandoffTask.Subject] = subject,
                    [HandoffTask.Description] = template.Description,
                    [HandoffTask.ScheduledEnd] = HandoffPlanner.DueOn(now, template),
                    [HandoffTask.HandedOffOn] = now, // handed off again: the function's time to accept counts from here
                    [HandoffTask.AgreedTerms] = terms,
                    // Its function and place as handed off again: the template's now (an administrator may have moved it), as routed.
                    [HandoffTask.Function] = new OptionSetValue((int)template.Function),
                    [HandoffTask.Sequence] = TemplatePlace.SequenceOf(template),
                    // The evidence this win asks, as a new handoff's: the template's requirement may have changed since.
                    [HandoffTask.RequiredEvidence] = EvidenceOf(template),
                    [HandoffTask.AcceptedOn] = null,
                    [HandoffTask.CancelReason] = null,
                    [HandoffTask.RoutingPath] = Values.Shorten(reason, 2000),
                    [HandoffTask.IsUnrouted] = decision.IsUnrouted, // routed afresh, whatever held it before its cancellation
                    [HandoffTask.RoutingHold] = RoutingApplication.HoldOf(decision) is RoutingHold hold ? new OptionSetValue((int)hold) : null,
                };
                // The old trace is not this win's: cleared (once open again: a closed handoff's evidence never changes), kept in a note.
                string setAside = ReopenedHandoffEvidence.Note(Terms.HandoffGuard.ImagedEvidence
                    .Select(c => new KeyValuePair<string, object>(ColumnLabels.Of(c), task.Contains(c) ? task[c] : null)), now);
                foreach (string column in Terms.HandoffGuard.ImagedEvidence) if (task.IsFilled(column)) renewed[column] = null;
                _service.Update(renewed);
                if (setAside != null)
                    _service.Create(new Entity(Annotation.Table)
                    {
                        [Annotation.Subject] = ReopenedHandoffEvidence.NoteSubject, [Annotation.NoteText] = setAside, [Annotation.ObjectId] = task.ToEntityReference(),
                    });
                routing.Reroute(task, task.Read<EntityReference>(HandoffTask.OwnerId), decision, HandoffTask.RoutingPath,
                    HandoffTask.IsUnrouted, reason, subject);
                // Unrouted, the deal says so as at a first win: whoever holds it knows why, and whom to ask.
                if (decision.IsUnrouted)
                    HandoffNotes.TellTheSalesperson(_service, deal, new PlannedHandoff { Template = template, Subject = subject, Routing = decision }, givenBack: true);
                reopened++;
            }
            return reopened;
        }

        /// <summary>
        /// When a canceled handoff was canceled: its actual end, which CrmCollab stamps at the cancellation (no client sets
        /// it); a handoff canceled before that stamp existed falls back on its last modification.
        /// </summary>
        internal static DateTime? CanceledOn(Entity task) => task.Read<DateTime?>(HandoffTask.ActualEnd) ?? task.Read<DateTime?>(CommonColumn.ModifiedOn);

        /// <param name="now">The win's time: when the work is handed off (what the KPIs time acceptance and completion from).</param>
        private void CreateTask(Entity deal, PlannedHandoff handoff, RoutingApplication routing, DateTime now)
        {
            var task = new Entity(HandoffTask.Table)
            {
                [HandoffTask.Subject] = Values.Shorten(handoff.Subject, 200),
                [HandoffTask.Description] = handoff.Description,
                [HandoffTask.ScheduledEnd] = handoff.DueOn,
                [HandoffTask.HandedOffOn] = now,
                [HandoffTask.RegardingObjectId] = deal.ToEntityReference(),
                [HandoffTask.OpportunityId] = deal.ToEntityReference(),
                [HandoffTask.Function] = new OptionSetValue((int)handoff.Template.Function),
                [HandoffTask.TemplateId] = new EntityReference(HandoffTemplateRow.Table, handoff.Template.Id),
                [HandoffTask.HandoffKey] = handoff.HandoffKey,
                // Its place in the function's order: what it stands for at a re-win, even once its template is deleted.
                [HandoffTask.Sequence] = TemplatePlace.SequenceOf(handoff.Template),
                [HandoffTask.RoutingPath] = Values.Shorten(handoff.Routing.RoutingPath, 2000),
                [HandoffTask.AgreedTerms] = handoff.AgreedTermsSnapshot,
                [HandoffTask.IsUnrouted] = handoff.Routing.IsUnrouted,
                // The requirement travels with the task: changing or deleting the template later does not lift it.
                [HandoffTask.RequiredEvidence] = EvidenceOf(handoff.Template),
            };
            // Unrouted because someone routing would name is disabled: routed again when a user is enabled (DisabledOwnerHandover).
            if (RoutingApplication.HoldOf(handoff.Routing) is RoutingHold hold) task[HandoffTask.RoutingHold] = new OptionSetValue((int)hold);
            // The salesperson holding it is in the routing (UnroutedHolding); nobody there: CrmCollab, creating it, holds it.
            EntityReference owner = routing.OwnerFor(handoff.Routing, null);
            if (owner != null) task[HandoffTask.OwnerId] = owner;
            Guid taskId = _service.Create(task);
            routing.Enqueue(new EntityReference(HandoffTask.Table, taskId), handoff.Routing, handoff.Subject);
        }

        /// <summary>The template's Required Evidence as a handoff made from it at a win carries it.</summary>
        private static string EvidenceOf(HandoffTemplate template) => Values.Shorten(string.Join(",", template.RequiredEvidence), 1000);

        /// <summary>A handoff with this key exists (one query, asked only after a Create failed).</summary>
        private bool Exists(string handoffKey)
        {
            var query = new QueryExpression(HandoffTask.Table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(HandoffTask.HandoffKey, ConditionOperator.Equal, handoffKey);
            return _service.RetrieveMultiple(query).Entities.Count > 0;
        }

        /// <summary>
        /// The deal's owner as routing sees a principal: a user with whether they are disabled (one read) and, when enabled,
        /// whether they hold a security role (one or two queries: moved to another business unit, they hold none and can
        /// own nothing, <see cref="PossibleOwner"/>), or a team. Read as SYSTEM.
        /// </summary>
        internal static Principal HolderOf(IOrganizationService service, EntityReference owner)
        {
            if (owner == null) return null;
            if (owner.LogicalName != SystemUser.Table) return RoutingRepository.ToPrincipal(owner);
            Entity user = service.Retrieve(SystemUser.Table, owner.Id, new ColumnSet(SystemUser.FullName, SystemUser.IsDisabled));
            bool disabled = user.Read<bool?>(SystemUser.IsDisabled) == true;
            return new Principal(PrincipalKind.User, owner.Id, user.Read<string>(SystemUser.FullName) ?? owner.Name,
                isDisabled: disabled, hasNoRole: !disabled && !PossibleOwner.HoldsRole(service, owner.Id));
        }
    }
}
