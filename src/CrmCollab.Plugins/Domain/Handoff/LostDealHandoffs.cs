namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>
    /// A deal won once, reopened by an administrator, is lost only once its open handoffs are canceled (each with the
    /// reason the team reads) or done: otherwise the logistics, ADV and service people keep delivering, invoicing and
    /// installing for a deal that was lost, and the backlog counts their open work as due. Canceling stays a person's
    /// decision: CrmCollab does not cancel them by itself (winning the deal again would find them canceled).
    /// </summary>
    public static class LostDealHandoffs
    {
        public static Refusal Check(int openHandoffs, string dealName) =>
            openHandoffs == 0 ? null : new Refusal(RefusalCodes.HandoffsOpenOnLoss,
                $"'{dealName}' was won and {openHandoffs} of its post-sale handoffs are still open: the people they are routed to would go on " +
                "working for a lost deal. Ask a CrmCollab Administrator to cancel them with the reason (or have them completed), then close the deal as lost.");
    }
}
