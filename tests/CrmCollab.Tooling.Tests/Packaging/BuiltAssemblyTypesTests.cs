using System.Linq;
using CrmCollab.Tooling.Assemblies;
using Xunit;

namespace CrmCollab.Tooling.Tests.Packaging
{
    /// <summary>The built net462 DLL's metadata tells plugins (IPlugin, directly or through PluginBase) from
    /// workflow activities (CodeActivity), without loading it.</summary>
    public class BuiltAssemblyTypesTests
    {
        private static BuiltAssembly Dll => PackagingFixture.BuiltDll.Metadata;

        [Fact]
        public void Plugins_through_the_plugin_base_are_IPlugin_types_and_the_abstract_base_is_not()
        {
            Assert.Contains("CrmCollab.Plugins.Routing.HandoffOnWin", Dll.PluginTypes);
            Assert.Contains("CrmCollab.Plugins.Guards.OpportunityGuard", Dll.PluginTypes);
            Assert.DoesNotContain("CrmCollab.Plugins.Infrastructure.PluginBase", Dll.PluginTypes);
            Assert.DoesNotContain(Dll.PluginTypes, t => Dll.WorkflowActivityTypes.Contains(t));
        }

        [Fact]
        public void Workflow_activities_are_the_CodeActivity_types()
        {
            Assert.Contains("CrmCollab.Plugins.Activities.CreatePostSaleHandoff", Dll.WorkflowActivityTypes);
            Assert.All(Dll.WorkflowActivityTypes, t => Assert.StartsWith("CrmCollab.Plugins.", t));
            Assert.DoesNotContain("CrmCollab.Plugins.Routing.HandoffOnWin", Dll.WorkflowActivityTypes);
        }

        [Fact]
        public void Identity_is_the_signed_deployable_one()
        {
            Assert.Equal("534ad6c2c2602fb2", Dll.PublicKeyToken);
            Assert.Equal("1.0.0.0", Dll.Identity.Version.ToString());
        }
    }
}
