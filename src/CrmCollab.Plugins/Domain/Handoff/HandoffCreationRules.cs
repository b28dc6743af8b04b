using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>Why a won deal's post-sale handoffs could not all be created, worded for whoever runs the job or the step.</summary>
    public static class HandoffCreationRules
    {
        /// <summary>Handoffs are routed by the deal's account: without one, none is created.</summary>
        public static Refusal NoAccount(string dealName) =>
            new Refusal(RefusalCodes.HandoffNoAccount,
                (string.IsNullOrWhiteSpace(dealName) ? "This opportunity" : $"The opportunity '{dealName}'") +
                " has no account, so its handoffs cannot be routed. Set its account (customer), then run the Create Post-Sale Handoff step on it.");

        /// <summary>
        /// Some handoffs were created, others were not (each with its function, subject and the platform's reason):
        /// the run fails so the job is retried, and the retry creates only what is missing.
        /// </summary>
        public static Refusal Incomplete(IReadOnlyCollection<string> failed, int created) =>
            new Refusal(RefusalCodes.HandoffIncomplete,
                $"{failed.Count} handoff(s) could not be created ({string.Join("; ", failed)}); the other {created} were. " +
                "The job is retried; a note on the deal says what to fix.");
    }
}
