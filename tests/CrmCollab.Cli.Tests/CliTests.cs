using System;
using System.IO;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    /// <summary>The CLI as a user meets it: exit codes, one-line errors, help. Console is process-wide: not parallel.</summary>
    [Collection("console")]
    public class CliTests
    {
        private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

        [Fact]
        public void Smoke_runs_a_won_deal_through_the_shipped_plugins_and_passes()
        {
            var (code, output, _) = Run("smoke");

            Assert.Equal(0, code);
            Assert.Contains("PublicKeyToken=31bf3856ad364e35", output);
            Assert.Contains("Won deal handed off: 8 task(s)", output);
            Assert.Contains("Entered HandoffOnWin.Execute()", output);
            Assert.Contains("Smoke passed.", output);
        }

        [Fact]
        public void A_missing_solution_folder_is_one_clear_line_and_exit_2()
        {
            var (code, _, error) = Run("smoke", "--solution", "/nowhere/solution");

            Assert.Equal(2, code);
            Assert.Equal("crmcollab smoke: solution folder not found: /nowhere/solution", error.Trim());

            (code, _, error) = Run("simulate", "--solution", "/nowhere/solution", "--deals", "1", "--quiet");
            Assert.Equal(2, code);
            Assert.Equal("crmcollab simulate: solution folder not found: /nowhere/solution", error.Trim());
        }

        [Fact]
        public void Unknown_commands_and_options_suggest_the_close_one_and_say_how_to_get_help()
        {
            var (code, _, error) = Run("simulte");
            Assert.Equal(2, code);
            Assert.Equal("crmcollab: Unknown command 'simulte'. Did you mean 'simulate'? Run 'crmcollab --help'.", error.Trim());

            (code, _, error) = Run("simulate", "--dels", "3");
            Assert.Equal(2, code);
            Assert.Equal("crmcollab simulate: Unknown option 'dels'. Did you mean '--deals'? Run 'crmcollab simulate --help'.", error.Trim());

            (code, _, error) = Run("smoke", "--colour");
            Assert.Equal(2, code);
            Assert.Equal("crmcollab smoke: Unknown option 'colour'. Run 'crmcollab smoke --help'.", error.Trim());
        }

        [Theory]
        [InlineData("simulate", "--output")]
        [InlineData("simulate", "--solution")]
        [InlineData("simulate", "--templates")]
        [InlineData("simulate", "--targets")]
        [InlineData("smoke", "--solution")]
        [InlineData("smoke", "--config")]
        [InlineData("smoke", "--templates")]
        [InlineData("pack", "--output")]
        [InlineData("pack", "--solution")]
        [InlineData("pack", "--config")]
        [InlineData("pack", "--dll")]
        [InlineData("validate", "--zip")]
        [InlineData("validate", "--solution")]
        [InlineData("unpack", "--folder")]
        public void An_empty_path_is_one_line_naming_the_option_and_exit_2(string command, string option)
        {
            var args = command == "unpack" ? new[] { command, "--zip", "x.zip", option, "" } : new[] { command, option, "" };
            var (code, output, error) = Run(args);

            Assert.Equal(2, code);
            Assert.Equal($"crmcollab {command}: {option} is empty: give a path, or leave the option out to use its default. Run 'crmcollab {command} --help'.", error.Trim());
            Assert.Equal("", output);
        }

        [Theory]
        [InlineData(new[] { "unpack", "--zip", "" }, "crmcollab unpack: --zip is empty: give the solution zip to unpack. Run 'crmcollab unpack --help'.")]
        [InlineData(new[] { "bpf", "add", "--table", " " }, "crmcollab bpf: --table is empty: give the logical name of the flow's table " +
                                                               "(for example new_customsalesprocess). Run 'crmcollab bpf --help'.")]
        [InlineData(new[] { "bpf", "add", "--table", "new_customsalesprocess", "--lookup", "" }, "crmcollab bpf: --lookup is empty: " +
            "leave it out, the flow's lookup to the opportunity is bpf_opportunityid. Run 'crmcollab bpf --help'.")]
        public void An_admin_who_gives_a_required_option_empty_is_told_what_to_give_not_to_fall_back_on_a_default(string[] args, string expected)
        {
            var (code, output, error) = Run(args);

            Assert.Equal(2, code);
            Assert.Equal(expected, error.Trim());
            Assert.Equal("", output);
        }

        [Theory]
        [InlineData("--solution", "solution")]
        [InlineData("--dll", "CrmCollab.Plugins.dll")]
        public void A_pipeline_validating_a_zip_together_with_a_folder_or_dll_is_refused_rather_than_silently_checking_the_zip_alone(string option, string value)
        {
            var (code, output, error) = Run("validate", "--zip", "out/CrmCollab_1_0_0_0.zip", option, value);

            Assert.Equal(2, code);
            Assert.Equal($"crmcollab validate: {option} cannot go with --zip: a zip is checked with the plugin DLL it carries, a folder against " +
                         "--dll. Give --zip alone, or --solution (and --dll) without it. Run 'crmcollab validate --help'.", error.Trim());
            Assert.Equal("", output);
        }

        [Fact]
        public void Pack_with_an_empty_output_writes_nothing_into_the_repository()
        {
            string[] before = Directory.GetFiles(RepoPaths.Root);
            var (code, _, _) = Run("pack", "--output", "");
            Assert.Equal(2, code);
            Assert.Equal(before, Directory.GetFiles(RepoPaths.Root));
        }

        [Theory]
        [InlineData("--deals", "0", "--deals must be a whole number from 1 to 1,000,000 (got '0').")]
        [InlineData("--deals", "abc", "--deals must be a whole number from 1 to 1,000,000 (got 'abc').")]
        [InlineData("--deals", "2000000", "--deals must be a whole number from 1 to 1,000,000 (got '2000000').")]
        [InlineData("--seed", "-1", "--seed must be a whole number, 0 or more (got '-1').")]
        [InlineData("--individual-weight", "120", "--individual-weight must be a whole percentage from 0 to 100 (got '120').")]
        public void Numbers_out_of_range_are_refused_in_the_options_own_words(string option, string value, string message)
        {
            var (code, _, error) = Run("simulate", $"{option}={value}");
            Assert.Equal(2, code);
            Assert.Equal($"crmcollab simulate: {message} Run 'crmcollab simulate --help'.", error.Trim());
        }

        [Fact]
        public void An_option_without_its_value_is_refused()
        {
            var (code, _, error) = Run("simulate", "--deals");
            Assert.Equal(2, code);
            Assert.Equal("crmcollab simulate: --deals needs a value: --deals <COUNT>. Run 'crmcollab simulate --help'.", error.Trim());

            (code, _, error) = Run("simulate", "--output", "--quiet");
            Assert.Equal(2, code);
            Assert.Equal("crmcollab simulate: --output needs a value: --output <FOLDER>. Run 'crmcollab simulate --help'.", error.Trim());
        }

        [Fact]
        public void Version_and_help_show_placeholders_defaults_and_the_path_rule()
        {
            var (code, output, _) = Run("--version");
            Assert.Equal(0, code);
            Assert.Equal(Program.Version, output.Trim());
            Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());

            (code, output, _) = Run("simulate", "--help");
            Assert.Equal(0, code);
            Assert.Contains("--deals <COUNT>", output);
            Assert.Contains("--output <FOLDER>", output);
            Assert.Contains("500", output);
            Assert.Contains("Relative paths are read from the current folder.", System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " "));

            (code, output, _) = Run("smoke", "--help");
            Assert.Equal(0, code);
            Assert.Contains("--solution <FOLDER>", output);
        }

        [Fact]
        public void Paths_typed_are_relative_to_the_current_folder_in_every_command()
        {
            string folder = Path.Combine(Path.GetTempPath(), "crmc-cwd-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            string before = Directory.GetCurrentDirectory();
            try
            {
                Directory.SetCurrentDirectory(folder);
                Assert.Equal($"crmcollab smoke: solution folder not found: {Path.Combine(folder, "nowhere")}", Run("smoke", "--solution", "nowhere").Err.Trim());
                Assert.Equal($"crmcollab unpack: zip not found: {Path.Combine(folder, "x.zip")}", Run("unpack", "--zip", "x.zip").Err.Trim());
                Assert.Equal($"crmcollab simulate: targets file not found: {Path.Combine(folder, "t.json")}", Run("simulate", "--targets", "t.json").Err.Trim());
                File.WriteAllText(Path.Combine(folder, "file"), "");
                var (code, _, error) = Run("pack", "--output", "file/zips");
                Assert.Equal(2, code);
                Assert.Equal($"crmcollab pack: cannot create the output folder {Path.Combine(folder, "file", "zips")}: {Path.Combine(folder, "file")} is a file; give a folder path for the output.", error.Trim());
            }
            finally
            {
                Directory.SetCurrentDirectory(before);
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void A_targets_file_that_makes_no_sense_is_one_line_before_the_run()
        {
            string file = Path.Combine(Path.GetTempPath(), "crmc-targets-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(file, "{ \"individualWeightPercent\": 150, \"targets\": { \"handoffsOnTime\": 0.9 } }");
            try
            {
                var (code, output, error) = Run("simulate", "--targets", file, "--quiet");
                Assert.Equal(1, code);
                Assert.Equal($"crmcollab simulate: The targets file {file} cannot be used: individualWeightPercent must be from 0 to 100.", error.Trim());
                Assert.DoesNotContain("Report:", output);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
