namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// Why an account's open work (and the work of the accounts below it) is routed again: what the routing path of each
    /// record moved says (<see cref="AccountShare.Why"/>), and what a share of that work carries to its background run.
    /// </summary>
    public enum AccountRerouteCause
    {
        /// <summary>A dedicated owner row set, changed, ended, deleted, or its period began or ended.</summary>
        DedicatedOwnerChange = 0,

        /// <summary>Another account merged into this one (its deals and the accounts below it came over).</summary>
        Merge = 1,

        /// <summary>The account's industry, territory, size or parent account changed.</summary>
        SegmentChange = 2,
    }
}
