using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Plugins.Domain;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>What happened in the run: counts of actions and of the refusals users met, by reason.</summary>
    public sealed class Outcomes
    {
        private readonly SortedDictionary<string, int> _refusals = new SortedDictionary<string, int>(StringComparer.Ordinal);
        private readonly SortedDictionary<string, int> _counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<int, string> _codeLabels = new Dictionary<int, string>();
        private readonly Dictionary<string, string> _refusalLabels = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The code a plugin's InvalidPluginExecutionException carries when it names none of its own.</summary>
        public const int GenericPluginCode = unchecked((int)0x80040265);

        public IReadOnlyDictionary<string, int> Refusals => _refusals;
        public IReadOnlyDictionary<string, int> Counts => _counts;

        public void Count(string what, int by = 1) => _counts[what] = (_counts.TryGetValue(what, out int n) ? n : 0) + by;

        /// <summary>Runs a user action; a refusal from the server is expected business, counted by its reason.</summary>
        public bool Try(Action action)
        {
            try
            {
                action();
                return true;
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                string reason = Reason(fault.Detail?.ErrorCode ?? 0, fault.Detail?.Message ?? fault.Message);
                _refusals[reason] = (_refusals.TryGetValue(reason, out int n) ? n : 0) + 1;
                return false;
            }
        }

        /// <summary>
        /// A CrmCollab refusal is grouped by the stable code it ends with ("… [CRMC-GATE-NOT-CLEARED]"), never by its
        /// wording: the prose changes and two rules may open alike. Any other fault is grouped by the error code it
        /// carries, else by what the user was told; either is labelled from its first message.
        /// </summary>
        public string Reason(int code, string message)
        {
            string refusal = Refusal.CodeOf(message);
            if (refusal != null) return RefusalLabels.TryGetValue(refusal, out string known) ? known : Labelled(refusal, message);
            if (code == 0 || code == GenericPluginCode) return ReasonOf(message);
            if (!_codeLabels.TryGetValue(code, out string label))
                _codeLabels[code] = label = $"{ReasonOf(message)} (code 0x{code:X8})";
            return label;
        }

        /// <summary>The refusals the simulated people meet, named as the report has always named them.</summary>
        private static readonly IReadOnlyDictionary<string, string> RefusalLabels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RefusalCodes.GateNotCleared] = "Feasibility gate: reviews not approved",
            [RefusalCodes.GateReviewMissing] = "Feasibility gate: reviews never requested",
            [RefusalCodes.TermsLocked] = "Agreed terms locked after the win",
            [RefusalCodes.HandoffEvidenceMissing] = "Handoff closed without evidence",
            [RefusalCodes.StageDataMissing] = "Data-quality gate: missing columns",
            [RefusalCodes.ReviewDeciderNotAllowed] = "Review decided by someone who may not decide it",
            [RefusalCodes.ReviewDecisionIncomplete] = "Review decided without its conditions or reason",
        };

        private string Labelled(string refusal, string message)
        {
            if (!_refusalLabels.TryGetValue(refusal, out string label))
                _refusalLabels[refusal] = label = $"{Summary(message.Substring(0, message.LastIndexOf(" [", StringComparison.Ordinal)))} [{refusal}]";
            return label;
        }

        /// <summary>A fault without a CrmCollab code: what the user was told, up to its first full stop or colon.</summary>
        public static string ReasonOf(string message) => "Other: " + Summary(message ?? "");

        private static string Summary(string message) => new string(message.TakeWhile(c => c != '.' && c != ':').Take(80).ToArray());
    }
}
