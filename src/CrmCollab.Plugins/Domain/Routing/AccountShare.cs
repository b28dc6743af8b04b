using System;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// One share (<see cref="WorkShare"/>) of an account and the accounts below it that fall back to it, for one function,
    /// when a change re-routes more of them than one background run may take (<see cref="RoutingRuleChange.MaxAccountsPerRun"/>,
    /// the same budget as a routing rule's change): a dedicated owner row's change writes its shares on the row, a deleted
    /// row's, a merge's and a new segment's or parent's on the account (server-owned <c>crmc_reroutingbatch</c> on both),
    /// each with the account at the top and the function, as the row may since have moved.
    /// </summary>
    public sealed class AccountShare
    {
        /// <summary>Which share, of how many.</summary>
        public WorkShare Share { get; set; }
        public Guid AccountId { get; set; }
        public BusinessFunction Function { get; set; }

        /// <summary>Why the work is routed again (a share written before this was recorded: a dedicated owner change).</summary>
        public AccountRerouteCause Cause { get; set; }

        /// <summary>What the routing path of each record moved says first: when, and why.</summary>
        public static string Why(AccountRerouteCause cause, DateTime now)
        {
            switch (cause)
            {
                case AccountRerouteCause.Merge: return $"Reassigned {now:yyyy-MM-dd} after a merge of accounts";
                case AccountRerouteCause.SegmentChange: return $"Reassigned {now:yyyy-MM-dd} after the account's industry, territory, size or parent account changed";
                default: return $"Reassigned {now:yyyy-MM-dd} after a dedicated owner change";
            }
        }

        /// <summary>Whether the account falls in this share.</summary>
        public bool Takes(Guid account) => Share.Takes(account);

        /// <summary>The text written on the row: the share (<see cref="WorkShare.Write"/>), the account at the top, the function,
        /// and the cause when it is not a dedicated owner change (the text such a share had before the cause was recorded).</summary>
        public string Write() =>
            string.Join("|", Share.Write(), AccountId.ToString("D"), WorkShare.Number((int)Function))
            + (Cause == AccountRerouteCause.DedicatedOwnerChange ? "" : "|" + WorkShare.Number((int)Cause));

        /// <summary>The share a text names, or null when it is not one this version wrote.</summary>
        public static AccountShare Read(string text)
        {
            string[] parts = text?.Split('|');
            WorkShare share = WorkShare.Read(parts);
            if (share == null || (parts.Length != 5 && parts.Length != 6) || !Guid.TryParseExact(parts[3], "D", out Guid account)) return null;
            int? function = WorkShare.Integer(parts[4]);
            if (function == null || !Enum.IsDefined(typeof(BusinessFunction), function.Value)) return null;
            int? cause = parts.Length == 6 ? WorkShare.Integer(parts[5]) : (int)AccountRerouteCause.DedicatedOwnerChange;
            if (cause == null || !Enum.IsDefined(typeof(AccountRerouteCause), cause.Value)) return null;
            return new AccountShare { Share = share, AccountId = account, Function = (BusinessFunction)function.Value, Cause = (AccountRerouteCause)cause.Value };
        }
    }
}
