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
    /// The open work of an account and of the accounts below it that fall back to it, re-routed in the background: every
    /// function after a merge into the account or a change of its segment or parent (<see cref="EveryFunctionBelow"/>), one
    /// function after a dedicated owner change (<see cref="DedicatedOwnerReassignment"/>); share by share
    /// (<see cref="AccountShare"/>) when that is more than one run may take, each share a background run of its own
    /// (<see cref="RunShare"/>).
    /// </summary>
    public static class AccountReroute
    {
        private static readonly BusinessFunction[] Functions = (BusinessFunction[])Enum.GetValues(typeof(BusinessFunction));

        /// <summary>Every function's open work of the account and the accounts below it, its shares written on the account.</summary>
        /// <param name="cause">Why: a merge into the account, or a change of its segment or parent (each record's routing path says it).</param>
        public static int EveryFunctionBelow(LocalPluginContext context, Guid accountId, AccountRerouteCause cause) =>
            Below(context, accountId, Functions, share => new Entity(Account.Table, accountId) { [Account.ReroutingBatch] = share }, cause);

        /// <summary>
        /// The functions' open work of the account and the accounts below it: here when one run takes it (an account and
        /// function each, <see cref="RoutingRuleChange.MaxAccountsPerRun"/> in all); else one set of shares per function, each
        /// saved on the row <paramref name="carrier"/> makes of its text (a Re-routing Batch) — or, where that save is refused,
        /// the account and the nearest accounts below it that one run takes. Returns how many records changed here.
        /// </summary>
        public static int Below(LocalPluginContext context, Guid accountId, IReadOnlyList<BusinessFunction> functions, Func<string, Entity> carrier,
            AccountRerouteCause cause = AccountRerouteCause.DedicatedOwnerChange)
        {
            List<Guid> accounts = HandoffReassignment.WithDescendants(context.SystemService, accountId).ToList();
            int perRun = RoutingRuleChange.MaxAccountsPerRun / functions.Count;
            if (accounts.Count > perRun)
            {
                int shares = WorkShare.SharesFor(accounts.Count, perRun);
                if (StartShares(context, accountId, functions, shares, carrier, cause))
                {
                    context.Trace("{0} account(s), {1} function(s), re-routed in {2} background run(s).", accounts.Count, functions.Count, shares * functions.Count);
                    return 0;
                }
                context.Trace("{0} of {1} account(s) re-routed in this run.", perRun, accounts.Count);
            }
            int moved = 0;
            foreach (Guid account in accounts.Take(perRun))
                foreach (BusinessFunction function in functions)
                    moved += HandoffReassignment.Reroute(context, account, function, AccountShare.Why(cause, context.Now));
            return moved;
        }

        /// <summary>
        /// The function's open work of the account and the accounts below it, always in the background: one share, or as many
        /// as one run per share needs, each saved on the row <paramref name="carrier"/> makes of its text. For a caller that
        /// re-routes many accounts in one call (the daily re-routing of dedicated owner periods), where doing each one's work
        /// in place would pass the 2-minute limit. Returns the background runs started (0: the first save was refused).
        /// </summary>
        public static int InBackground(LocalPluginContext context, Guid accountId, BusinessFunction function, Func<string, Entity> carrier)
        {
            int accounts = HandoffReassignment.WithDescendants(context.SystemService, accountId).Count();
            int shares = WorkShare.SharesFor(accounts, RoutingRuleChange.MaxAccountsPerRun);
            return StartShares(context, accountId, new[] { function }, shares, carrier, AccountRerouteCause.DedicatedOwnerChange) ? shares : 0;
        }

        /// <summary>So many shares of the account and the accounts below it for each function, each saved on its carrier (<see cref="ShareDispatch.Start"/>).</summary>
        private static bool StartShares(LocalPluginContext context, Guid accountId, IReadOnlyList<BusinessFunction> functions, int shares, Func<string, Entity> carrier,
            AccountRerouteCause cause) =>
            ShareDispatch.Start(context, shares * functions.Count, index => carrier(new AccountShare
            {
                Share = new WorkShare { Index = index % shares, Count = shares }, AccountId = accountId, Function = functions[index / shares], Cause = cause,
            }.Write()));

        /// <summary>
        /// A share written on an account (the asynchronous Update step on its Re-routing Batch): by <see cref="Below"/>, a
        /// routing rule change's (<see cref="ReroutingBatch"/>) when the last rule was deleted and no rule is left to carry it,
        /// or a change of the unrouted desk's (<see cref="DeskShare"/>).
        /// </summary>
        public static void OnAccountShare(LocalPluginContext context)
        {
            string share = context.TargetEntity?.Read<string>(Account.ReroutingBatch);
            if (share == null) return;
            DeskShare desk = DeskShare.Read(share);
            if (desk != null) DeskSettingReassignment.OnShare(context, desk);
            else if (ReroutingBatch.Read(share) != null) RoutingRuleReassignment.OnShare(context, share);
            else RunShare(context, share);
        }

        /// <summary>One share of a change's accounts, written on the account or the dedicated owner row by the change's own run.</summary>
        internal static void RunShare(LocalPluginContext context, string text)
        {
            AccountShare share = AccountShare.Read(text);
            if (share == null)
            {
                context.Trace("Re-routing: '{0}' is not a share this version wrote; nothing re-routed.", text);
                return;
            }
            int moved = 0, accounts = 0;
            foreach (Guid account in HandoffReassignment.WithDescendants(context.SystemService, share.AccountId).Where(share.Takes).ToList())
            {
                moved += HandoffReassignment.Reroute(context, account, share.Function, AccountShare.Why(share.Cause, context.Now));
                accounts++;
            }
            context.Trace("Re-routing, {0}: {1} open {2} handoff(s) and review(s) re-routed on {3} account(s).", share.Share, moved, share.Function.Label(), accounts);
        }
    }
}
