using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CrmCollab.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrmCollab.Cli
{
    /// <summary>
    /// crmcollab COMMAND [options], parsed by Spectre.Console.Cli (one class per command, its settings beside it).
    /// Exit codes: 0 done, 1 the work failed, 2 the command line is unusable; every error is one line on stderr.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            // A console over the current Console.Out each run, so help and tables go where the caller points stdout.
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            AnsiConsole.Console = console;
            var app = new CommandApp();
            app.Configure(config =>
            {
                config.SetApplicationName("crmcollab");
                config.SetApplicationVersion(Version);
                config.ConfigureConsole(console);
                config.PropagateExceptions();
                config.UseStrictParsing();
                config.TrimTrailingPeriods(false);
                config.AddCommand<SimulateCommand>("simulate")
                    .WithDescription("Play N deals through the shipped plugins on the embedded engine and write the collaboration report. " +
                        "Stricter than Dataverse on purpose: business-required columns are refused on every write, not only on forms. " + CliPath.HelpText)
                    .WithExample("simulate", "--deals", "200", "--seed", "7", "--output", "out/run7");
                config.AddCommand<SmokeCommand>("smoke")
                    .WithDescription("Boot the embedded engine from solution/ and run one won deal through the shipped plugins. " + CliPath.HelpText);
                config.AddCommand<PackCommand>("pack")
                    .WithDescription("Build the managed and unmanaged solution zips from solution/ and the built plugin DLL. " + CliPath.HelpText)
                    .WithExample("pack", "--output", "out");
                config.AddCommand<UnpackCommand>("unpack")
                    .WithDescription("Turn a solution zip back into the folder layout of solution/. " + CliPath.HelpText)
                    .WithExample("unpack", "--zip", "out/CrmCollab_1_0_0_0.zip", "--folder", "/tmp/unpacked");
                config.AddCommand<ValidateCommand>("validate")
                    .WithDescription("Check solution/ (or a solution zip) before it ships. " + CliPath.HelpText);
                config.AddBranch("data", data =>
                {
                    data.SetDescription("Reference data for admins to import after the solution.");
                    data.AddCommand<DataPackCommand>("pack")
                        .WithDescription("Write the default handoff templates and example rules from setup/ as a Configuration Migration package (pac data import). " + CliPath.HelpText)
                        .WithExample("data", "pack", "--output", "out/CrmCollab_ReferenceData.zip");
                });
                config.AddBranch("bpf", bpf =>
                {
                    bpf.SetDescription("Business process flows on opportunity that CrmCollab gates.");
                    bpf.AddCommand<BpfAddCommand>("add")
                        .WithDescription("Cover an administrator's own business process flow on opportunity: write its gate steps into the solution folder before pack. " + CliPath.HelpText)
                        .WithExample("bpf", "add", "--table", "new_customsalesprocess");
                });
            });
            string command = args.FirstOrDefault(a => !a.StartsWith("-", StringComparison.Ordinal));
            if (command != null && !Commands.ContainsKey(command)) command = null;
            string prefix = command != null ? $"crmcollab {command}: " : "crmcollab: ";
            try
            {
                string missing = OptionSuggestion.MissingValue(args, command == null ? null : Commands[command])
                                 ?? OptionSuggestion.Repeated(args, command == null ? null : Commands[command]);
                if (missing != null) throw new UsageException(missing + $" Run 'crmcollab {command} --help'.");
                return app.Run(args);
            }
            catch (UsageException e)
            {
                return Fail(prefix + e.Message, ExitCodes.Usage);
            }
            catch (UserFacingException e)
            {
                return Fail(prefix + e.Message, ExitCodes.Failed);
            }
            catch (CommandAppException e)
            {
                // Unknown command or option (with Spectre's "Did you mean" when one is close), missing value, bad number.
                string message = OptionSuggestion.Append(UsageMessage.Of(e), command == null ? null : Commands[command]);
                return Fail(prefix + message + $" Run 'crmcollab {(command == null ? "" : command + " ")}--help'.", ExitCodes.Usage);
            }
        }

        /// <summary>Each command and its settings; one class each, so a new command is one line here.</summary>
        private static readonly Dictionary<string, Type> Commands = new Dictionary<string, Type>
        {
            ["simulate"] = typeof(SimulateSettings), ["smoke"] = typeof(SmokeSettings), ["pack"] = typeof(PackSettings),
            ["unpack"] = typeof(UnpackSettings), ["validate"] = typeof(ValidateSettings), ["data"] = typeof(DataPackSettings),
            ["bpf"] = typeof(BpfAddSettings),
        };

        public static string Version => typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "0.0.0";

        private static int Fail(string line, int code)
        {
            Console.Error.WriteLine(line);
            return code;
        }
    }
}
