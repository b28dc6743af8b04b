namespace CrmCollab.Plugins.Domain.Terms
{
    /// <summary>
    /// An amendment that can still change a won deal's agreed terms (Draft or Submitted) stays active: "Amendments
    /// awaiting approval" and the other active views are where its approvers and its author find it. Created active,
    /// whatever the client; deactivated (Update of its status, SetState from the grid) only once decided — rejected
    /// or applied — when it is the deal's history.
    /// </summary>
    public static class AmendmentStatusRules
    {
        /// <param name="state">The status the new amendment is sent with (null: none, it starts active).</param>
        public static Refusal CheckCreate(int? state) =>
            !RecordStatus.IsInactive(state) ? null
            : new Refusal(RefusalCodes.AmendmentCreatedInactive,
                "A new amendment is saved active, where its approvers find it: an inactive one would be out of Amendments awaiting " +
                "approval while it can still change the deal's agreed terms. Leave its status empty or Active.");

        /// <param name="stateBefore">The amendment's status before the change (null: active).</param>
        /// <param name="stateAfter">The status the change sets (null: the change leaves the status alone).</param>
        /// <param name="amendment">Where the amendment stands after the change (an approval made in the same save counts).</param>
        public static Refusal CheckDeactivation(int? stateBefore, int? stateAfter, AmendmentState amendment)
        {
            if (!RecordStatus.Deactivates(stateBefore, stateAfter)) return null;
            switch (amendment)
            {
                case AmendmentState.Rejected:
                case AmendmentState.Applied:
                    return null;
                case AmendmentState.Draft:
                    return new Refusal(RefusalCodes.AmendmentNotDeactivated,
                        "This amendment is still a draft: deactivated, it could still be submitted and approved out of its approvers' sight. " +
                        "Delete it instead, or leave it active.");
                default:
                    return new Refusal(RefusalCodes.AmendmentNotDeactivated,
                        "This amendment is waiting for approval: deactivating it would take it out of Amendments awaiting approval while it " +
                        "can still change the deal's agreed terms. Have it rejected, or move it back to Draft and delete it.");
            }
        }
    }
}
