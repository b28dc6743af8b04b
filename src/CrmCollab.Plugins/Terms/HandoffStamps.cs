using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// The server's dates on a handoff (<see cref="HandoffGuard"/>, after its checks passed): the acceptance in server time,
    /// kept once given (it feeds the KPIs); the actual end of a completion (with closed on time) or a cancellation; neither
    /// once reopened. On the save itself, or after a SetState when no Update step wrote them on the way.
    /// </summary>
    internal static class HandoffStamps
    {
        /// <summary>The stamps written on the save's own Target, <paramref name="target"/>.</summary>
        public static void OnSave(Entity target, Entity before, HandoffState stateBefore, HandoffState stateAfter, DateTime now)
        {
            // Server time, whatever the client typed; a second acceptance keeps the first (it feeds the KPIs).
            if (target.Contains(HandoffTask.AcceptedOn) && target[HandoffTask.AcceptedOn] != null)
                target[HandoffTask.AcceptedOn] = before.Read<DateTime?>(HandoffTask.AcceptedOn) ?? now;
            if (stateAfter == HandoffState.Completed && stateBefore != HandoffState.Completed)
            {
                target[HandoffTask.ActualEnd] = now;
                target[HandoffTask.ClosedOnTime] = HandoffRules.ClosedOnTime(before.Read<DateTime?>(HandoffTask.ScheduledEnd), now);
            }
            // A cancellation is dated too (a re-win compares it with the deal's loss; the modification date moves with any
            // later write, such as the deal's reassignment); a handoff reopened is closed anew.
            else if (stateAfter == HandoffState.Canceled && stateBefore != HandoffState.Canceled) target[HandoffTask.ActualEnd] = now;
            else if (stateAfter == HandoffState.Open && stateBefore != HandoffState.Open) Reopened(target);
        }

        /// <summary>A handoff open again: no actual end, and not closed on time (as a new one: the column's default, No) until it is closed again.</summary>
        private static void Reopened(Entity change)
        {
            change[HandoffTask.ActualEnd] = null;
            change[HandoffTask.ClosedOnTime] = false;
        }

        /// <summary>
        /// A handoff completed or canceled through SetState gets its server stamps (actual end, and closed on time for a
        /// completion) here when no Update step wrote them on the way — also one moved from canceled to completed, whose
        /// actual end was the cancellation's — and one reopened loses its actual end; where the platform runs the Update
        /// steps too, they are already there and nothing is written (<see cref="SetStateStamps"/>).
        /// </summary>
        /// <param name="before">The task before the SetState (its pre-image: state and actual end); null when not given.</param>
        /// <param name="after">The task after the SetState (its post-image).</param>
        public static void AfterSetState(LocalPluginContext context, Entity before, Entity after)
        {
            // A plain task is not CrmCollab's to stamp; a handoff's actual end is the server's (no client sets it).
            if (after == null || !HandoffGuard.IdentityColumns.Any(after.IsFilled)) return;
            int? stateBefore = before?.Choice(HandoffTask.StateCode);
            SetStateStamp stamp = SetStateStamps.Needed(before == null ? (HandoffState?)null : (HandoffState)(stateBefore ?? HandoffTask.StateOpen),
                (HandoffState)(after.Choice(HandoffTask.StateCode) ?? HandoffTask.StateOpen),
                before?.Read<DateTime?>(HandoffTask.ActualEnd), after.Read<DateTime?>(HandoffTask.ActualEnd));
            if (stamp == SetStateStamp.Completion)
                context.SystemService.Update(new Entity(HandoffTask.Table, after.Id)
                {
                    [HandoffTask.ActualEnd] = context.Now,
                    [HandoffTask.ClosedOnTime] = HandoffRules.ClosedOnTime(after.Read<DateTime?>(HandoffTask.ScheduledEnd), context.Now),
                });
            else if (stamp == SetStateStamp.Cancellation)
                context.SystemService.Update(new Entity(HandoffTask.Table, after.Id) { [HandoffTask.ActualEnd] = context.Now });
            else if (stamp == SetStateStamp.ClearEnd)
            {
                var reopened = new Entity(HandoffTask.Table, after.Id);
                Reopened(reopened);
                context.SystemService.Update(reopened);
            }
        }
    }
}
