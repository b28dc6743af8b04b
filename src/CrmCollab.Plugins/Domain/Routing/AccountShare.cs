using System;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// One share (<see cref="WorkShare"/>) of the accounts a dedicated owner row's change re-routes — its account and the
    /// accounts below it that fall back to its row — when there are more than one background run may take
    /// (<see cref="RoutingRuleChange.MaxAccountsPerRun"/>, the same budget as a routing rule's change). The change's run
    /// writes each share on the row (server-owned <c>crmc_reroutingbatch</c>), with the account at the top and the
    /// function: the row may since have moved to another account. A merge's run writes its shares, one set per function,
    /// on the account that stays (the same column on account).
    /// </summary>
    public sealed class AccountShare
    {
        /// <summary>Which share, of how many.</summary>
        public WorkShare Share { get; set; }
        public Guid AccountId { get; set; }
        public BusinessFunction Function { get; set; }

        /// <summary>How many shares so many accounts need: one (no share written) when one run takes them all.</summary>
        public static int SharesFor(int accounts) => WorkShare.SharesFor(accounts, RoutingRuleChange.MaxAccountsPerRun);

        /// <summary>Whether the account falls in this share.</summary>
        public bool Takes(Guid account) => Share.Takes(account);

        /// <summary>The text written on the row: the share (<see cref="WorkShare.Write"/>), the account at the top, the function.</summary>
        public string Write() =>
            string.Join("|", Share.Write(), AccountId.ToString("D"), WorkShare.Number((int)Function));

        /// <summary>The share a text names, or null when it is not one this version wrote.</summary>
        public static AccountShare Read(string text)
        {
            string[] parts = text?.Split('|');
            WorkShare share = WorkShare.Read(parts);
            if (share == null || parts.Length != 5 || !Guid.TryParseExact(parts[3], "D", out Guid account)) return null;
            int? function = WorkShare.Integer(parts[4]);
            if (function == null || !Enum.IsDefined(typeof(BusinessFunction), function.Value)) return null;
            return new AccountShare { Share = share, AccountId = account, Function = (BusinessFunction)function.Value };
        }

        /// <summary>What a client that sends the column is told: only CrmCollab's background run writes it.</summary>
        public const string ServerOwnedSentence =
            "'Re-routing Batch' is written by CrmCollab when it re-routes the open work of many accounts in the background; it cannot be set by hand. Remove it from the change and save again.";
    }
}
