using System.Collections.Generic;
using System.Linq;
using CrmCollab.Tooling.Setup;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Infrastructure;

namespace CrmCollab.Cli.Commands
{
    /// <summary>The embedded engine booted from a solution folder (already resolved) with the shipped plugin assembly (smoke, simulate).</summary>
    public static class ShippedEngine
    {
        public static DataverseEngine Boot(string solution, EngineOptions options)
        {
            options.PluginAssemblies.Add(typeof(PluginBase).Assembly);
            return UserFacingException.From(() => DataverseEngine.Boot(solution, options));
        }

        /// <summary>Refuses, before any template is loaded, one whose values the solution's columns would refuse.</summary>
        public static void CheckTemplates(DataverseEngine engine, string file, IEnumerable<HandoffTemplateSetup.TemplateData> templates) =>
            UserFacingException.From(() =>
            {
                ReferenceData.CheckValues("handoff templates file", file, templates.Select(HandoffTemplateSetup.Row), engine.Catalog);
                return true;
            });
    }
}
