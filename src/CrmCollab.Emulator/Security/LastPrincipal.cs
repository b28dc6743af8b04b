namespace CrmCollab.Emulator.Security
{
    /// <summary>
    /// The last principal <see cref="SecurityGuard"/> answered for, with the snapshot it came from: calls come in runs for
    /// one user (several checks per operation). Immutable, so a reader never sees half of one.
    /// </summary>
    internal sealed class LastPrincipal
    {
        public LastPrincipal(SecuritySnapshot snapshot, UserPrincipal principal)
        {
            Snapshot = snapshot;
            Principal = principal;
        }

        public SecuritySnapshot Snapshot { get; }
        public UserPrincipal Principal { get; }
    }
}
