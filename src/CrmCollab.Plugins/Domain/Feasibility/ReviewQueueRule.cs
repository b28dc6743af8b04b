namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A review waits in a queue only while it waits for a decision. Once it is decided (approved, with conditions,
    /// rejected), invalidated by a change of the deal or withdrawn (the deal was lost, or no rule needs it any more),
    /// it is no longer anyone's work, so it leaves every queue it is in. A review asked again is a new review, routed
    /// (and queued) like any other; a decided review is never set back to Pending (<see cref="ReviewEditRules.CheckStillDecided"/>),
    /// so no review waits for a decision outside its queue.
    /// </summary>
    public static class ReviewQueueRule
    {
        public static bool WaitsInQueue(ReviewDecision decision) => decision == ReviewDecision.Pending;

        /// <summary>The decision changed to one that has no place in a queue: take the review out of its queues.</summary>
        public static bool LeavesQueue(ReviewDecision before, ReviewDecision after) => before != after && !WaitsInQueue(after);
    }
}
