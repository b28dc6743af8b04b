using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>Why a won deal's post-sale handoffs could not all be created, worded for whoever runs the job or the step.</summary>
    public static class HandoffCreationRules
    {
        /// <summary>Handoffs are routed by the deal's account: without one, none is created.</summary>
        public static Refusal NoAccount(string dealName) =>
            new Refusal(RefusalCodes.HandoffNoAccount,
                (string.IsNullOrWhiteSpace(dealName) ? "This opportunity" : $"The opportunity '{dealName}'") +
                " has no account, so its handoffs cannot be routed. Ask your CrmCollab administrator to reopen it, set its account (customer) " +
                "and close it as won again: CrmCollab then creates its handoffs.");

        /// <summary>
        /// A win needs the account its handoffs are routed by (the deal's customer when that is an account, else its
        /// Account): without one the Win is refused, instead of a won deal with no handoff and nothing telling anyone.
        /// </summary>
        public static Refusal CheckWin(System.Guid? accountId, string dealName) =>
            accountId.HasValue ? null : new Refusal(RefusalCodes.HandoffNoAccount,
                (string.IsNullOrWhiteSpace(dealName) ? "This opportunity" : $"The opportunity '{dealName}'") +
                " has no account, so CrmCollab cannot route its post-sale handoffs to the account's ADV, logistics and SAV contacts. " +
                "Set its account (a customer that is an account, or the Account field), then close it as won.");

        /// <summary>
        /// Some handoffs were created, others were not (each with its function, subject and the platform's reason):
        /// the run fails so the job is retried, and the retry creates only what is missing.
        /// </summary>
        public static Refusal Incomplete(IReadOnlyCollection<string> failed, int created) =>
            new Refusal(RefusalCodes.HandoffIncomplete,
                $"{failed.Count} handoff(s) could not be created ({string.Join("; ", failed)}); the other {created} were. " +
                "The job is retried; a note on the deal says what to fix.");

        /// <summary>The Create Post-Sale Handoff step was run on a deal that is not won: a deal hands off only once won.</summary>
        public static Refusal NotWon(string dealName) =>
            new Refusal(RefusalCodes.HandoffDealNotWon,
                (string.IsNullOrWhiteSpace(dealName) ? "This opportunity" : $"The opportunity '{dealName}'") +
                " is not won, and CrmCollab creates post-sale handoffs only for a won deal. Run the Create Post-Sale Handoff step " +
                "only on won deals (give the workflow a condition on the deal's status).");

        /// <summary>
        /// The Create Post-Sale Handoff step found handoffs of a won deal missing. A workflow step runs as the workflow's
        /// user, who may not create a handoff (only CrmCollab's step after the win may), so it names them and who can help.
        /// </summary>
        /// <param name="missing">Each missing handoff as "ADV 'Draw up the contract'".</param>
        public static Refusal MissingForStep(string dealName, IReadOnlyCollection<string> missing) =>
            new Refusal(RefusalCodes.HandoffMissing,
                $"{missing.Count} post-sale handoff(s) of the won opportunity " +
                (string.IsNullOrWhiteSpace(dealName) ? "" : $"'{dealName}' ") +
                $"are missing, or hidden from the workflow's user: {string.Join(", ", missing.Take(10))}" +
                (missing.Count > 10 ? $" and {missing.Count - 10} more" : "") + ". " +
                "CrmCollab creates a won deal's handoffs itself, in the background a few moments after the win; a workflow step runs " +
                "with its user's rights and cannot. If the deal was won moments ago, run this step again a few minutes after the win " +
                "(in a workflow or flow started by the win, wait before this step). If they are still missing, ask your CrmCollab " +
                "administrator: a note on the deal says what stopped CrmCollab, and once that is fixed, reopening the deal and " +
                "closing it as won again creates only the missing handoffs.");
    }
}
