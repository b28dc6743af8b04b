using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// A dedicated owner row set, changed, ended or deleted (asynchronous, post-operation, steps of
    /// <see cref="HandoffReassignment"/>): the open handoffs and pending reviews of its function follow the new routing on
    /// its account and on the accounts below it that fall back to its row. When they are more than one background run may
    /// take, they are re-routed share by share (<see cref="AccountShare"/>), each share a run of its own.
    /// </summary>
    public static class DedicatedOwnerReassignment
    {
        /// <summary>What changes who a row routes work to (the Update step's filter, with its share, and its pre-image).</summary>
        public static readonly string[] Watched =
        {
            DedicatedOwnerRow.AccountId, DedicatedOwnerRow.Function, DedicatedOwnerRow.UserId, DedicatedOwnerRow.TeamId,
            DedicatedOwnerRow.ValidFrom, DedicatedOwnerRow.ValidTo, DedicatedOwnerRow.BackupUserId, DedicatedOwnerRow.StateCode,
        };

        /// <summary>The row's Date Only columns: a date sent at another hour of the same day changes nothing.</summary>
        private static readonly string[] DateOnly = { DedicatedOwnerRow.ValidFrom, DedicatedOwnerRow.ValidTo };

        public static void OnChange(LocalPluginContext context)
        {
            bool update = context.ExecutionContext.MessageName == "Update";
            string share = update ? context.TargetEntity?.Read<string>(DedicatedOwnerRow.ReroutingBatch) : null;
            if (share != null)
            {
                AccountReroute.RunShare(context, share);
                return;
            }
            // A save that changes nothing routing reads (a re-import of the sheet, an integration writing the row back whole)
            // moves nothing: a re-routing would take back the work passed on by hand.
            if (update && context.PreImage(HandoffReassignment.PreImage) != null
                && Changes.Of(KeyedReferences.Resolved(context, context.TargetEntity), context.PreImage(HandoffReassignment.PreImage), Watched, DateOnly).Count == 0)
            {
                context.Trace("Dedicated owner row saved with nothing routing reads changed: nothing re-routed.");
                return;
            }
            // Both the old and the new account × function may need re-routing (e.g. a row moved to another account).
            var affected = new List<Entity> { context.PreImage(HandoffReassignment.PreImage), context.PostImage(HandoffReassignment.PostImage) }
                .Where(row => row != null && row.RefId(DedicatedOwnerRow.AccountId) != null && row.Choice(DedicatedOwnerRow.Function) != null)
                .Select(row => new { Account = row.RefId(DedicatedOwnerRow.AccountId).Value, Function = (BusinessFunction)row.Choice(DedicatedOwnerRow.Function).Value })
                .Distinct()
                .ToList();
            bool deleted = context.ExecutionContext.MessageName == "Delete";
            // An account without a row of its own falls back to its parent's (RoutingRepository.AccountChain), so the
            // accounts below follow too; Reroute resolves each one's own routing, so one with its own row keeps it. Each share
            // is written on the row (this step runs it); a deleted row's on its account (AccountReroute.OnAccountShare).
            foreach (var item in affected)
                AccountReroute.Below(context, item.Account, new[] { item.Function }, text => deleted
                    ? new Entity(Account.Table, item.Account) { [Account.ReroutingBatch] = text }
                    : new Entity(DedicatedOwnerRow.Table, context.ExecutionContext.PrimaryEntityId) { [DedicatedOwnerRow.ReroutingBatch] = text });
        }
    }
}
