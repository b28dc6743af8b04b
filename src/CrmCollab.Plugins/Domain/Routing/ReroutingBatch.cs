using System;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// One share of a routing rule change's re-routing (<see cref="WorkShare"/>), when the change concerns more accounts
    /// than one background run may take (<see cref="RoutingRuleChange.MaxAccountsPerRun"/>): the change's run writes each
    /// share on the rule (server-owned <c>crmc_reroutingbatch</c>); each write starts one more background run, which
    /// re-routes the accounts of its share.
    /// The share carries what it needs from the change, which a later run cannot read again: the function and the
    /// segment the rule decided for before and after (<see cref="RoutingRuleChange.Concerns"/>).
    /// </summary>
    public sealed class ReroutingBatch
    {
        /// <summary>Which share, of how many.</summary>
        public WorkShare Share { get; set; }
        public BusinessFunction Function { get; set; }

        /// <summary>The rule's segment before the change; null for a rule created by it.</summary>
        public RoutingRule Before { get; set; }

        /// <summary>The rule's segment after the change; null for a rule it deleted.</summary>
        public RoutingRule After { get; set; }

        /// <summary>How many shares a change concerning so many accounts needs: one (no share written) when one run takes them all.</summary>
        public static int SharesFor(int accounts) => WorkShare.SharesFor(accounts, RoutingRuleChange.MaxAccountsPerRun);

        /// <summary>Whether the account falls in this share.</summary>
        public bool Takes(Guid account) => Share.Takes(account);

        /// <summary>The text written on the rule: the share (<see cref="WorkShare.Write"/>), the function, then both segments.</summary>
        public string Write() => string.Join("|", Share.Write(), WorkShare.Number((int)Function), Segment(Before), Segment(After));

        /// <summary>The share a text names, or null when it is not one this version wrote.</summary>
        public static ReroutingBatch Read(string text)
        {
            string[] parts = text?.Split('|');
            WorkShare share = WorkShare.Read(parts);
            if (share == null || parts.Length != 6) return null;
            int? function = WorkShare.Integer(parts[3]);
            if (function == null || !Enum.IsDefined(typeof(BusinessFunction), function.Value)) return null;
            if (!TrySegment(parts[4], out RoutingRule before) || !TrySegment(parts[5], out RoutingRule after)) return null;
            return new ReroutingBatch { Share = share, Function = (BusinessFunction)function.Value, Before = before, After = after };
        }

        /// <summary>"-" for no rule; else industry;territory;size, each empty when the rule does not set it.</summary>
        private static string Segment(RoutingRule rule) => rule == null ? "-"
            : string.Join(";", rule.IndustryCode.HasValue ? WorkShare.Number(rule.IndustryCode.Value) : "", rule.TerritoryId?.ToString("D") ?? "",
                rule.CustomerSizeCode.HasValue ? WorkShare.Number(rule.CustomerSizeCode.Value) : "");

        private static bool TrySegment(string text, out RoutingRule rule)
        {
            rule = null;
            if (text == "-") return true;
            string[] parts = text.Split(';');
            if (parts.Length != 3) return false;
            Guid territory = Guid.Empty;
            bool ok = (parts[0].Length == 0 || WorkShare.Integer(parts[0]) != null)
                && (parts[1].Length == 0 || Guid.TryParseExact(parts[1], "D", out territory))
                && (parts[2].Length == 0 || WorkShare.Integer(parts[2]) != null);
            if (!ok) return false;
            rule = new RoutingRule
            {
                IndustryCode = parts[0].Length == 0 ? null : WorkShare.Integer(parts[0]),
                TerritoryId = parts[1].Length == 0 ? (Guid?)null : territory,
                CustomerSizeCode = parts[2].Length == 0 ? null : WorkShare.Integer(parts[2]),
            };
            return true;
        }
    }
}
