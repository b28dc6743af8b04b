using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    /// <summary>
    /// An administrator's input files and options as the CLI meets them: anything wrong is one line naming what to fix,
    /// a non-zero exit, and no report, package or empty output folder left behind.
    /// </summary>
    [Collection("console")]
    public sealed class SetupInputCliTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("crmc-cli-input-").FullName;

        public void Dispose() => Directory.Delete(_folder, true);

        [Fact]
        public void An_admin_whose_templates_file_is_empty_is_told_so_and_no_report_folder_is_made()
        {
            string output = Path.Combine(_folder, "report");
            var (code, _, error) = CliRunner.Run("simulate", "--deals", "2", "--quiet", "--templates", Write("templates.json", ""), "--output", output);

            Assert.Equal(1, code);
            Assert.Equal($"crmcollab simulate: The handoff templates file {Path.Combine(_folder, "templates.json")} is empty: " +
                         "restore its content (the repository has an example).", error.Trim());
            Assert.False(Directory.Exists(output));
        }

        [Fact]
        public void A_template_whose_required_evidence_names_no_task_column_stops_the_run_with_the_organisations_reason_and_leaves_no_folder()
        {
            string output = Path.Combine(_folder, "report");
            string templates = Write("templates.json",
                "{ \"templates\": [ { \"function\": \"ADV\", \"subject\": \"Send the contract\", \"dueOffsetDays\": 3, \"requiredEvidence\": \"contract_no\" } ] }");

            var (code, _, error) = CliRunner.Run("simulate", "--deals", "2", "--quiet", "--templates", templates, "--output", output);

            Assert.Equal(1, code);
            Assert.StartsWith("crmcollab simulate: The handoff template 'ADV: Send the contract' was refused: Required Evidence names contract_no", error.Trim());
            Assert.DoesNotContain("Exception", error);
            Assert.Single(error.Trim().Split('\n'));
            Assert.False(Directory.Exists(output));
        }

        [Fact]
        public void A_template_due_before_the_win_is_refused_before_the_run_and_no_report_folder_is_made()
        {
            string output = Path.Combine(_folder, "report");
            string templates = Write("templates.json", "{ \"templates\": [ { \"function\": \"ADV\", \"subject\": \"Send the contract\", \"dueOffsetDays\": -5 } ] }");

            var (code, _, error) = CliRunner.Run("simulate", "--deals", "2", "--quiet", "--templates", templates, "--output", output);

            Assert.Equal(1, code);
            Assert.Equal($"crmcollab simulate: The handoff templates file {templates} cannot be used: 'ADV: Send the contract' has Due After (Days) -5: " +
                         "give a value from 0 to 3650.", error.Trim());
            Assert.False(Directory.Exists(output));
        }

        [Fact]
        public void Smoke_refuses_two_templates_with_the_same_subject_in_one_line()
        {
            string templates = Write("templates.json", "{ \"templates\": [ { \"function\": \"SAV\", \"subject\": \"Onboard\" }, { \"function\": \"SAV\", \"subject\": \"Onboard\" } ] }");

            var (code, _, error) = CliRunner.Run("smoke", "--templates", templates);

            Assert.Equal(1, code);
            Assert.Equal($"crmcollab smoke: The handoff templates file {templates} cannot be used: templates[1] repeats the SAV template 'Onboard': " +
                         "keep one of them or give it another subject.", error.Trim());
        }

        [Theory]
        [InlineData("{ \"winRate\": 0.3 }", "winRate is not a known key: check its spelling (the keys here are individualWeightPercent, amberMargin, targets).")]
        [InlineData("{ \"targets\": { \"reviewTurnaroundMedianHours\": 1e400 } }", "targets.reviewTurnaroundMedianHours must be a number of a sensible size")]
        [InlineData("{ \"targets\": [] }", "targets must be an object in braces { } (got a list [ ]).")]
        public void A_targets_file_with_a_misplaced_key_or_an_impossible_value_is_refused_and_no_report_is_written(string json, string expected)
        {
            string output = Path.Combine(_folder, "report");
            var (code, _, error) = CliRunner.Run("simulate", "--deals", "2", "--quiet", "--targets", Write("targets.json", json), "--output", output);

            Assert.Equal(1, code);
            Assert.Contains(expected, error);
            Assert.DoesNotContain("CrmCollab.", error);
            Assert.False(Directory.Exists(output));
        }

        [Fact]
        public void Data_pack_from_a_setup_folder_with_a_broken_file_writes_no_package_and_no_folder()
        {
            string setup = Directory.CreateDirectory(Path.Combine(_folder, "setup")).FullName;
            File.WriteAllText(Path.Combine(setup, "feasibility-rules.json"), "{ \"rules\": [ ] }");
            File.WriteAllText(Path.Combine(setup, "handoff-templates.json"), "{ \"templates\": [ { \"function\": \"ADV\" } ] }");
            string output = Path.Combine(_folder, "out", "CrmCollab_ReferenceData.zip");

            var (code, _, error) = CliRunner.Run("data", "pack", "--setup", setup, "--output", output);

            Assert.Equal(1, code);
            Assert.Contains("templates[0].subject is missing or null: give it a value.", error);
            Assert.False(Directory.Exists(Path.GetDirectoryName(output)));
        }

        [Fact]
        public void An_option_given_twice_is_refused_rather_than_one_value_silently_ignored()
        {
            var (code, output, error) = CliRunner.Run("simulate", "--deals", "5", "--quiet", "--deals", "7", "--output", Path.Combine(_folder, "report"));

            Assert.Equal(2, code);
            Assert.Equal("crmcollab simulate: --deals is given more than once: give it once, with the value you mean. Run 'crmcollab simulate --help'.", error.Trim());
            Assert.DoesNotContain("Report:", output);
        }

        [Fact]
        public void Unpacking_under_a_file_says_the_folder_cannot_be_made_there_and_exits_2()
        {
            string zip = Write("solution.zip", "not read");
            string file = Write("notes.txt", "");

            var (code, _, error) = CliRunner.Run("unpack", "--zip", zip, "--folder", Path.Combine(file, "unpacked"));

            Assert.Equal(2, code);
            Assert.Equal($"crmcollab unpack: cannot create the output folder {Path.Combine(file, "unpacked")}: {file} is a file; give a folder path for the output.",
                error.Trim());
        }

        [Fact]
        public void Bpf_add_on_a_solution_folder_with_a_broken_step_file_is_one_line_naming_the_file()
        {
            string solution = Path.Combine(_folder, "solution");
            CopyFolder(Path.Combine(RepoPaths.Root, "solution"), solution);
            string broken = Directory.GetFiles(Path.Combine(solution, "SdkMessageProcessingSteps"), "*.xml").OrderBy(f => f, StringComparer.Ordinal).First();
            File.WriteAllText(broken, "<SdkMessageProcessingStep");

            var (code, _, error) = CliRunner.Run("bpf", "add", "--table", "new_customsalesprocess", "--solution", solution);

            Assert.Equal(1, code);
            Assert.StartsWith($"crmcollab bpf: {Path.Combine("SdkMessageProcessingSteps", Path.GetFileName(broken))} in {solution} is not well-formed XML", error.Trim());
            Assert.Single(error.Trim().Split('\n'));
        }

        [Fact]
        public void A_file_that_is_not_a_zip_given_to_unpack_and_validate_is_named_as_such_in_plain_words()
        {
            string zip = Write("CrmCollab_1_0_0_0.zip", "this is a text file");
            const string plain = "not a zip file, or a damaged one: give a solution zip exported from Dataverse or written by crmcollab pack";

            var (code, _, error) = CliRunner.Run("unpack", "--zip", zip, "--folder", Path.Combine(_folder, "unpacked"));
            Assert.Equal(1, code);
            Assert.Equal($"crmcollab unpack: {plain}", error.Trim());
            Assert.False(Directory.Exists(Path.Combine(_folder, "unpacked")));

            (code, _, error) = CliRunner.Run("validate", "--zip", zip);
            Assert.Equal(1, code);
            Assert.StartsWith($"CrmCollab_1_0_0_0.zip: {plain}", error.Trim());
        }

        [Fact]
        public void A_solution_folder_without_its_plugin_steps_is_refused_instead_of_playing_deals_with_no_rule_at_all()
        {
            string solution = Path.Combine(_folder, "solution");
            CopyFolder(Path.Combine(RepoPaths.Root, "solution"), solution);
            Directory.Delete(Path.Combine(solution, "SdkMessageProcessingSteps"), true);
            string output = Path.Combine(_folder, "report");

            var (code, stdout, error) = CliRunner.Run("simulate", "--deals", "2", "--quiet", "--solution", solution, "--output", output);

            Assert.Equal(1, code);
            Assert.Equal($"crmcollab simulate: The solution folder {solution} registers no plugin step (SdkMessageProcessingSteps/ is missing or empty): " +
                         $"restore it, or run 'crmcollab validate --solution {solution}' for every problem.", error.Trim());
            Assert.DoesNotContain("Report:", stdout);
            Assert.False(Directory.Exists(output));
        }

        [Fact]
        public void An_empty_solution_folder_is_named_with_the_file_it_lacks()
        {
            string solution = Directory.CreateDirectory(Path.Combine(_folder, "solution")).FullName;

            var (code, _, error) = CliRunner.Run("simulate", "--deals", "2", "--quiet", "--solution", solution, "--output", Path.Combine(_folder, "report"));

            Assert.Equal(1, code);
            Assert.StartsWith($"crmcollab simulate: The solution folder {solution} cannot be loaded: Other/Solution.xml", error.Trim());
            Assert.False(Directory.Exists(Path.Combine(_folder, "report")));

            string zip = Path.Combine(_folder, "data", "CrmCollab_ReferenceData.zip");
            (code, _, error) = CliRunner.Run("data", "pack", "--solution", solution, "--output", zip);
            Assert.Equal(1, code);
            Assert.StartsWith($"crmcollab data: The solution folder {solution} cannot be loaded: Other/Solution.xml", error.Trim());
            Assert.False(Directory.Exists(Path.GetDirectoryName(zip)));
        }

        private static void CopyFolder(string from, string to)
        {
            foreach (string dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
                Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
            Directory.CreateDirectory(to);
            foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
                File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }

        private string Write(string name, string text)
        {
            string file = Path.Combine(_folder, name);
            File.WriteAllText(file, text);
            return file;
        }
    }
}
