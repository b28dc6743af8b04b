using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The organization service: the one door to the data, for plugins, tools and tests alike.</summary>
    [ServiceContract(Name = "IOrganizationService", Namespace = XrmNamespaces.Services2011)]
    public interface IOrganizationService
    {
        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        Guid Create(Entity entity);

        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        Entity Retrieve(string entityName, Guid id, ColumnSet columnSet);

        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        void Update(Entity entity);

        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        void Delete(string entityName, Guid id);

        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        OrganizationResponse Execute(OrganizationRequest request);

        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);

        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);

        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        EntityCollection RetrieveMultiple(QueryBase query);
    }

    /// <summary>Gives a plugin an organization service acting as a given user (null: the step's run-as user).</summary>
    public interface IOrganizationServiceFactory
    {
        IOrganizationService CreateOrganizationService(Guid? userId);
    }

    /// <summary>The plugin contract: one stateless entry point per registered step.</summary>
    public interface IPlugin
    {
        void Execute(IServiceProvider serviceProvider);
    }

    /// <summary>Writes to the plugin trace log of the current execution.</summary>
    public interface ITracingService
    {
        void Trace(string format, params object[] args);
    }

    /// <summary>Posts an execution context to a registered service endpoint (Service Bus, webhook).</summary>
    public interface IServiceEndpointNotificationService
    {
        string Execute(EntityReference serviceEndpoint, IExecutionContext context);
    }
}
