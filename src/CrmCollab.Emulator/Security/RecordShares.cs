using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Query;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Security
{
    /// <summary>
    /// Records shared with users and teams (GrantAccess, ModifyAccess, RevokeAccess), kept as the platform keeps them:
    /// one principalobjectaccess row per (record, principal) holding its AccessRights mask. The rows live in the row
    /// store under that name so a transaction's undo log takes a share back with the rest; the table is not in the
    /// metadata catalog, so it cannot be queried through the organization service here.
    /// </summary>
    public static class RecordShares
    {
        public const string Table = "principalobjectaccess";

        private const string ObjectId = "objectid";
        private const string ObjectTable = "objecttypecode";
        private const string PrincipalId = "principalid";
        private const string PrincipalTable = "principaltypecode";
        private const string Mask = "accessrightsmask";

        /// <summary>The AccessRights bit of an engine access right (values of Microsoft.Crm.Sdk.Messages.AccessRights).</summary>
        public static int Bit(AccessRight right)
        {
            switch (right)
            {
                case AccessRight.Read: return 1;
                case AccessRight.Write: return 2;
                case AccessRight.Append: return 4;
                case AccessRight.AppendTo: return 16;
                case AccessRight.Create: return 32;
                case AccessRight.Delete: return 65536;
                case AccessRight.Share: return 262144;
                case AccessRight.Assign: return 524288;
                default: return 0;
            }
        }

        /// <summary>
        /// True when the row is shared with the user, or with a team the user belongs to, with this right. The guard asks
        /// only past its privilege check and only for user- or team-owned tables: sharing cannot give a right the user's
        /// roles do not hold for the table at some depth (learn.microsoft.com, "Sharing and assigning").
        /// </summary>
        public static bool Reach(IQueryDataSource data, Guid userId, ICollection<Guid> teamIds, TableDefinition table,
            AccessRight right, Entity row) =>
            right != AccessRight.Create && row != null && row.Id != Guid.Empty && table.Ownership == OwnershipType.UserOwned
            && (MaskOf(data, row.Id, userId, teamIds) & Bit(right)) != 0;

        /// <summary>
        /// The union of what is shared on the record with the user and with every team the user belongs to (the
        /// platform's rule: a user's rights on a record are the union of every context they have it in).
        /// </summary>
        public static int MaskOf(IQueryDataSource data, Guid recordId, Guid userId, ICollection<Guid> teamIds)
        {
            // Through the objectid index: a record nobody shared costs one lookup and no allocation. A source without
            // an index is asked by row id, one per principal, rather than scanned.
            var shares = data.Find(Table, ObjectId, recordId);
            if (shares == null) return MaskById(data, recordId, userId, teamIds);
            int mask = 0;
            foreach (var share in shares)
            {
                if (share.GetAttributeValue<Guid>(ObjectId) != recordId) continue;
                var principal = share.GetAttributeValue<Guid>(PrincipalId);
                if (principal == userId || (teamIds != null && teamIds.Contains(principal)))
                    mask |= share.GetAttributeValue<int>(Mask);
            }
            return mask;
        }

        private static int MaskById(IQueryDataSource data, Guid recordId, Guid userId, ICollection<Guid> teamIds)
        {
            int mask = data.TryGet(Table, RowId(recordId, userId), out var own) ? own.GetAttributeValue<int>(Mask) : 0;
            if (teamIds != null)
                foreach (var team in teamIds)
                    if (data.TryGet(Table, RowId(recordId, team), out var shared)) mask |= shared.GetAttributeValue<int>(Mask);
            return mask;
        }

        /// <summary>The mask shared with exactly this principal on the record (0: none).</summary>
        public static int MaskOf(RowStore rows, Guid recordId, Guid principalId) =>
            rows.TryGet(Table, RowId(recordId, principalId), out var row) ? row.GetAttributeValue<int>(Mask) : 0;

        /// <summary>Writes the principal's mask on the record (0 removes the share).</summary>
        public static void Set(RowStore rows, EntityReference record, EntityReference principal, int mask, UndoLog log)
        {
            var id = RowId(record.Id, principal.Id);
            if (mask == 0)
            {
                rows.Remove(Table, id, log);
                return;
            }
            var row = new Entity(Table, id)
            {
                [ObjectId] = record.Id,
                [ObjectTable] = record.LogicalName,
                [PrincipalId] = principal.Id,
                [PrincipalTable] = principal.LogicalName,
                [Mask] = mask,
            };
            rows.Put(row, log);
        }

        /// <summary>Removes every share of a record (the record is being deleted).</summary>
        public static void RemoveAll(RowStore rows, Guid recordId, UndoLog log)
        {
            foreach (var id in rows.Find(Table, ObjectId, recordId).Select(r => r.Id).ToList())
                rows.Remove(Table, id, log);
        }

        /// <summary>How many principals the record is shared with.</summary>
        public static int CountOf(RowStore rows, Guid recordId) => rows.Find(Table, ObjectId, recordId).Count;

        /// <summary>One row per (record, principal): its id is derived from both, so a lookup needs no index.</summary>
        private static Guid RowId(Guid recordId, Guid principalId)
        {
            var bytes = new byte[32];
            recordId.ToByteArray().CopyTo(bytes, 0);
            principalId.ToByteArray().CopyTo(bytes, 16);
            using (var md5 = MD5.Create()) return new Guid(md5.ComputeHash(bytes));
        }
    }
}
