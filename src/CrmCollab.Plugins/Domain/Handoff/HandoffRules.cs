using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;

namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>A handoff task's state (task statecode).</summary>
    public enum HandoffState
    {
        Open = 0,
        Completed = 1,
        Canceled = 2,
    }

    /// <summary>
    /// A change of a handoff task as its guard sees it. Facts that cost a query are functions, asked only when the
    /// check that needs them is reached.
    /// </summary>
    public sealed class HandoffEdit
    {
        /// <summary>Labels of the server's columns (key, template, requirement, dates) the change touches.</summary>
        public IReadOnlyList<string> ChangedServerColumns { get; set; } = Array.Empty<string>();

        public Func<bool> IsServerCall { get; set; } = () => false;

        public HandoffState Before { get; set; }
        public HandoffState After { get; set; }

        /// <summary>Labels of the evidence columns the change touches.</summary>
        public IReadOnlyList<string> ChangedEvidence { get; set; } = Array.Empty<string>();

        /// <summary>The change writes evidence of an open handoff (its contract number, tracking number...).</summary>
        public Func<bool> WritesEvidence { get; set; } = () => false;

        /// <summary>The change records an acceptance (crmc_acceptedon set).</summary>
        public bool Accepting { get; set; }

        /// <summary>The handoff was accepted before the change (a second acceptance keeps the first).</summary>
        public bool WasAccepted { get; set; }

        /// <summary>When the handoff was accepted, if it was: an acceptance is never cleared (the change sends it empty).</summary>
        public DateTime? ClearedAcceptance { get; set; }

        public Func<bool> CallerOwnsTask { get; set; } = () => false;

        public Func<bool> CallerIsAdministrator { get; set; } = () => false;

        public bool HasCancelReason { get; set; }

        /// <summary>The change writes another cancellation reason (or clears it).</summary>
        public bool ChangesCancelReason { get; set; }

        /// <summary>The handoff waits unrouted (no dedicated owner or rule was found): whoever holds it keeps it only until it is routed.</summary>
        public bool IsUnrouted { get; set; }

        /// <summary>The handoff's function.</summary>
        public BusinessFunction Function { get; set; }

        /// <summary>The caller works for the handoff's function (asked only for the work on an unrouted handoff).</summary>
        public Func<bool> CallerWorksForFunction { get; set; } = () => true;

        /// <summary>Labels of the required evidence still empty after the change.</summary>
        public Func<IReadOnlyList<string>> MissingEvidence { get; set; } = () => Array.Empty<string>();

        /// <summary>The name of the handoff's deal when that deal is lost, else null; asked only of a reopen (one read).</summary>
        public Func<string> LostDealName { get; set; } = () => null;
    }

    /// <summary>What a handoff task must respect, in a fixed order: the first refusal that applies.</summary>
    public static class HandoffRules
    {
        /// <summary>A task carrying a handoff's identity (key, template, requirement) is the server's to create.</summary>
        public static Refusal CheckCreate(IReadOnlyList<string> handoffColumns, Func<bool> isServerCall) =>
            handoffColumns.Count == 0 || isServerCall()
                ? null
                : new Refusal(RefusalCodes.HandoffServerColumn,
                    "Handoff tasks are created by CrmCollab when the deal is won, routed to the account's dedicated owners. " +
                    $"Create the task without these handoff columns: {string.Join(", ", handoffColumns)}.");

        /// <summary>The on-time KPI of a completed handoff, as data: done by its due date (none: on time), in server time.</summary>
        public static bool ClosedOnTime(DateTime? due, DateTime completedOn) => !due.HasValue || completedOn <= due.Value;

        public static Refusal CheckUpdate(HandoffEdit edit)
        {
            if (edit.ChangedServerColumns.Count > 0 && !edit.IsServerCall())
                return new Refusal(RefusalCodes.HandoffServerColumn,
                    "These columns of a handoff are set by CrmCollab (its deal and due date when the deal is won, its actual end when it is completed) " +
                    $"and cannot be edited: {string.Join(", ", edit.ChangedServerColumns)}. Leave them out of the save. " +
                    // For an administrator too: the advice is what each of them can do, not "ask your administrator".
                    "A due date is the win plus the handoff template's 'Due After (Days)', which a CrmCollab Administrator corrects for the deals won next; " +
                    "to record a deadline agreed since, add a note to the task.");
            // The time to accept is one of the function's figures: a late acceptance cleared would leave it.
            if (edit.ClearedAcceptance.HasValue && !edit.IsServerCall())
                return new Refusal(RefusalCodes.HandoffAcceptanceKept,
                    $"This handoff was accepted on {edit.ClearedAcceptance.Value:yyyy-MM-dd}: the acceptance stays on the record (the function's time to accept is measured from it). " +
                    "Leave 'Accepted on' as it is; add a note to the task if it was accepted by mistake.");
            bool wasClosed = edit.Before != HandoffState.Open;
            if (wasClosed && edit.ChangedEvidence.Count > 0)
                return new Refusal(RefusalCodes.HandoffClosed,
                    $"This handoff is {Label(edit.Before)}: its evidence ({string.Join(", ", edit.ChangedEvidence)}) is the record of what was delivered and cannot change. " +
                    "Add a note to the task if something needs correcting.");
            // Accepting is taking on open work: a first acceptance of a closed handoff would count, in the function's time to
            // accept, the time after the work was done. One accepted before keeps its date (the same sent again changes nothing).
            if (wasClosed && edit.Accepting && !edit.WasAccepted && !edit.IsServerCall())
                return new Refusal(RefusalCodes.HandoffClosed,
                    $"This handoff is {Label(edit.Before)}: it is no longer accepted, since the function's time to accept would count the time after the work was done. " +
                    "Leave 'Accepted on' empty; add a note to the task if something needs saying.");
            // CrmCollab itself reopens the canceled handoffs of a deal won again (HandoffCreation).
            if (wasClosed && edit.After == HandoffState.Open && !edit.IsServerCall() && !edit.CallerIsAdministrator())
                return new Refusal(RefusalCodes.HandoffReopenAdminOnly,
                    $"This handoff is {Label(edit.Before)}. Only a CrmCollab Administrator can reopen it; ask them if it was closed by mistake.");
            // A lost deal has no open handoff (LostDealHandoffs, at the loss): a closed one stays closed, an administrator's
            // reopen too, until the deal is reopened. CrmCollab gives the canceled ones back when it is won again.
            if (wasClosed && edit.After == HandoffState.Open && !edit.IsServerCall() && edit.LostDealName() is string lostDeal)
                return new Refusal(RefusalCodes.HandoffReopenLostDeal,
                    $"'{lostDeal}' was lost: its post-sale handoffs stay closed, so that nobody delivers or invoices for a deal the customer turned down. " +
                    "If the deal is back, a CrmCollab Administrator reopens the deal first; winning it again gives its canceled handoffs back.");
            // A closed handoff changes state only by an administrator (or CrmCollab): whether the platform lets a task go from
            // Canceled to Completed directly is not documented, and a canceled one completed by its owner would count as work done on time.
            if (edit.Before == HandoffState.Canceled && edit.After == HandoffState.Completed && !edit.IsServerCall() && !edit.CallerIsAdministrator())
                return new Refusal(RefusalCodes.HandoffClosedStateAdminOnly,
                    "This handoff is canceled: only a CrmCollab Administrator can record it as completed after all. " +
                    "Ask them if the work was done, with its evidence filled in before it was canceled.");
            if (edit.Accepting && !edit.CallerOwnsTask())
                return new Refusal(RefusalCodes.HandoffAcceptOwnerOnly, HandoffAcceptance.Refusal);
            // The work is the owner's: someone the handoff was only shared with (GrantAccess gives Write without making
            // them the owner) would fill in the evidence and close it outside the function, past the hand-over check.
            bool completing = edit.After == HandoffState.Completed && edit.Before != HandoffState.Completed;
            // The owner first: no query for a user-owned handoff, where what the change writes may read the template and
            // asking whether the call is CrmCollab's costs a WhoAmI.
            if (!edit.CallerOwnsTask() && (completing || edit.WritesEvidence()) && !edit.IsServerCall() && !edit.CallerIsAdministrator())
                return new Refusal(RefusalCodes.HandoffWorkOwnerOnly,
                    "Only this handoff's owner (or a member of the team that owns it) can fill in its evidence and complete it. " +
                    "Ask the owner to pass it to you, or ask a CrmCollab Administrator if it must be completed for them.");
            // An unrouted handoff waits with the deal's salesperson (or the unrouted desk) until its owner is set: holding it
            // does not make them the function, whose time to accept and on-time figures would count what they did.
            if (edit.IsUnrouted && (edit.Accepting || completing || edit.WritesEvidence()) && !edit.IsServerCall()
                && !edit.CallerIsAdministrator() && !edit.CallerWorksForFunction())
            {
                string name = edit.Function.Label();
                return new Refusal(RefusalCodes.HandoffUnroutedWork,
                    $"This {name} handoff found nobody to route it to and is only held here until its owner is set: accepting it, filling in its " +
                    $"evidence and completing it are for someone who works for {name}. Ask your CrmCollab administrator to set the account's dedicated " +
                    $"{name} owner (the handoff then moves to them) or to pass it to a {name} colleague.");
            }
            // The reason is part of the cancel: kept as the administrator wrote it, changed only by one, never cleared.
            bool canceling = edit.Before != HandoffState.Canceled;
            if (edit.After == HandoffState.Canceled && (canceling || edit.ChangesCancelReason))
            {
                if (!edit.CallerIsAdministrator())
                    return new Refusal(RefusalCodes.HandoffCancelAdminOnly, canceling
                        ? "Only a CrmCollab Administrator can cancel a handoff. If this work is not needed, ask them to cancel it with the reason."
                        : "This handoff is canceled: only a CrmCollab Administrator can change why. Add a note to the task if something needs correcting.");
                if (!edit.HasCancelReason)
                    return new Refusal(RefusalCodes.HandoffCancelReason,
                        "Write why this handoff is canceled in 'Cancellation reason' first: the deal's team relies on every handoff being done or explained.");
            }
            if (edit.After == HandoffState.Completed && edit.Before != HandoffState.Completed)
            {
                IReadOnlyList<string> missing = edit.MissingEvidence();
                if (missing.Count > 0) return new Refusal(RefusalCodes.HandoffEvidenceMissing, EvidenceCheck.RefusalMessage(missing));
            }
            return null;
        }

        /// <summary>
        /// A handoff is canceled (by a CrmCollab Administrator, with its reason) or completed, never deleted: the won deal's
        /// team relies on every handoff being done or explained. It goes only with its deal, or by CrmCollab's own
        /// server code (the SYSTEM service).
        /// </summary>
        public static Refusal CheckDelete(bool isHandoff, bool deletedWithItsDeal, Func<bool> isServerCall) =>
            !isHandoff || deletedWithItsDeal || isServerCall()
                ? null
                : new Refusal(RefusalCodes.HandoffIsHistory,
                    "A handoff task cannot be deleted: the deal's team relies on every handoff being done or explained. " +
                    "If this work is not needed, ask a CrmCollab Administrator to cancel it with the reason.");

        private static string Label(HandoffState state) => state == HandoffState.Canceled ? "canceled" : "completed";
    }
}
