using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CrmCollab.Plugins.Domain.Routing;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// The deal's feasibility as data (crmc_feasibilitydetail), so forms and the panel show each function's review
    /// without reading the summary's prose. Version 1:
    /// {"v":1,"status":100000001,"items":[{"function":100000001,"functionLabel":"Logistics","decision":100000000,
    ///  "decisionLabel":"Pending","blocking":true,"reviewer":"Lena","due":"2026-11-25T09:00:00Z","reason":null,"conditions":null}]}
    /// One item per function's current review, in function order; dates in UTC ISO 8601.
    /// </summary>
    public static class FeasibilityDetail
    {
        public static string ToJson(FeasibilityStatus status, IEnumerable<ReviewState> currentReviews)
        {
            var json = new StringBuilder("{\"v\":1,\"status\":").Append((int)status).Append(",\"items\":[");
            bool first = true;
            foreach (ReviewState review in currentReviews.OrderBy(r => r.Function))
            {
                if (!first) json.Append(',');
                first = false;
                json.Append("{\"function\":").Append((int)review.Function)
                    .Append(",\"functionLabel\":").Append(Text(review.Function.Label()))
                    .Append(",\"decision\":").Append((int)review.Decision)
                    .Append(",\"decisionLabel\":").Append(Text(DecisionLabel(review.Decision)))
                    .Append(",\"blocking\":").Append(review.IsApproved ? "false" : "true")
                    .Append(",\"reviewer\":").Append(Text(review.ReviewerName))
                    .Append(",\"due\":").Append(review.DueDate.HasValue
                        ? Text(DateTime.SpecifyKind(review.DueDate.Value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                        : "null")
                    .Append(",\"reason\":").Append(Text(review.Decision == ReviewDecision.Rejected ? review.RejectionReason : null))
                    .Append(",\"conditions\":").Append(Text(review.Decision == ReviewDecision.ApprovedWithConditions ? review.Conditions : null))
                    .Append('}');
            }
            return json.Append("]}").ToString();
        }

        public static string DecisionLabel(ReviewDecision decision)
        {
            switch (decision)
            {
                case ReviewDecision.Pending: return "Pending";
                case ReviewDecision.Approved: return "Approved";
                case ReviewDecision.ApprovedWithConditions: return "Approved with conditions";
                case ReviewDecision.Rejected: return "Rejected";
                case ReviewDecision.Invalidated: return "Invalidated";
                case ReviewDecision.Withdrawn: return "Withdrawn";
                default: return ((int)decision).ToString(CultureInfo.InvariantCulture);
            }
        }

        /// <summary>A JSON string literal (or null), escaped per RFC 8259.</summary>
        internal static string Text(string value)
        {
            if (value == null) return "null";
            var text = new StringBuilder("\"");
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': text.Append("\\\""); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    default:
                        if (c < 0x20 || c == '\u2028' || c == '\u2029') text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else text.Append(c);
                        break;
                }
            }
            return text.Append('"').ToString();
        }
    }
}
