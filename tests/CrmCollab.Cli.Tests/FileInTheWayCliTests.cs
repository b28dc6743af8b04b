using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmCollab.Tooling;
using CrmCollab.Tooling.Packaging;
using CrmCollab.Tooling.Registration;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    /// <summary>
    /// A command whose files cannot all be written (a folder where a file goes, a file where a folder goes) writes none
    /// of them: one line naming what is in the way, and the output or solution folder exactly as it was.
    /// </summary>
    [Collection("console")]
    public sealed class FileInTheWayCliTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("crmc-cli-inway-").FullName;

        public void Dispose() => Directory.Delete(_folder, true);

        [Fact]
        public void A_pipeline_rerunning_pack_where_the_unmanaged_zip_name_is_a_folder_gets_neither_zip_and_one_line_before_the_work()
        {
            string output = Path.Combine(_folder, "out");
            string unmanaged = Path.Combine(output, ZipName(managed: false));
            Directory.CreateDirectory(unmanaged);

            var (code, text, error) = CliRunner.Run("pack", "--output", output);

            Assert.Equal(2, code);
            Assert.Equal($"crmcollab pack: cannot write to {output}: {unmanaged} is a folder, so the file of that name cannot be written: " +
                         "move the folder away (or give another --output), then run again; nothing was written.", error.Trim());
            Assert.Equal(new[] { unmanaged }, Directory.GetFileSystemEntries(output)); // no managed zip beside it, no temporary file
            Assert.DoesNotContain("sha256", text);
        }

        [Fact]
        public void A_report_folder_where_the_json_report_name_is_a_folder_is_refused_before_any_deal_is_played()
        {
            string output = Path.Combine(_folder, "report");
            string json = Path.Combine(output, "simulation-report.json");
            Directory.CreateDirectory(json);

            var (code, text, error) = CliRunner.Run("simulate", "--deals", "2", "--quiet", "--output", output);

            Assert.Equal(2, code);
            Assert.Equal($"crmcollab simulate: cannot write to {output}: {json} is a folder, so the file of that name cannot be written: " +
                         "move the folder away (or give another --output), then run again; nothing was written.", error.Trim());
            Assert.Equal(new[] { json }, Directory.GetFileSystemEntries(output)); // no HTML report without its JSON
            Assert.DoesNotContain("Report:", text);
        }

        [Fact]
        public void Unpacking_over_a_solution_folder_where_a_file_stands_where_the_package_needs_a_folder_changes_nothing()
        {
            string zips = Path.Combine(_folder, "zips"), target = Path.Combine(_folder, "solution");
            Assert.Equal(0, CliRunner.Run("pack", "--output", zips).Code);
            string zip = Path.Combine(zips, ZipName(managed: false));
            Assert.Equal(0, CliRunner.Run("unpack", "--zip", zip, "--folder", target).Code);
            string entity = Path.Combine(target, "Entities", "Account", "Entity.xml");
            File.AppendAllText(entity, "<!-- an admin's local edit -->\n"); // unpacking over it would replace it
            Directory.Delete(Path.Combine(target, "WebResources"), true);
            File.WriteAllText(Path.Combine(target, "WebResources"), "a file where the package puts a folder");
            var before = Snapshot(target);

            var (code, _, error) = CliRunner.Run("unpack", "--zip", zip, "--folder", target, "--allow-write");

            Assert.Equal(1, code);
            Assert.StartsWith($"crmcollab unpack: {Path.Combine(target, "WebResources")} is a file where a folder is needed for ", error.Trim());
            Assert.EndsWith("move the file away, then run again; nothing was written.", error.Trim());
            Assert.Single(error.Trim().Split('\n'));
            Assert.Equal(before, Snapshot(target));
        }

        [Fact]
        public void Bpf_add_where_a_step_file_name_is_a_folder_is_one_line_and_writes_no_step_and_no_dependency()
        {
            string probe = Path.Combine(_folder, "probe"), solution = Path.Combine(_folder, "solution");
            CopyFolder(Path.Combine(RepoPaths.Root, "solution"), probe);
            CopyFolder(Path.Combine(RepoPaths.Root, "solution"), solution);
            // The step files bpf add writes, in the order it writes them: the last one is made a folder in the real copy.
            string last = ProcessFlowSteps.Add(probe, "new_customsalesprocess").Written.Last();
            string blocked = Path.Combine(solution, Path.GetRelativePath(probe, last));
            Directory.CreateDirectory(blocked);
            var before = Snapshot(solution);

            var (code, _, error) = CliRunner.Run("bpf", "add", "--table", "new_customsalesprocess", "--solution", solution);

            Assert.Equal(1, code);
            Assert.Equal($"crmcollab bpf: {blocked} is a folder, so the file of that name cannot be written: move the folder away, then run again; " +
                         "nothing was written.", error.Trim());
            Assert.Equal(before, Snapshot(solution)); // no step without its root component, no temporary file
        }

        private static string ZipName(bool managed)
        {
            var config = PacConfig.Load(Path.Combine(RepoPaths.Root, "pac.config"));
            return PackagingNames.ZipName(config.Solution.UniqueName, config.Solution.Version, managed);
        }

        /// <summary>Every file and folder under a root, with each file's content.</summary>
        private static SortedDictionary<string, string> Snapshot(string root) =>
            new SortedDictionary<string, string>(Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories).ToDictionary(
                p => Path.GetRelativePath(root, p),
                p => Directory.Exists(p) ? "<folder>" : Convert.ToBase64String(File.ReadAllBytes(p))), StringComparer.Ordinal);

        private static void CopyFolder(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (string dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
                Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
            foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
                File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
