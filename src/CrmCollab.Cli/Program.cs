using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Cli.Commands;

namespace CrmCollab.Cli
{
    /// <summary>crmcollab COMMAND [options]. Errors are one line on stderr with a non-zero exit code.</summary>
    public static class Program
    {
        private static readonly IReadOnlyList<ICommand> Commands = new ICommand[] { new SimulateCommand(), new SmokeCommand(), new PackCommand(), new UnpackCommand(), new ValidateCommand(), new DataPackCommand() };

        public static int Main(string[] args)
        {
            if (args.Length == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help")
            {
                Console.WriteLine(Usage());
                return args.Length == 0 ? 1 : 0;
            }
            // Two-word commands ("data pack") first.
            ICommand command = args.Length > 1 ? Commands.FirstOrDefault(c => c.Name == args[0] + " " + args[1]) : null;
            if (command != null) args = new[] { command.Name }.Concat(args.Skip(2)).ToArray();
            command ??= Commands.FirstOrDefault(c => c.Name == args[0]);
            if (command == null)
            {
                Console.Error.WriteLine($"crmcollab: unknown command '{args[0]}'. Run 'crmcollab --help' for the list.");
                return 2;
            }
            try
            {
                var options = CommandLine.Parse(args.Skip(1).ToArray(), command.Options);
                if (options.Help)
                {
                    Console.WriteLine(command.Help());
                    return 0;
                }
                return command.Run(options);
            }
            catch (CommandLineException e)
            {
                Console.Error.WriteLine($"crmcollab {command.Name}: {e.Message} Run 'crmcollab {command.Name} --help'.");
                return 2;
            }
            catch (UserFacingException e)
            {
                Console.Error.WriteLine($"crmcollab {command.Name}: {e.Message}");
                return 1;
            }
        }

        private static string Usage() =>
            "crmcollab — CrmCollab on the embedded Dataverse engine\n\nCommands:\n" +
            string.Join("\n", Commands.Select(c => $"  {c.Name,-10} {c.Summary}")) +
            "\n\nRun 'crmcollab COMMAND --help' for a command's options.";
    }
}
