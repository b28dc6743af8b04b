using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Query;
using CrmCollab.Emulator.Security;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>Rows by table, in memory: just enough IQueryDataSource for the guard (no engine core involved).</summary>
    internal sealed class SecurityRows : IQueryDataSource
    {
        private readonly Dictionary<string, Dictionary<Guid, Entity>> _tables = new Dictionary<string, Dictionary<Guid, Entity>>();

        public MetadataCatalog Catalog { get; } = BuiltInTables.CreateCatalog();

        public int Scans { get; private set; }

        public IEnumerable<Entity> Scan(string table)
        {
            Scans++;
            return _tables.TryGetValue(table, out var rows) ? rows.Values.ToList() : new List<Entity>();
        }

        public bool TryGet(string table, Guid id, out Entity row)
        {
            row = null;
            return _tables.TryGetValue(table, out var rows) && rows.TryGetValue(id, out row);
        }

        public Entity Put(Entity row)
        {
            if (!_tables.TryGetValue(row.LogicalName, out var rows)) _tables[row.LogicalName] = rows = new Dictionary<Guid, Entity>();
            rows[row.Id] = row;
            return row;
        }
    }

    /// <summary>
    /// A stand-in organization service over <see cref="SecurityRows"/>: the writes OrganizationSetup makes, with
    /// the platform defaults the guard reads (fullname, owner, owning business unit). It records every request so
    /// tests can check the setup speaks the platform's messages, and invalidates the guard as the core will.
    /// </summary>
    internal sealed class RecordingOrganizationService : IOrganizationService
    {
        private readonly SecurityRows _rows;
        private readonly Func<SecurityGuard> _guard;

        public RecordingOrganizationService(SecurityRows rows, Guid callerId, Func<SecurityGuard> guard = null)
        {
            _rows = rows;
            CallerId = callerId;
            _guard = guard;
        }

        public Guid CallerId { get; }

        public List<string> Calls { get; } = new List<string>();

        public Guid Create(Entity entity)
        {
            var row = new Entity(entity.LogicalName, entity.Id == Guid.Empty ? Guid.NewGuid() : entity.Id);
            foreach (var a in entity.Attributes) row[a.Key] = a.Value;
            row[_rows.Catalog.Table(row.LogicalName).PrimaryIdAttribute] = row.Id;
            if (row.LogicalName == "systemuser")
                row["fullname"] = string.Join(" ", new[] { row.GetAttributeValue<string>("firstname"), row.GetAttributeValue<string>("lastname") }
                    .Where(s => !string.IsNullOrEmpty(s)));
            if (_rows.Catalog.Table(row.LogicalName).Ownership == OwnershipType.UserOwned)
            {
                var owner = row.GetAttributeValue<EntityReference>("ownerid") ?? new EntityReference("systemuser", CallerId);
                row["ownerid"] = owner;
                var ownerRow = _rows.TryGet(owner.LogicalName, owner.Id, out var o) ? o : null;
                row["owningbusinessunit"] = ownerRow?.GetAttributeValue<EntityReference>("businessunitid");
            }
            Calls.Add($"Create {row.LogicalName}");
            _rows.Put(row);
            Changed(row.LogicalName);
            return row.Id;
        }

        public void Update(Entity entity)
        {
            _rows.TryGet(entity.LogicalName, entity.Id, out var row);
            foreach (var a in entity.Attributes) row[a.Key] = a.Value;
            Calls.Add($"Update {entity.LogicalName} {string.Join(",", entity.Attributes.Keys)}");
            Changed(entity.LogicalName);
        }

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
        {
            if (!_rows.TryGet(entityName, id, out var row)) throw new InvalidOperationException($"{entityName} {id} does not exist");
            return row;
        }

        public void Delete(string entityName, Guid id) => throw new NotSupportedException();

        public OrganizationResponse Execute(OrganizationRequest request)
        {
            Calls.Add(request.RequestName);
            switch (request)
            {
                case WhoAmIRequest _:
                    var response = new OrganizationResponse();
                    response.Results["UserId"] = CallerId;
                    return response;
                case AddMembersTeamRequest add:
                    foreach (var member in add.MemberIds) Intersect("teammembership", "systemuserid", member, "teamid", add.TeamId);
                    return new OrganizationResponse();
                default:
                    throw new NotSupportedException(request.RequestName);
            }
        }

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        {
            Calls.Add($"Associate {entityName} {relationship.SchemaName}");
            var r = _rows.Catalog.Relationship(relationship.SchemaName)
                ?? throw new InvalidOperationException($"No relationship {relationship.SchemaName}");
            foreach (var related in relatedEntities)
            {
                var (a, b) = entityName == r.Entity1 ? (entityId, related.Id) : (related.Id, entityId);
                Intersect(r.IntersectEntity, r.Entity1IntersectAttribute, a, r.Entity2IntersectAttribute, b);
            }
        }

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            throw new NotSupportedException();

        /// <summary>Equality and null conditions ANDed: what OrganizationSetup asks.</summary>
        public EntityCollection RetrieveMultiple(QueryBase query)
        {
            var expression = (QueryExpression)query;
            Calls.Add($"RetrieveMultiple {expression.EntityName}");
            var rows = _rows.Scan(expression.EntityName).Where(row => expression.Criteria.Conditions.All(c =>
                c.Operator == ConditionOperator.Null ? !row.Contains(c.AttributeName) || row[c.AttributeName] == null
                : Equals(row.GetAttributeValue<object>(c.AttributeName), c.Values[0])));
            return new EntityCollection(rows.ToList()) { EntityName = expression.EntityName };
        }

        private void Intersect(string table, string attribute1, Guid id1, string attribute2, Guid id2)
        {
            var row = new Entity(table, Guid.NewGuid()) { [attribute1] = id1, [attribute2] = id2 };
            _rows.Put(row);
            Changed(table);
        }

        private void Changed(string table) => _guard?.Invoke()?.InvalidateIfAffected(table);
    }
}
