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
    }
}
