namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// A deal's business process flow is moved by someone who may not edit the deal (a flow table's rights are granted
    /// apart from the deal's): the move of the flow is a move of the deal, so it is theirs to make only with the deal's
    /// rights. The platform tells which (an access fault on the deal's stage, <see cref="PlatformFault.IsAccessDenied"/>).
    /// </summary>
    public static class FlowMove
    {
        public static Refusal Denied() => new Refusal(RefusalCodes.FlowMoveDenied,
            "You can move the sales process of a deal only if you may edit the deal itself. Ask the deal's owner or their manager to move it.");
    }
}
