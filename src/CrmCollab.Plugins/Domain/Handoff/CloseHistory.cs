namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>
    /// A deal's opportunity closes are the record of its wins and losses: Microsoft describes the opportunity close as the
    /// activity created when an opportunity is closed (Close as Won / Close as Lost: Win and Lose create it), yet the table
    /// also takes a plain Create and Delete from anyone who may create and delete activities (a salesperson, their own).
    /// Once a deal has been won, CrmCollab reads its closes to know which of its handoffs a new win needs: one canceled
    /// before the previous close (the loss) is reopened, one canceled since (while the deal was won) stays canceled, and a
    /// close's job hands nothing off once a later close exists. A close added by hand would pass for a loss and bring back
    /// work an administrator canceled; one removed would hide a loss and leave out work the new win needs. So on a deal
    /// won once, closes are added only by Win and Lose, removed only with the deal, and never moved to or from it (the
    /// close's opportunity is writable on Update, the table reference says). A deal never won has no handoff
    /// for its closes to speak about: closes recorded by hand on it stay allowed.
    /// </summary>
    public static class CloseHistory
    {
        /// <param name="wonOnce">The deal has been won (its first win date is set).</param>
        public static Refusal CheckAddedByHand(bool wonOnce, string dealName) =>
            !wonOnce ? null : Kept(dealName, "so a close activity is not added to it by hand. " + NoteInstead);

        /// <param name="wonOnce">The deal has been won (its first win date is set).</param>
        /// <param name="deletedWithItsDeal">The close goes with its deal (the deal's delete, which only an administrator makes).</param>
        public static Refusal CheckRemoved(bool wonOnce, bool deletedWithItsDeal, string dealName) =>
            !wonOnce || deletedWithItsDeal ? null : Kept(dealName, "so they are not deleted. They go only with the opportunity itself.");

        /// <param name="wonOnce">The deal the close leaves or joins has been won (its first win date is set).</param>
        public static Refusal CheckMoved(bool wonOnce, string dealName) =>
            !wonOnce ? null : Kept(dealName, "so a close activity is not moved to or from it. " + NoteInstead);

        private const string NoteInstead = "To record something about the close, add a note or another activity to the opportunity.";

        /// <summary>The one refusal of the three paths: why a won deal's closes are kept, then what is refused and what to do.</summary>
        private static Refusal Kept(string dealName, string refused) => new Refusal(RefusalCodes.CloseHistoryKept,
            $"{Deal(dealName)} has been won, and its close activities record its wins and losses: CrmCollab reads them to decide which " +
            "post-sale handoffs a new win needs, " + refused);

        private static string Deal(string dealName) =>
            string.IsNullOrWhiteSpace(dealName) ? "This opportunity" : $"The opportunity '{dealName}'";
    }
}
