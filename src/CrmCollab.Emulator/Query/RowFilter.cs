using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// A compiled test of a joined row (one Entity per slot). Each kind of test is a small class rather than a chain
    /// of closures: a query is compiled on every RetrieveMultiple, and one object per condition is what that costs.
    /// </summary>
    internal abstract class RowFilter
    {
        public abstract bool Matches(Entity[] row);
    }
}
