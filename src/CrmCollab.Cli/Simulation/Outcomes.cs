using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>What happened in the run: counts of actions and of the refusals users met, by reason.</summary>
    public sealed class Outcomes
    {
        private readonly SortedDictionary<string, int> _refusals = new SortedDictionary<string, int>(StringComparer.Ordinal);
        private readonly SortedDictionary<string, int> _counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<int, string> _codeLabels = new Dictionary<int, string>();

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

        /// <summary>A refusal that carries its own code is grouped by that code (labelled from its first message); one with
        /// the generic plugin code by what the user was told.</summary>
        public string Reason(int code, string message)
        {
            if (code == 0 || code == GenericPluginCode) return ReasonOf(message);
            if (!_codeLabels.TryGetValue(code, out string label))
                _codeLabels[code] = label = $"{ReasonOf(message)} (code 0x{code:X8})";
            return label;
        }

        /// <summary>Groups messages by what the user was told, without the record-specific details.</summary>
        public static string ReasonOf(string message)
        {
            var known = new[]
            {
                ("until its feasibility reviews are approved", "Feasibility gate: reviews not approved"),
                ("needs feasibility reviews from", "Feasibility gate: reviews never requested"),
                ("agreed terms of a won opportunity are locked", "Agreed terms locked after the win"),
                ("cannot be completed yet", "Handoff closed without evidence"),
                ("Before moving to", "Data-quality gate: missing columns"),
                ("You own this opportunity", "Rep deciding own review"),
                ("Write the conditions", "Conditions missing"),
                ("reason for the rejection", "Rejection reason missing"),
                ("Only the", "Not the right person"),
            };
            foreach (var (marker, label) in known)
                if (message.IndexOf(marker, StringComparison.Ordinal) >= 0) return label;
            return "Other: " + new string(message.TakeWhile(c => c != '.' && c != ':').Take(80).ToArray());
        }
    }
}
