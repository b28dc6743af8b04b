using System;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Workflow
{
    /// <summary>
    /// The IOrganizationServiceFactory a custom workflow activity receives. Microsoft documents
    /// (IOrganizationServiceFactory.CreateOrganizationService): "When called in a custom workflow activity, all service
    /// calls are made in the IWorkflowExecutionContext.UserId context". So whatever id the activity passes (null, which
    /// is SYSTEM only in a plug-in; Guid.Empty; the workflow's user; another user's id) the service runs as the
    /// workflow's user. The page says nothing that lets an activity act as another user, so neither does this factory.
    /// </summary>
    public sealed class WorkflowUserServiceFactory : IOrganizationServiceFactory
    {
        private readonly IOrganizationServiceFactory _inner;

        /// <param name="inner">A factory that gives a service running as the user whose id it is given.</param>
        /// <param name="workflowUserId">The workflow's user (IWorkflowContext.UserId).</param>
        public WorkflowUserServiceFactory(IOrganizationServiceFactory inner, Guid workflowUserId)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            if (workflowUserId == Guid.Empty) throw new ArgumentException("A workflow runs as a user: give its id.", nameof(workflowUserId));
            WorkflowUserId = workflowUserId;
        }

        public Guid WorkflowUserId { get; }

        /// <summary>The workflow's user's service, whatever <paramref name="userId"/> is.</summary>
        public IOrganizationService CreateOrganizationService(Guid? userId) => _inner.CreateOrganizationService(WorkflowUserId);
    }
}
