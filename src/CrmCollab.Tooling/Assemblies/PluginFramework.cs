namespace CrmCollab.Tooling.Assemblies
{
    /// <summary>
    /// Dataverse loads plugin assemblies only as .NET Framework 4.6.2 class libraries: anything else imports but
    /// fails when a step first runs. This is checked before a DLL is packed or validated.
    /// </summary>
    public static class PluginFramework
    {
        public const string Required = ".NETFramework,Version=v4.6.2";

        /// <summary>The problem with the assembly as a Dataverse plugin assembly, or null when it fits.</summary>
        public static string Problem(BuiltAssembly assembly)
        {
            var name = System.IO.Path.GetFileName(assembly.Path);
            if (assembly.TargetFramework != Required)
                return $"{name} is built for {Describe(assembly.TargetFramework)}; Dataverse loads plugin assemblies only " +
                       "as .NET Framework 4.6.2 class libraries (pack the net462 build: dotnet build -c Release, " +
                       "then bin/Release/net462/).";
            if (!assembly.IsLibrary)
                return $"{name} is an executable; Dataverse loads plugin assemblies only as .NET Framework 4.6.2 class libraries.";
            return null;
        }

        private static string Describe(string framework)
        {
            if (framework == null) return "an unknown framework (it carries no TargetFramework attribute)";
            const string core = ".NETCoreApp,Version=v";
            const string classic = ".NETFramework,Version=v";
            if (framework.StartsWith(core, System.StringComparison.Ordinal)) return $".NET {framework.Substring(core.Length)} (net{framework.Substring(core.Length)})";
            if (framework.StartsWith(classic, System.StringComparison.Ordinal)) return $".NET Framework {framework.Substring(classic.Length)}";
            return framework;
        }
    }
}
