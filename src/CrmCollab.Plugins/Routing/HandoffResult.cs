using System.Collections.Generic;
using CrmCollab.Plugins.Domain.Handoff;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>What one run of <see cref="HandoffCreation"/> did.</summary>
    public sealed class HandoffResult
    {
        /// <summary>The handoffs that could not be created, each with its function and the platform's reason.</summary>
        public List<string> Failed { get; } = new List<string>();
        public int Created { get; set; }

        /// <summary>The sentence for the job's failure (retried; the created handoffs stay), or null when all were made.</summary>
        public string FailureMessage => Failed.Count == 0 ? null : HandoffCreationRules.Incomplete(Failed, Created).Message;
        public int Unrouted { get; set; }
        public int AlreadyPresent { get; set; }

        /// <summary>Canceled handoffs of a deal won again, reopened for this win.</summary>
        public int Reopened { get; set; }
    }
}
