using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Query
{
    /// <summary>What the query engine reads. Rows are the store's own instances: the engine never mutates them.</summary>
    public interface IQueryDataSource
    {
        MetadataCatalog Catalog { get; }

        IEnumerable<Entity> Scan(string table);

        bool TryGet(string table, Guid id, out Entity row);

        /// <summary>
        /// Rows whose column may equal the value (a superset is fine: the query's filter still decides), or null when
        /// the source has no index and the engine should scan. A collection (its Count known before reading) lets the
        /// engine choose between going through the candidates and walking the id order for a large paged read.
        /// </summary>
        IEnumerable<Entity> Find(string table, string column, object value) => null;

        /// <summary>Rows whose column may have no value (absent or null), like <see cref="Find"/>; null when the source cannot say.</summary>
        IEnumerable<Entity> FindNull(string table, string column) => null;

        /// <summary>
        /// Rows in primary-id order (SQL Server's uniqueidentifier order) strictly after the id (all rows when null), or
        /// null when the source keeps no such order and the engine should scan and sort.
        /// </summary>
        IEnumerable<Entity> ScanInIdOrder(string table, Guid? after) => null;
    }

    /// <summary>Who runs the query and when: row security, clock and identity for date and user operators.</summary>
    public sealed class QueryContext
    {
        /// <summary>Row-level read check (table, row). Null: every row is readable.</summary>
        public Func<string, Entity, bool> CanRead { get; set; }

        /// <summary>The clock for relative date operators; dates are evaluated in UTC.</summary>
        public DateTime UtcNow { get; set; } = DateTime.UtcNow;

        public Guid UserId { get; set; }

        public Guid BusinessUnitId { get; set; }

        /// <summary>Reads the user's teams when a query first needs them (eq-userteams / eq-useroruserteams); null: none.</summary>
        public Func<IReadOnlyCollection<Guid>> UserTeamsSource { get; set; }

        private IReadOnlyCollection<Guid> _userTeamIds;

        /// <summary>Teams of the user, for eq-userteams / eq-useroruserteams (from <see cref="UserTeamsSource"/> unless set).</summary>
        public IReadOnlyCollection<Guid> UserTeamIds
        {
            get => _userTeamIds ?? (_userTeamIds = UserTeamsSource?.Invoke() ?? Array.Empty<Guid>());
            set => _userTeamIds = value;
        }
    }
}
