using System;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The service factory a custom workflow activity gets, as Microsoft documents it (IOrganizationServiceFactory.
    /// CreateOrganizationService): "When called in a custom workflow activity, all service calls are made in the
    /// IWorkflowExecutionContext.UserId context" — whatever id is passed, null included. Only in a plug-in does null
    /// mean SYSTEM.
    /// </summary>
    public sealed class WorkflowUserServiceFactory : IOrganizationServiceFactory
    {
        private readonly DataverseEngine _engine;
        private readonly Guid _workflowUser;

        public WorkflowUserServiceFactory(DataverseEngine engine, Guid workflowUser)
        {
            _engine = engine;
            _workflowUser = workflowUser;
        }

        public IOrganizationService CreateOrganizationService(Guid? userId) => _engine.CreateService(_workflowUser);
    }
}
