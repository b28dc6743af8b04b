using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// Joins link-entities onto joined rows: each row's "from" value is looked up by id on the linked table's key, sought
    /// in the equality index of its "to" column (a lookup column), or, where the source keeps no index, probed in a hash
    /// of the linked table built once per query. Nested links join flat, in document order, as the
    /// SQL the server generates does (an inner link under an outer link drops rows whose outer side is missing).
    /// </summary>
    internal sealed class LinkJoiner
    {
        private readonly QueryPlan _plan;
        private readonly IQueryDataSource _source;
        private readonly Func<string, Entity, bool> _canRead;

        public LinkJoiner(QueryPlan plan, IQueryDataSource source, Func<string, Entity, bool> canRead)
        {
            _plan = plan;
            _source = source;
            _canRead = canRead;
        }

        public List<Entity[]> Apply(List<Entity[]> rows, IEnumerable<LinkNode> links)
        {
            foreach (var link in links) rows = Join(rows, link);
            return rows;
        }

        private List<Entity[]> Join(List<Entity[]> rows, LinkNode link)
        {
            // A join on the linked table's primary key looks each parent value up by id (memoised) instead of
            // hashing the whole linked table: the cost follows the rows being joined, not the table's size. A join on
            // another column seeks each parent id in that column's equality index (memoised), as SQL Server seeks an
            // index on a lookup column, where the source keeps one; else the linked table is hashed once.
            bool byId = ByPrimaryKey(link);
            bool bySeek = !byId && (link.ReturnsColumns || link.Children.Count == 0);
            Dictionary<object, List<Entity>> build = null;
            var looked = new Dictionary<Guid, List<Entity>>();
            int slot = link.Slot.Index;
            var parent = link.Parent;
            string from = link.FromColumn.LogicalName;
            var criteria = link.CriteriaLocal ? null : link.Criteria; // non-local criteria are join conditions
            var result = new List<Entity[]>(rows.Count);

            foreach (var row in rows)
            {
                var key = ValueComparer.KeyOf(parent.Read(row[parent.Index], from));
                List<Entity> matches = null;
                if (key != null)
                {
                    if (byId) { if (key is Guid id) matches = LookUp(link, id, looked); } // the build side's keys are all Guids
                    else if (!(bySeek && key is Guid sought && Seek(link, sought, looked, out matches)))
                    {
                        bySeek = false; // no index: hash the linked table once
                        (build ?? (build = BuildSide(link))).TryGetValue(key, out matches);
                    }
                }

                switch (link.Kind)
                {
                    case JoinKind.Exists:
                    case JoinKind.NotExists:
                        bool found = matches != null && AnyPasses(row, slot, matches, criteria);
                        if (found == (link.Kind == JoinKind.Exists)) result.Add(row);
                        break;
                    default:
                        bool matched = false;
                        if (matches != null)
                        {
                            foreach (var match in matches)
                            {
                                var joined = (Entity[])row.Clone();
                                joined[slot] = match;
                                if (criteria != null && !criteria.Matches(joined)) continue;
                                result.Add(joined);
                                matched = true;
                                if (link.Kind == JoinKind.FirstMatch) break;
                            }
                        }
                        if (!matched && link.Kind == JoinKind.LeftOuter) result.Add(row);
                        break;
                }
            }

            if (link.ReturnsColumns && link.Children.Count > 0) result = Apply(result, link.Children);
            return result;
        }

        private static bool AnyPasses(Entity[] row, int slot, List<Entity> matches, RowFilter criteria)
        {
            if (criteria == null) return true;
            var probe = (Entity[])row.Clone();
            foreach (var match in matches)
            {
                probe[slot] = match;
                if (criteria.Matches(probe)) return true;
            }
            return false;
        }

        // Exists-links with nested links filter their build side by those joins first: they keep the hash.
        private static bool ByPrimaryKey(LinkNode link) => link.AtMostOne && (link.ReturnsColumns || link.Children.Count == 0);

        /// <summary>The build side's bucket for one id, found by id: the row, if readable and passing its own criteria.</summary>
        private List<Entity> LookUp(LinkNode link, Guid id, Dictionary<Guid, List<Entity>> looked)
        {
            if (looked.TryGetValue(id, out var matches)) return matches;
            var table = link.Slot.Table.LogicalName;
            var criteria = link.CriteriaLocal ? link.Criteria : null;
            if (_source.TryGet(table, id, out var row) && row != null
                && KeyEqualityComparer.Instance.Equals(ValueComparer.KeyOf(link.Slot.Read(row, link.ToColumn.LogicalName)), id)
                && (_canRead == null || _canRead(table, row)))
            {
                var buffer = criteria == null ? null : new Entity[_plan.Slots.Count];
                if (buffer != null) buffer[link.Slot.Index] = row;
                if (buffer == null || criteria.Matches(buffer)) matches = new List<Entity>(1) { row };
            }
            looked[id] = matches;
            return matches;
        }

        /// <summary>
        /// The linked rows whose "to" column holds the id, through the source's equality index on it (memoised): readable,
        /// passing the link's own criteria; false when the source keeps no index (the caller hashes the table instead).
        /// </summary>
        private bool Seek(LinkNode link, Guid id, Dictionary<Guid, List<Entity>> looked, out List<Entity> matches)
        {
            if (looked.TryGetValue(id, out matches)) return true;
            var table = link.Slot.Table.LogicalName;
            string to = link.ToColumn.LogicalName;
            IEnumerable<Entity> candidates = _source.Find(table, to, id);
            if (candidates == null) return false;
            var criteria = link.CriteriaLocal ? link.Criteria : null;
            var buffer = criteria == null ? null : new Entity[_plan.Slots.Count];
            foreach (var row in candidates)
            {
                if (!KeyEqualityComparer.Instance.Equals(ValueComparer.KeyOf(link.Slot.Read(row, to)), id)) continue; // a superset
                if (_canRead != null && !_canRead(table, row)) continue;
                if (buffer != null)
                {
                    buffer[link.Slot.Index] = row;
                    if (!criteria.Matches(buffer)) continue;
                }
                (matches ?? (matches = new List<Entity>(1))).Add(row);
            }
            looked[id] = matches;
            return true;
        }

        /// <summary>Readable rows of the linked table passing its own criteria, hashed by the "to" column.</summary>
        private Dictionary<object, List<Entity>> BuildSide(LinkNode link)
        {
            var table = link.Slot.Table.LogicalName;
            int slot = link.Slot.Index;
            string to = link.ToColumn.LogicalName;
            var buffer = new Entity[_plan.Slots.Count];
            var criteria = link.CriteriaLocal ? link.Criteria : null;
            var candidates = new List<Entity>();
            foreach (var row in _source.Scan(table))
            {
                if (_canRead != null && !_canRead(table, row)) continue;
                if (criteria != null)
                {
                    buffer[slot] = row;
                    if (!criteria.Matches(buffer)) continue;
                }
                candidates.Add(row);
            }

            // Exists / not-exists links with nested links: only linked rows that satisfy the nested joins count.
            if (!link.ReturnsColumns && link.Children.Count > 0)
            {
                var tuples = new List<Entity[]>(candidates.Count);
                foreach (var row in candidates)
                {
                    var tuple = new Entity[_plan.Slots.Count];
                    tuple[slot] = row;
                    tuples.Add(tuple);
                }
                var survivors = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
                foreach (var tuple in Apply(tuples, link.Children)) survivors.Add(tuple[slot]);
                candidates.RemoveAll(r => !survivors.Contains(r));
            }

            var hash = new Dictionary<object, List<Entity>>(KeyEqualityComparer.Instance);
            foreach (var row in candidates)
            {
                var key = ValueComparer.KeyOf(link.Slot.Read(row, to));
                if (key == null) continue;
                if (!hash.TryGetValue(key, out var list)) hash[key] = list = new List<Entity>(1);
                list.Add(row);
            }
            return hash;
        }
    }
}
