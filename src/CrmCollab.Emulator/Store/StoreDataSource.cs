using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Store
{
    /// <summary>The store as the query engine and the security guard read it: the stored rows, never mutated.</summary>
    internal sealed class StoreDataSource : IQueryDataSource
    {
        private readonly DataStore _store;

        public StoreDataSource(DataStore store) => _store = store;

        public MetadataCatalog Catalog => _store.Catalog;

        public IEnumerable<Entity> Scan(string table) => _store.Rows.Scan(table);

        public bool TryGet(string table, Guid id, out Entity row) => _store.Rows.TryGet(table, id, out row);

        public IEnumerable<Entity> Find(string table, string column, object value) => _store.Rows.Find(table, column, value);

        public IEnumerable<Entity> FindNull(string table, string column) => _store.Rows.FindNull(table, column);

        public IEnumerable<Entity> ScanInIdOrder(string table, Guid? after) => _store.Rows.ScanInIdOrder(table, after);
    }
}
