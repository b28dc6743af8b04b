using System.Collections.Generic;
using System.Linq;
using CrmCollab.Tooling.Setup;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Solution;
using CrmCollab.Plugins.Infrastructure;

namespace CrmCollab.Cli.Commands
{
    /// <summary>The embedded engine booted from a solution folder (already resolved) with the shipped plugin assembly (smoke, simulate).</summary>
    public static class ShippedEngine
    {
        public static DataverseEngine Boot(string solution, EngineOptions options)
        {
            options.PluginAssemblies.Add(typeof(PluginBase).Assembly);
            DataverseEngine engine;
            try
            {
                engine = DataverseEngine.Boot(solution, options);
            }
            catch (SolutionLoadException e)
            {
                throw new UserFacingException($"The solution folder {solution} cannot be loaded: {e.Message}; restore it, or run " +
                                              $"'crmcollab validate --solution {solution}' for every problem.");
            }
            // The engine loads what is there: a folder without its steps would play (and pass) with no CrmCollab rule at all.
            if (engine.Solution.Steps.Count == 0)
                throw new UserFacingException($"The solution folder {solution} registers no plugin step (SdkMessageProcessingSteps/ is missing or empty): " +
                                              $"restore it, or run 'crmcollab validate --solution {solution}' for every problem.");
            return engine;
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
