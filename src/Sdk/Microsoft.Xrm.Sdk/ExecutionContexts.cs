using System;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>What the platform tells a plugin or workflow activity about the operation it runs in.</summary>
    public interface IExecutionContext
    {
        int Mode { get; }
        int IsolationMode { get; }
        int Depth { get; }
        string MessageName { get; }
        string PrimaryEntityName { get; }
        Guid? RequestId { get; }
        string SecondaryEntityName { get; }
        ParameterCollection InputParameters { get; }
        ParameterCollection OutputParameters { get; }
        ParameterCollection SharedVariables { get; }
        Guid UserId { get; }
        Guid InitiatingUserId { get; }
        Guid BusinessUnitId { get; }
        Guid OrganizationId { get; }
        string OrganizationName { get; }
        Guid PrimaryEntityId { get; }
        EntityImageCollection PreEntityImages { get; }
        EntityImageCollection PostEntityImages { get; }
        EntityReference OwningExtension { get; }
        Guid CorrelationId { get; }
        bool IsExecutingOffline { get; }
        bool IsOfflinePlayback { get; }
        bool IsInTransaction { get; }
        Guid OperationId { get; }
        DateTime OperationCreatedOn { get; }
    }

    public interface IPluginExecutionContext : IExecutionContext
    {
        int Stage { get; }
        IPluginExecutionContext ParentContext { get; }
    }

    public interface IPluginExecutionContext2 : IPluginExecutionContext
    {
        Guid UserAzureActiveDirectoryObjectId { get; }
        Guid InitiatingUserAzureActiveDirectoryObjectId { get; }
        Guid InitiatingUserApplicationId { get; }
        Guid PortalsContactId { get; }
        bool IsPortalsClientCall { get; }
    }

    public interface IPluginExecutionContext3 : IPluginExecutionContext2
    {
        Guid AuthenticatedUserId { get; }
    }

    public interface IPluginExecutionContext4 : IPluginExecutionContext3
    {
        EntityImageCollection[] PreEntityImagesCollection { get; }
        EntityImageCollection[] PostEntityImagesCollection { get; }
    }

    public interface IPluginExecutionContext5 : IPluginExecutionContext4
    {
        string InitiatingUserAgent { get; }
    }

    public interface IPluginExecutionContext6 : IPluginExecutionContext5
    {
        string EnvironmentId { get; }
        Guid TenantId { get; }
    }

    public interface IPluginExecutionContext7 : IPluginExecutionContext6
    {
        bool IsApplicationUser { get; }
    }
}
