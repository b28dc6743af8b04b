using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmCollab.Emulator.Solution;
using CrmCollab.Tooling;
using CrmCollab.Tooling.Packaging;

namespace CrmCollab.Cli
{
    /// <summary>A command: name, options it accepts, and its body.</summary>
    public interface ICommand
    {
        string Name { get; }
        string Summary { get; }
        IReadOnlyList<OptionSpec> Options { get; }
        string Help();
        int Run(ParsedOptions options);
    }

    public sealed class OptionSpec
    {
        public OptionSpec(string name, string description, string defaultValue = null, bool isFlag = false)
        {
            Name = name;
            Description = description;
            DefaultValue = defaultValue;
            IsFlag = isFlag;
        }

        public string Name { get; }
        public string Description { get; }
        public string DefaultValue { get; }
        public bool IsFlag { get; }
    }

    public sealed class ParsedOptions
    {
        private readonly Dictionary<string, string> _values;

        public ParsedOptions(Dictionary<string, string> values, bool help)
        {
            _values = values;
            Help = help;
        }

        public bool Help { get; }

        public string Get(string name) => _values.TryGetValue(name, out string value) ? value : null;

        public bool Flag(string name) => _values.ContainsKey(name);

        public int Int(string name, int min, int max)
        {
            string text = Get(name);
            if (!int.TryParse(text, out int value) || value < min || value > max)
                throw new CommandLineException($"--{name} must be a whole number from {min} to {max} (got '{text}').");
            return value;
        }
    }

    public static class CommandLine
    {
        public static ParsedOptions Parse(string[] args, IReadOnlyList<OptionSpec> specs)
        {
            var values = specs.Where(s => s.DefaultValue != null).ToDictionary(s => s.Name, s => s.DefaultValue);
            bool help = false;
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                if (arg == "--help" || arg == "-h") { help = true; continue; }
                if (!arg.StartsWith("--", StringComparison.Ordinal)) throw new CommandLineException($"unexpected argument '{arg}'.");
                string name = arg.Substring(2);
                OptionSpec spec = specs.FirstOrDefault(s => s.Name == name) ?? throw new CommandLineException($"unknown option '{arg}'.");
                if (spec.IsFlag) { values[name] = "true"; continue; }
                if (i + 1 >= args.Length) throw new CommandLineException($"option '{arg}' needs a value.");
                values[name] = args[++i];
            }
            return new ParsedOptions(values, help);
        }

        public static string Help(string name, string summary, IReadOnlyList<OptionSpec> specs) =>
            $"crmcollab {name} — {summary}\n\nOptions:\n" +
            string.Join("\n", specs.Select(s => $"  --{s.Name,-16} {s.Description}{(s.DefaultValue != null ? $" (default: {s.DefaultValue})" : "")}")) +
            "\n  --help             this text";
    }

    public sealed class CommandLineException : Exception
    {
        public CommandLineException(string message) : base(message) { }
    }

    /// <summary>A failure the user can fix (missing folder, bad config): shown as one line, no stack trace.</summary>
    public sealed class UserFacingException : Exception
    {
        public UserFacingException(string message) : base(message) { }

        /// <summary>Runs a read of user input (config, templates, DLL, solution) and turns the failures the user can
        /// fix into a <see cref="UserFacingException"/>; anything else is a bug and keeps its stack trace.</summary>
        public static T From<T>(Func<T> load)
        {
            try
            {
                return load();
            }
            catch (Exception e) when (e is FileNotFoundException || e is InvalidDataException || e is PacConfigException
                                      || e is PackagingException || e is SolutionLoadException)
            {
                throw new UserFacingException(e.Message);
            }
        }
    }
}
