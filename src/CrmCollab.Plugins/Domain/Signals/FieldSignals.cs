using System;

namespace CrmCollab.Plugins.Domain.Signals
{
    /// <summary>crmc_kind of a field signal.</summary>
    public enum SignalKind
    {
        Lead = 100000000,
        CompetitorPresence = 100000001,
        ChurnRisk = 100000002,
        Expansion = 100000003,
        Complaint = 100000004,
    }

    /// <summary>How fast the salesperson must acknowledge what the field saw, and what each kind triggers.</summary>
    public static class FieldSignalRules
    {
        /// <summary>Churn risk and complaints are urgent (1 day); a lead or expansion within 2 days; competitor intel 3.</summary>
        public static DateTime AcknowledgementDue(SignalKind kind, DateTime raisedOn)
        {
            switch (kind)
            {
                case SignalKind.ChurnRisk:
                case SignalKind.Complaint:
                    return raisedOn.AddDays(1);
                case SignalKind.Lead:
                case SignalKind.Expansion:
                    return raisedOn.AddDays(2);
                default:
                    return raisedOn.AddDays(3);
            }
        }

        public static bool CreatesLead(SignalKind kind) => kind == SignalKind.Lead || kind == SignalKind.Expansion;

        public static bool MarksChurnRisk(SignalKind kind) => kind == SignalKind.ChurnRisk;

        public static string Label(SignalKind kind)
        {
            switch (kind)
            {
                case SignalKind.Lead: return "Lead";
                case SignalKind.CompetitorPresence: return "Competitor presence";
                case SignalKind.ChurnRisk: return "Churn risk";
                case SignalKind.Expansion: return "Expansion";
                case SignalKind.Complaint: return "Complaint";
                default: return ((int)kind).ToString();
            }
        }

        public static string CheckContent(int? kindValue, string description, bool competitorSet)
        {
            if (kindValue == null || !Enum.IsDefined(typeof(SignalKind), kindValue.Value))
                return "Choose what kind of signal this is (lead, competitor presence, churn risk, expansion or complaint).";
            if (string.IsNullOrWhiteSpace(description))
                return "Describe what you saw or heard, so the salesperson can act on it.";
            if ((SignalKind)kindValue.Value == SignalKind.CompetitorPresence && !competitorSet)
                return "Name the competitor you saw on this account.";
            return null;
        }

        /// <summary>The raiser's function, read from their CrmCollab role ("CrmCollab Logistics"…); null when none says.</summary>
        public static Routing.BusinessFunction? FunctionOfRoles(System.Collections.Generic.IEnumerable<string> roleNames)
        {
            foreach (string role in roleNames)
            {
                foreach (Routing.BusinessFunction function in Enum.GetValues(typeof(Routing.BusinessFunction)))
                {
                    if (string.Equals(role, "CrmCollab " + Routing.BusinessFunctions.Label(function), StringComparison.OrdinalIgnoreCase))
                        return function;
                }
            }
            return null;
        }

        public const string AcknowledgeRefusal = "Only the salesperson this signal is routed to can acknowledge it.";
    }
}
