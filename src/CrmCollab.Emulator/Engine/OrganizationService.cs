using System;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Engine
{
    /// <summary>
    /// IOrganizationService acting as one user. Created by the engine for callers (depth 1, new correlation) or
    /// by a plugin's service factory (child of the plugin's context: depth + 1, same correlation, same transaction).
    /// </summary>
    internal sealed class OrganizationService : IOrganizationService
    {
        private readonly DataverseEngine _engine;
        private readonly Guid _userId;
        private readonly PluginExecutionContext _parent;

        public OrganizationService(DataverseEngine engine, Guid userId, PluginExecutionContext parent)
        {
            _engine = engine;
            _userId = userId;
            _parent = parent;
        }

        public Guid UserId => _userId;

        private ExecutionFrame NewFrame()
        {
            if (_parent == null)
                return new ExecutionFrame { UserId = _userId, InitiatingUserId = _userId, Depth = 1, CorrelationId = _engine.OperationIds.Next() };
            return new ExecutionFrame
            {
                UserId = _userId,
                InitiatingUserId = _parent.InitiatingUserId,
                Depth = _parent.Depth + 1,
                CorrelationId = _parent.CorrelationId,
                ParentContext = _parent,
                Transaction = _parent.Transaction,
                FromPlugin = true,
            };
        }

        public OrganizationResponse Execute(OrganizationRequest request) => _engine.Execute(request, NewFrame());

        public Guid Create(Entity entity)
        {
            var request = new OrganizationRequest("Create") { ["Target"] = entity };
            var id = (Guid)Execute(request).Results["id"];
            // The SDK client leaves the caller's entity untouched; only the returned id tells the new key.
            return id;
        }

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
            (Entity)Execute(new OrganizationRequest("Retrieve")
            {
                ["Target"] = new EntityReference(entityName, id), ["ColumnSet"] = columnSet,
            }).Results["Entity"];

        public void Update(Entity entity) => Execute(new OrganizationRequest("Update") { ["Target"] = entity });

        public void Delete(string entityName, Guid id) =>
            Execute(new OrganizationRequest("Delete") { ["Target"] = new EntityReference(entityName, id) });

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Execute(new OrganizationRequest("Associate")
            {
                ["Target"] = new EntityReference(entityName, entityId), ["Relationship"] = relationship,
                ["RelatedEntities"] = relatedEntities,
            });

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Execute(new OrganizationRequest("Disassociate")
            {
                ["Target"] = new EntityReference(entityName, entityId), ["Relationship"] = relationship,
                ["RelatedEntities"] = relatedEntities,
            });

        public EntityCollection RetrieveMultiple(QueryBase query) =>
            (EntityCollection)Execute(new OrganizationRequest("RetrieveMultiple") { ["Query"] = query }).Results["EntityCollection"];
    }

    /// <summary>The factory outside plugins: null or Guid.Empty = SYSTEM, otherwise that user.</summary>
    internal sealed class EngineServiceFactory : IOrganizationServiceFactory
    {
        private readonly DataverseEngine _engine;

        public EngineServiceFactory(DataverseEngine engine) => _engine = engine;

        public IOrganizationService CreateOrganizationService(Guid? userId) =>
            _engine.CreateService(userId == null || userId == Guid.Empty ? WellKnownIds.SystemUserId : userId.Value);
    }
}
