using System;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Security
{
    /// <summary>
    /// Access checks as Dataverse makes them: role privileges with Basic/Local/Deep/Global depth over the
    /// business-unit tree, user and owner-team membership, disabled users. The pipeline asks; the guard answers.
    /// Rows passed in are the stored rows (read-only) so ownership and business unit can be read from them.
    /// </summary>
    public interface ISecurityGuard
    {
        /// <summary>Throws the platform's access-denied fault when the user lacks the right on the row (or table for Create).</summary>
        void Demand(Guid userId, string table, AccessRight right, Entity row);

        /// <summary>Row-level read filter for queries.</summary>
        bool CanRead(Guid userId, string table, Entity row);

        /// <summary>A miscellaneous privilege such as prvBypassCustomPlugins.</summary>
        bool HasPrivilege(Guid userId, string privilegeName);

        /// <summary>Throws when the user is disabled or unknown: such a user can neither act nor own.</summary>
        void DemandActiveUser(Guid userId);

        /// <summary>The business unit of a user or team, for owningbusinessunit and BusinessUnitId in contexts.</summary>
        Guid BusinessUnitOf(EntityReference owner);

        /// <summary>True for SYSTEM and System Administrators: every check passes.</summary>
        bool IsSystem(Guid userId);

        // Added members carry default bodies so existing implementations (test doubles) still compile.

        /// <summary>Throws unless the owner may own records: an enabled user or an owner team. Default: no check.</summary>
        void DemandCanOwn(EntityReference owner) { }

        /// <summary>As above, and the new owner must be able to read rows of the table. Default: the table-less check.</summary>
        void DemandCanOwn(EntityReference owner, string table) => DemandCanOwn(owner);

        /// <summary>Drops every cached security lookup. Default: nothing is cached.</summary>
        void Invalidate() { }

        /// <summary>Call after any write: invalidates when the table is a security table; true if it did.</summary>
        bool InvalidateIfAffected(string table) => false;

        /// <summary>
        /// Throws the platform's privilege-denied fault unless the user holds the privilege (a miscellaneous one such as
        /// prvMerge, or a table's, e.g. prvAppendActivity, at any depth). Default: asks <see cref="HasPrivilege"/>.
        /// </summary>
        void DemandPrivilege(Guid userId, string privilegeName)
        {
            if (IsSystem(userId) || HasPrivilege(userId, privilegeName)) return;
            throw Engine.Faults.Create(Engine.ErrorCodes.PrivilegeDenied, $"Principal user (Id={userId}, type=8) is missing {privilegeName} privilege.");
        }
    }
}
