namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>What a client is told when it tries to set or clear a record's routing hold (<see cref="RoutingHold"/>).</summary>
    public static class RoutingHolds
    {
        public const string ServerOwnedSentence =
            "'Routing hold' is set by CrmCollab when the owner of this work is disabled, so that the work is routed again as soon as " +
            "someone can take it, and it clears itself when the work is routed again; it cannot be set or cleared by hand. Remove it " +
            "from the change and save again. To move the work now, ask your CrmCollab administrator to set the account's dedicated owner for its function.";
    }
}
