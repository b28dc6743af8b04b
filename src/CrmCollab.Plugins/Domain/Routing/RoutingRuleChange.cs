using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// What a change of a routing rule re-routes. A rule is a segment fallback: it decides who takes a function's work on
    /// accounts without a dedicated owner in force. When it is made, changed (its segment, target, rank or activity),
    /// retired or deleted, the open work of the function it routed before and of the function it routes now follows the
    /// routing as it is after the change, as it does after a dedicated owner change. Work each account's routing still
    /// gives to the same owner is not written again (<c>RoutingApplication.Reroute</c>).
    /// </summary>
    public static class RoutingRuleChange
    {
        /// <summary>
        /// Most accounts one background run re-routes (the 2-minute limit of a plug-in); more are split into shares
        /// (<see cref="WorkShare"/>).
        /// </summary>
        public const int MaxAccountsPerRun = 250;

        /// <summary>
        /// Whether the change can alter who takes an account's work: a rule decides only for accounts whose own industry,
        /// territory and size match every criterion it sets, so the change concerns the accounts the rule matched before
        /// it or matches after it (<paramref name="before"/> null for a new rule, <paramref name="after"/> null for a
        /// deleted one). A criterion the rule's image does not carry counts as unset: every account is concerned.
        /// </summary>
        public static bool Concerns(RoutingRule before, RoutingRule after, AccountProfile account) =>
            (before != null && before.Matches(account)) || (after != null && after.Matches(account));

        /// <summary>True when the rule, before or after the change, sets no criterion: every account is concerned.</summary>
        public static bool ConcernsEveryAccount(RoutingRule before, RoutingRule after) =>
            (before != null && before.IsDefault) || (after != null && after.IsDefault) || (before == null && after == null);

        /// <summary>The functions whose work may move: the rule's function before the change and after it (either may be absent).</summary>
        public static IReadOnlyList<BusinessFunction> FunctionsConcerned(int? before, int? after)
        {
            var functions = new List<BusinessFunction>(2);
            if (before.HasValue && System.Enum.IsDefined(typeof(BusinessFunction), before.Value)) functions.Add((BusinessFunction)before.Value);
            if (after.HasValue && after != before && System.Enum.IsDefined(typeof(BusinessFunction), after.Value)) functions.Add((BusinessFunction)after.Value);
            return functions;
        }

        /// <summary>The reason written on each record the change moves.</summary>
        public static string Reason(System.DateTime now) => $"Reassigned {now:yyyy-MM-dd} after a routing rule change";

        /// <summary>
        /// The reason written on each record a rule's queue given to another owner moves (a share of a large one, run later,
        /// writes <see cref="Reason"/>: the share carries the segment, not the cause).
        /// </summary>
        public static string KeeperReason(System.DateTime now) => $"Reassigned {now:yyyy-MM-dd} after a routing rule's queue was given to another owner";
    }
}
