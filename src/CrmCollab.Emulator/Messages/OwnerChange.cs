using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// Whether an ownerid sent with an Update gives the row to another principal. Microsoft's "Security roles and
    /// privileges" page ties the Assign access right to "Update of the ownerid column, or the legacy Assign message";
    /// no page says what the platform asks when the owner the row already has is sent again (an integration saving
    /// back what it read), so the engine asks Assign only when the owner actually changes: a user or team other than
    /// the stored one, compared by table and id (a reference's Name is display text and plays no part).
    /// </summary>
    internal static class OwnerChange
    {
        public static bool Moves(Entity current, EntityReference newOwner)
        {
            var owner = current.GetAttributeValue<EntityReference>("ownerid");
            return owner == null || owner.Id != newOwner.Id || owner.LogicalName != newOwner.LogicalName;
        }
    }
}
