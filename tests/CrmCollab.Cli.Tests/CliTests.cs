using System;
using System.IO;
using CrmCollab.Cli;
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
        public void A_missing_solution_folder_is_one_clear_line_and_a_non_zero_exit()
        {
            var (code, _, error) = Run("smoke", "--solution", "/nowhere/solution");

            Assert.Equal(1, code);
            Assert.Equal("crmcollab smoke: solution folder not found: /nowhere/solution", error.Trim());

            (code, _, error) = Run("simulate", "--solution", "/nowhere/solution", "--deals", "1", "--quiet");
            Assert.Equal(1, code);
            Assert.Equal("crmcollab simulate: solution folder not found: /nowhere/solution", error.Trim());
        }

        [Fact]
        public void Unknown_commands_and_options_say_how_to_get_help()
        {
            var (code, _, error) = Run("deploy");
            Assert.Equal(2, code);
            Assert.Contains("unknown command 'deploy'", error);

            (code, _, error) = Run("smoke", "--colour");
            Assert.Equal(2, code);
            Assert.Contains("unknown option '--colour'. Run 'crmcollab smoke --help'.", error);
        }

        [Fact]
        public void Every_command_has_help()
        {
            var (code, output, _) = Run("smoke", "--help");

            Assert.Equal(0, code);
            Assert.Contains("--solution", output);
            Assert.Contains("(default: solution)", output);
        }
    }
}
