namespace CrmCollab.Plugins.Domain
{
    /// <summary>
    /// The status (statecode) every CrmCollab table and Dataverse's own share for "active", and what a change of it
    /// means, for the rules that keep a record in its users' active views.
    /// </summary>
    public static class RecordStatus
    {
        public const int Active = 0;

        /// <summary>True when a status is sent and it is not Active (a new record saved inactive).</summary>
        public static bool IsInactive(int? status) => status != null && status != Active;

        /// <param name="before">The record's status before the change (null: active).</param>
        /// <param name="after">The status the change sets (null: the change leaves the status alone).</param>
        /// <returns>True when the change takes an active record out of the active views.</returns>
        public static bool Deactivates(int? before, int? after) => IsInactive(after) && (before ?? Active) == Active;
    }
}
