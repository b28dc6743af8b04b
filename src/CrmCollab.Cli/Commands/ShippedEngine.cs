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
    }
}
