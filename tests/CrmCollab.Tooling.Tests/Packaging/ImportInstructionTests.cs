using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace CrmCollab.Tooling.Tests.Packaging
{
    /// <summary>
    /// The README's import commands, as an admin copies them. An import without "activate plug-ins" can leave the imported
    /// steps disabled (shared facts, "Import and deployment"): every gate is then off while the forms look right. An
    /// upgrade brings new steps too, so every command the README gives carries the switch.
    /// </summary>
    public class ImportInstructionTests
    {
        [Fact]
        public void Every_import_command_the_readme_gives_activates_the_plugins()
        {
            var readme = File.ReadAllText(Path.Combine(PackagingFixture.RepoRoot, "README.md"));
            var commands = Regex.Matches(readme, @"pac solution import[^`\r\n]*").Select(m => m.Value).ToList();
            Assert.True(commands.Count >= 2, "the README gives no import and upgrade commands");
            Assert.All(commands, c => Assert.Contains("--activate-plugins", c));
        }
    }
}
