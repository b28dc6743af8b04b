using System;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// What a Merge asks of the caller's roles, as Microsoft lists it for each table that merges ("Merge message
    /// privileges": for an account prvReadAccount, prvWriteAccount, prvAppendAccount, prvAppendToAccount,
    /// prvShareAccount, prvAppendActivity, prvWriteActivity and prvMerge; the same for a contact, lead or case). These are
    /// privileges at any depth; the records themselves are checked apart (Write on both).
    /// </summary>
    internal static class MergePrivileges
    {
        private static readonly AccessRight[] OnTheTable = { AccessRight.Read, AccessRight.Write, AccessRight.Append, AccessRight.AppendTo, AccessRight.Share };
        private static readonly string[] Others = { "prvAppendActivity", "prvWriteActivity", "prvMerge" };

        /// <summary>Throws the platform's privilege-denied fault for the first privilege the user's roles lack.</summary>
        public static void Demand(MessageContext context, Guid userId, string table)
        {
            var security = context.Engine.Security;
            if (security == null) return;
            foreach (AccessRight right in OnTheTable) security.Demand(userId, table, right, null);
            foreach (string privilege in Others) security.DemandPrivilege(userId, privilege);
        }
    }
}
