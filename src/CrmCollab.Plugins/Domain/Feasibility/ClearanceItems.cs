using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// What holds a deal at the gate, as data for clients (the Get Feasibility Status step's Reviews output), from the
    /// gate's own decisions on its next move and on its win. Version 1:
    /// {"v":1,"items":[{"function":100000002,"functionLabel":"Finance","reason":"OUTDATED","decision":100000001,
    ///  "reviewer":"Fiona","move":true,"win":true}]}
    /// One item per function and reason (<see cref="ClearanceReasons"/>), in function order; "decision" is the review's
    /// recorded decision (null when none is on record); "move" and "win" say which attempt it holds.
    /// </summary>
    public static class ClearanceItems
    {
        /// <param name="move">The decision on the deal's next move through a gate, or null when it has none.</param>
        /// <param name="win">The decision on its win.</param>
        public static string ToJson(ClearanceDecision move, ClearanceDecision win)
        {
            var moveBlocks = move?.Blocks ?? new ClearanceBlock[0];
            var items = moveBlocks.Concat(win.Blocks)
                .GroupBy(b => new { b.Function, b.Reason })
                .OrderBy(g => g.Key.Function).ThenBy(g => g.Key.Reason, System.StringComparer.Ordinal);
            var json = new StringBuilder("{\"v\":1,\"items\":[");
            bool first = true;
            foreach (var item in items)
            {
                ClearanceBlock block = item.First();
                if (!first) json.Append(',');
                first = false;
                json.Append("{\"function\":").Append(((int)block.Function).ToString(CultureInfo.InvariantCulture))
                    .Append(",\"functionLabel\":").Append(FeasibilityDetail.Text(block.Function.Label()))
                    .Append(",\"reason\":").Append(FeasibilityDetail.Text(block.Reason))
                    .Append(",\"decision\":").Append(block.Review == null ? "null" : ((int)block.Review.Decision).ToString(CultureInfo.InvariantCulture))
                    .Append(",\"reviewer\":").Append(FeasibilityDetail.Text(block.Review?.ReviewerName))
                    .Append(",\"move\":").Append(Holds(moveBlocks, block) ? "true" : "false")
                    .Append(",\"win\":").Append(Holds(win.Blocks, block) ? "true" : "false")
                    .Append('}');
            }
            return json.Append("]}").ToString();
        }

        private static bool Holds(IEnumerable<ClearanceBlock> blocks, ClearanceBlock item) =>
            blocks.Any(b => b.Function == item.Function && b.Reason == item.Reason);
    }
}
