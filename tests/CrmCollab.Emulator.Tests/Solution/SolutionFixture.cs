using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CrmCollab.Emulator.Tests.Solution
{
    /// <summary>Locates fixtures copied to the test output, and makes disposable copies to break.</summary>
    internal static class SolutionFixture
    {
        /// <summary>The repository root, stamped into the test assembly at build time (for solution/ and schemas/).</summary>
        public static readonly string RepoRoot = typeof(SolutionFixture).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value;

        public static string Path(string name = "solution-min") =>
            System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

        /// <summary>A temporary copy of a fixture; delete with <see cref="Delete"/>.</summary>
        public static string Copy(string name = "solution-min")
        {
            var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crmc-solution-" + Guid.NewGuid().ToString("N"));
            var source = Path(name);
            foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
                Directory.CreateDirectory(dir.Replace(source, target));
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
                File.Copy(file, file.Replace(source, target));
            return target;
        }

        public static void Delete(string folder)
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
