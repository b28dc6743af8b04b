using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>An organization service that counts the reads it passes on, to see what a repository really queries.</summary>
    public sealed class CountingService : IOrganizationService
    {
        private readonly IOrganizationService _inner;

        public CountingService(IOrganizationService inner)
        {
            _inner = inner;
        }

        public int Queries { get; private set; }
        public int Retrieves { get; private set; }

        public EntityCollection RetrieveMultiple(QueryBase query)
        {
            Queries++;
            return _inner.RetrieveMultiple(query);
        }

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
        {
            Retrieves++;
            return _inner.Retrieve(entityName, id, columnSet);
        }

        public Guid Create(Entity entity) => _inner.Create(entity);
        public void Update(Entity entity) => _inner.Update(entity);
        public void Delete(string entityName, Guid id) => _inner.Delete(entityName, id);
        public OrganizationResponse Execute(OrganizationRequest request) => _inner.Execute(request);

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            _inner.Associate(entityName, entityId, relationship, relatedEntities);

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            _inner.Disassociate(entityName, entityId, relationship, relatedEntities);
    }
}
