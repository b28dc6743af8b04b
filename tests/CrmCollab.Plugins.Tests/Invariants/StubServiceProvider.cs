using System;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>What a plug-in asks its service provider for, when a test runs a step by hand: its context and the service factory.</summary>
    public sealed class StubServiceProvider : IServiceProvider
    {
        private readonly IPluginExecutionContext _context;
        private readonly IOrganizationServiceFactory _factory;

        public StubServiceProvider(IPluginExecutionContext context, IOrganizationServiceFactory factory)
        {
            _context = context;
            _factory = factory;
        }

        public object GetService(Type serviceType) =>
            serviceType == typeof(IPluginExecutionContext) ? _context : serviceType == typeof(IOrganizationServiceFactory) ? (object)_factory : null;
    }
}
