using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A test step playing a platform that refuses any save of a disabled user's row (as some organisations report for
    /// users who lost their licence; not documented either way).
    /// </summary>
    public sealed class DisabledUserSaveRefusal : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory));
            Entity user = factory.CreateOrganizationService(null).Retrieve("systemuser", context.PrimaryEntityId, new ColumnSet("isdisabled"));
            if (user.GetAttributeValue<bool>("isdisabled"))
                throw new InvalidPluginExecutionException("A disabled user cannot be updated.");
        }
    }
}
