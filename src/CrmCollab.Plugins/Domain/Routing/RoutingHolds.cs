namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>What a client is told when it tries to set or clear a record's routing hold (<see cref="RoutingHold"/>).</summary>
    public static class RoutingHolds
    {
        /// <summary>What a client that sends a user's handover share is told (<see cref="WorkShare"/>): only the handover writes it.</summary>
        public const string HandoverShareServerOwnedSentence =
            "'Handover Share' is written by CrmCollab when it hands a disabled user's open work to others in the background; it cannot be set by hand. Remove it from the change and save again.";

        public const string ServerOwnedSentence =
            "'Routing hold' is set by CrmCollab when the owner of this work is disabled, so that the work is routed again as soon as " +
            "someone can take it, and it clears itself when the work is routed again; it cannot be set or cleared by hand. Remove it " +
            "from the change and save again. To move the work now, ask your CrmCollab administrator to set the account's dedicated owner for its function.";
    }
}
