namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A product line changed in the same save as its deal's stage (the line sent as a related row of the deal's Update,
    /// "Update related table rows in one operation"): the gate judged the move on the products as they were, and the lines,
    /// processed after the deal, re-open the reviews that watch them — the approval the move leaned on. As a move that
    /// changes the watched terms in its own save is judged without the approvals it re-opens (GateCheck), the two are made
    /// one after the other: the lines first, then the move once their reviews are decided again.
    /// </summary>
    public static class ProductsWithStageMove
    {
        public const string Sentence =
            "Save the product lines and the deal's sales stage separately: the move is judged on the products as they were, and a change of " +
            "products re-opens the feasibility reviews that watch them. Save the product lines first, then move the stage once those reviews are approved.";

        /// <summary>Whether the deal's save the line was sent with moves its stage forward: as the deal's own step recorded it
        /// (<paramref name="recorded"/>, it had the stage before), else whenever the save sends the stage — the stage before is
        /// gone once the deal is written, so a stage re-sent as it was counts too.</summary>
        public static bool MovesTheStage(bool? recorded, bool sendsTheStage) => recorded ?? sendsTheStage;

        /// <param name="changesTheLine">The save adds, changes, moves or removes the line.</param>
        /// <param name="savedWithTheStage">It is a related row of an Update of its deal that sets the deal's stage (asked only of a change).</param>
        public static Refusal Check(bool changesTheLine, System.Func<bool> savedWithTheStage) =>
            changesTheLine && savedWithTheStage() ? new Refusal(RefusalCodes.ProductsWithStageMove, Sentence) : null;
    }
}
