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
        public static void OnChange(LocalPluginContext context)
        {
            string share = context.ExecutionContext.MessageName == "Update" ? context.TargetEntity?.Read<string>(DedicatedOwnerRow.ReroutingBatch) : null;
            if (share != null)
            {
                AccountReroute.RunShare(context, share);
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
            // accounts below follow too; Reroute resolves each one's own routing, so one with its own row keeps it.
            foreach (var item in affected)
            {
                List<Guid> accounts = HandoffReassignment.WithDescendants(context.SystemService, item.Account).ToList();
                int shares = AccountShare.SharesFor(accounts.Count);
                // Each share written on the row starts a background run of its own (this step), one level below this one; a
                // deleted row's shares are written on its account, whose share step runs the same (AccountReroute.OnAccountShare).
                if (shares > 1 && ShareDispatch.Start(context, shares, index =>
                    {
                        string text = new AccountShare { Share = new WorkShare { Index = index, Count = shares }, AccountId = item.Account, Function = item.Function }.Write();
                        return deleted
                            ? new Entity(Account.Table, item.Account) { [Account.ReroutingBatch] = text }
                            : new Entity(DedicatedOwnerRow.Table, context.ExecutionContext.PrimaryEntityId) { [DedicatedOwnerRow.ReroutingBatch] = text };
                    }))
                {
                    context.Trace("Dedicated owner change: {0} account(s), re-routed in {1} background run(s).", accounts.Count, shares);
                    continue;
                }
                // One run takes them all; or, where the carrier could not be saved, its account and the nearest accounts below.
                foreach (Guid account in accounts.Take(RoutingRuleChange.MaxAccountsPerRun))
                    HandoffReassignment.Reroute(context, account, item.Function);
                if (accounts.Count > RoutingRuleChange.MaxAccountsPerRun)
                    context.Trace("Dedicated owner change: {0} of {1} account(s) re-routed.", RoutingRuleChange.MaxAccountsPerRun, accounts.Count);
            }
        }
    }
}
