using System;
using System.Globalization;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// One share of a routing rule change's re-routing, when the change concerns more accounts than one background run
    /// may take (<see cref="RoutingRuleChange.MaxAccountsPerRun"/>, the 2-minute limit of a plug-in). The run of the change
    /// splits the accounts into <see cref="Count"/> shares by their id — a split that holds however the work is ordered
    /// or moves in between — and writes each share on the rule (server-owned <c>crmc_reroutingbatch</c>); each write
    /// starts one more background run, which re-routes the accounts of its share. Every share is started by the change's
    /// own run, one level below it: none waits for another, so the platform's loop protection (depth 8 within an hour)
    /// never stops the chain, as it would a run that re-started itself.
    /// The share carries what it needs from the change, which a later run cannot read again: the function and the
    /// segment the rule decided for before and after (<see cref="RoutingRuleChange.Concerns"/>).
    /// </summary>
    public sealed class ReroutingBatch
    {
        /// <summary>Accounts a share holds on average: room under <see cref="RoutingRuleChange.MaxAccountsPerRun"/> for an uneven split.</summary>
        public const int AccountsPerShare = 200;

        private const string Version = "v1";

        public int Index { get; set; }
        public int Count { get; set; }
        public BusinessFunction Function { get; set; }

        /// <summary>The rule's segment before the change; null for a rule created by it.</summary>
        public RoutingRule Before { get; set; }

        /// <summary>The rule's segment after the change; null for a rule it deleted.</summary>
        public RoutingRule After { get; set; }

        /// <summary>How many shares a change concerning so many accounts needs: one (no share written) when one run takes them all.</summary>
        public static int SharesFor(int accounts) =>
            accounts <= RoutingRuleChange.MaxAccountsPerRun ? 1 : (accounts + AccountsPerShare - 1) / AccountsPerShare;

        /// <summary>Whether the account falls in this share.</summary>
        public bool Takes(Guid account) => ShareOf(account, Count) == Index;

        /// <summary>The share of an account among <paramref name="count"/>: a hash of every byte of its id (ids made in sequence spread too).</summary>
        public static int ShareOf(Guid account, int count)
        {
            if (count <= 1) return 0;
            uint hash = 2166136261;
            foreach (byte b in account.ToByteArray()) hash = (hash ^ b) * 16777619;
            return (int)(hash % (uint)count);
        }

        /// <summary>The text written on the rule: version, share, count, function, then both segments.</summary>
        public string Write() => string.Join("|", Version, Number(Index), Number(Count), Number((int)Function), Segment(Before), Segment(After));

        /// <summary>The share a text names, or null when it is not one this version wrote.</summary>
        public static ReroutingBatch Read(string text)
        {
            string[] parts = text?.Split('|');
            if (parts == null || parts.Length != 6 || parts[0] != Version) return null;
            int? index = Integer(parts[1]), count = Integer(parts[2]), function = Integer(parts[3]);
            if (index == null || count == null || function == null || count < 1 || index < 0 || index >= count
                || !Enum.IsDefined(typeof(BusinessFunction), function.Value)) return null;
            if (!TrySegment(parts[4], out RoutingRule before) || !TrySegment(parts[5], out RoutingRule after)) return null;
            return new ReroutingBatch { Index = index.Value, Count = count.Value, Function = (BusinessFunction)function.Value, Before = before, After = after };
        }

        /// <summary>"-" for no rule; else industry;territory;size, each empty when the rule does not set it.</summary>
        private static string Segment(RoutingRule rule) => rule == null ? "-"
            : string.Join(";", rule.IndustryCode.HasValue ? Number(rule.IndustryCode.Value) : "", rule.TerritoryId?.ToString("D") ?? "",
                rule.CustomerSizeCode.HasValue ? Number(rule.CustomerSizeCode.Value) : "");

        private static bool TrySegment(string text, out RoutingRule rule)
        {
            rule = null;
            if (text == "-") return true;
            string[] parts = text.Split(';');
            if (parts.Length != 3) return false;
            Guid territory = Guid.Empty;
            bool ok = (parts[0].Length == 0 || Integer(parts[0]) != null)
                && (parts[1].Length == 0 || Guid.TryParseExact(parts[1], "D", out territory))
                && (parts[2].Length == 0 || Integer(parts[2]) != null);
            if (!ok) return false;
            rule = new RoutingRule
            {
                IndustryCode = parts[0].Length == 0 ? null : Integer(parts[0]),
                TerritoryId = parts[1].Length == 0 ? (Guid?)null : territory,
                CustomerSizeCode = parts[2].Length == 0 ? null : Integer(parts[2]),
            };
            return true;
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static int? Integer(string text) =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ? value : (int?)null;

        /// <summary>What a client that sends the column is told: only CrmCollab's background run writes it.</summary>
        public const string ServerOwnedSentence =
            "'Re-routing Batch' is written by CrmCollab when it re-routes a changed rule's work in the background; it cannot be set by hand. Remove it from the change and save again.";
    }
}
