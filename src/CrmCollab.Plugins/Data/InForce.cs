using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Data
{
    /// <summary>
    /// When a set-up row (a feasibility rule, a routing rule, a handoff template) applies: its 'Active' flag is Yes and
    /// the record itself is active. An administrator retires one either way: the flag on the form, or Deactivate from the
    /// grid or through SetState, which only changes the record's state.
    /// </summary>
    public static class InForce
    {
        public const int StateActive = 0;

        /// <summary>The inactive state of a table with the standard Active / Inactive states (a queue, a set-up row).</summary>
        public const int StateInactive = 1;

        /// <summary>The same test on a row read with <paramref name="activeFlag"/> and statecode (an image).</summary>
        public static bool Is(Entity row, string activeFlag) =>
            row != null && row.Flag(activeFlag) && (row.Choice(CommonColumn.StateCode) ?? StateActive) == StateActive;

        /// <summary>Adds the two conditions to <paramref name="query"/>'s criteria.</summary>
        public static void Only(QueryExpression query, string activeFlag)
        {
            query.Criteria.AddCondition(activeFlag, ConditionOperator.Equal, true);
            query.Criteria.AddCondition(CommonColumn.StateCode, ConditionOperator.Equal, StateActive);
        }
    }
}
