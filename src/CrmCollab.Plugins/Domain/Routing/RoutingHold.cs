namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// crmc_routinghold values (global choice crmc_routinghold, on handoff tasks and feasibility reviews): why CrmCollab
    /// keeps an eye on a record a user's leaving concerned, so it is found again by this value, whatever its routing path
    /// says (the path is the human explanation, and its wording may change). Empty: routed normally. Written only by
    /// CrmCollab, with the routing path; cleared when the record is routed again for any other reason.
    /// </summary>
    public enum RoutingHold
    {
        /// <summary>Its owner was disabled and nobody else could take it: it stays with them until someone can.</summary>
        LeftWithDisabledOwner = 100000000,

        /// <summary>Moved (or left waiting unrouted) because its owner was disabled: routed again when someone is enabled.</summary>
        MovedBecauseOwnerDisabled = 100000001,
    }
}
