using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Cli;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    /// <summary>pack, unpack and validate as an admin or a pipeline runs them. Console is process-wide: not parallel.</summary>
    [Collection("console")]
    public class PackagingCliTests
    {
        private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

        private static string Temp() => Path.Combine(Path.GetTempPath(), "crmc-cli-" + Guid.NewGuid().ToString("N"));

        private static string CopySolution()
        {
            var source = Path.Combine(RepoPaths.Root, "solution");
            var target = Temp();
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(target, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to));
                File.Copy(file, to);
            }
            return target;
        }

        [Fact]
        public void Pack_writes_both_zips_that_validate_and_unpack_back_into_the_folder_layout()
        {
            var output = Temp();
            var unpacked = Temp();
            try
            {
                var (code, text, error) = Run("pack", "--output", output);
                Assert.True(code == 0, error);
                var managed = Directory.GetFiles(output, "CrmCollab_*_managed.zip").Single();
                var unmanaged = Directory.GetFiles(output, "*.zip").Single(f => f != managed);
                Assert.Matches(@"CrmCollab_\d+_\d+_\d+_\d+\.zip$", unmanaged);
                Assert.Contains("PublicKeyToken=534ad6c2c2602fb2", text);

                (code, text, error) = Run("validate", "--zip", managed);
                Assert.True(code == 0, error);
                Assert.Contains("valid", text);

                (code, text, error) = Run("unpack", "--zip", unmanaged, "--folder", unpacked);
                Assert.True(code == 0, error);
                Assert.True(File.Exists(Path.Combine(unpacked, "Other", "Solution.xml")));
                Assert.NotEmpty(Directory.GetFiles(Path.Combine(unpacked, "SdkMessageProcessingSteps")));

                (code, _, error) = Run("unpack", "--zip", unmanaged, "--folder", unpacked);
                Assert.Equal(1, code);
                Assert.Contains("target folder is not empty", error);
            }
            finally
            {
                foreach (var dir in new[] { output, unpacked }) if (Directory.Exists(dir)) Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void Validate_passes_on_the_shipped_folder()
        {
            var (code, text, error) = Run("validate");
            Assert.True(code == 0, error);
            Assert.Contains("round trip", text);
        }

        [Fact]
        public void Validate_fails_on_a_broken_filtering_attribute_and_names_it()
        {
            var copy = CopySolution();
            try
            {
                var step = Directory.GetFiles(Path.Combine(copy, "SdkMessageProcessingSteps"), "*.xml")
                    .First(f => XDocument.Load(f).Root.Element("FilteringAttributes") != null);
                var doc = XDocument.Load(step);
                doc.Root.Element("FilteringAttributes").Value += ",crmc_nosuchcolumn";
                doc.Save(step);

                var (code, _, error) = Run("validate", "--solution", copy);
                Assert.Equal(1, code);
                Assert.Contains("FilteringAttributes names 'crmc_nosuchcolumn'", error);

                var output = Temp();
                (code, _, error) = Run("pack", "--solution", copy, "--output", output);
                Assert.Equal(1, code);
                Assert.Contains("pack refused", error);
                Assert.False(Directory.Exists(output));
            }
            finally
            {
                Directory.Delete(copy, true);
            }
        }

        [Fact]
        public void A_missing_dll_is_one_clear_line()
        {
            var output = Temp();
            var (code, _, error) = Run("pack", "--dll", "/nowhere/CrmCollab.Plugins.dll", "--output", output);
            Assert.Equal(2, code);
            Assert.Equal("crmcollab pack: built plugin DLL not found: /nowhere/CrmCollab.Plugins.dll", error.Trim());
            Assert.False(Directory.Exists(output));
        }

        [Fact]
        public void A_zip_that_cannot_be_written_is_one_clear_line_and_leaves_no_file_behind()
        {
            var output = Temp();
            try
            {
                var config = CrmCollab.Tooling.PacConfig.Load(Path.Combine(RepoPaths.Root, "pac.config"));
                var managed = CrmCollab.Tooling.Packaging.PackagingNames.ZipName(config.Solution.UniqueName, config.Solution.Version, managed: true);
                Directory.CreateDirectory(Path.Combine(output, managed)); // a folder where the zip should go

                var (code, text, error) = Run("pack", "--output", output);

                Assert.Equal(2, code); // an output that cannot be written is refused before the work (README: exit 2)
                Assert.StartsWith($"crmcollab pack: cannot write to {output}: ", error);
                Assert.Single(error.Trim().Split('\n'));
                Assert.Empty(Directory.GetFiles(output)); // neither zip, nor a temporary file
                Assert.DoesNotContain("sha256", text);
            }
            finally
            {
                if (Directory.Exists(output)) Directory.Delete(output, true);
            }
        }

        [Fact]
        public void A_package_that_cannot_be_unpacked_leaves_no_half_filled_folder()
        {
            var work = Temp();
            var target = Path.Combine(work, "unpacked");
            try
            {
                Directory.CreateDirectory(work);
                var zip = Path.Combine(work, "broken.zip");
                var solutionXml = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "solution", "Other", "Solution.xml"));
                File.WriteAllBytes(zip, CrmCollab.Tooling.Packaging.DeterministicZip.Write(new[]
                {
                    new System.Collections.Generic.KeyValuePair<string, byte[]>("solution.xml", solutionXml),
                }));

                var (code, _, error) = Run("unpack", "--zip", zip, "--folder", target + "/");

                Assert.Equal(1, code);
                Assert.Equal("crmcollab unpack: customizations.xml: missing from the package", error.Trim());
                Assert.Equal(new[] { zip }, Directory.GetFileSystemEntries(work));
            }
            finally
            {
                if (Directory.Exists(work)) Directory.Delete(work, true);
            }
        }

        [Fact]
        public void A_dll_that_is_not_an_assembly_is_one_clear_line()
        {
            var output = Temp();
            var dll = Path.Combine(Path.GetTempPath(), "crmc-cli-" + Guid.NewGuid().ToString("N") + ".dll");
            File.WriteAllText(dll, "not a PE file");
            try
            {
                var (code, _, error) = Run("pack", "--dll", dll, "--output", output);
                Assert.Equal(1, code);
                Assert.StartsWith($"crmcollab pack: {dll} is not a .NET assembly (", error);
                Assert.Single(error.Trim().Split('\n'));
                Assert.False(Directory.Exists(output));
            }
            finally
            {
                File.Delete(dll);
            }
        }

        [Fact]
        public void Unpack_needs_a_zip()
        {
            var (code, _, error) = Run("unpack");
            Assert.Equal(2, code);
            Assert.Equal("crmcollab unpack: Command 'unpack' is missing required option 'zip'. Run 'crmcollab unpack --help'.", error.Trim());

            (code, _, error) = Run("unpack", "--zip", "/nowhere/CrmCollab.zip");
            Assert.Equal(2, code);
            Assert.Equal("crmcollab unpack: zip not found: /nowhere/CrmCollab.zip", error.Trim());
        }
    }
}
