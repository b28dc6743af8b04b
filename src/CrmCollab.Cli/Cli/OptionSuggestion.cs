using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace CrmCollab.Cli
{
    /// <summary>"Did you mean '--deals'?" for a mistyped option: the command's closest long option within two edits.</summary>
    public static class OptionSuggestion
    {
        private static readonly Regex Unknown = new Regex("^Unknown option '([^']+)'", RegexOptions.CultureInvariant);

        public static string Append(string message, Type settings)
        {
            Match match = Unknown.Match(message);
            if (!match.Success || settings == null) return message;
            string typed = match.Groups[1].Value;
            string best = Options(settings).OrderBy(o => Distance(o, typed)).FirstOrDefault();
            return best != null && Distance(best, typed) <= 2 ? $"{message} Did you mean '--{best}'?" : message;
        }

        /// <summary>An option that takes a value but was given none (last, or followed by another option): Spectre would
        /// otherwise hand the command a placeholder of its own as the value.</summary>
        public static string MissingValue(IReadOnlyList<string> args, Type settings)
        {
            if (settings == null) return null;
            var valued = settings.GetProperties().Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
                .Where(a => a != null && a.ValueName != null).ToList();
            for (int i = 0; i < args.Count; i++)
            {
                var option = valued.FirstOrDefault(a => a.LongNames.Any(n => args[i] == "--" + n));
                if (option != null && (i + 1 == args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
                    return $"{args[i]} needs a value: {args[i]} <{option.ValueName}>.";
            }
            return null;
        }

        /// <summary>An option given twice (--deals 5 ... --deals 7): Spectre keeps the last one silently, so one of the two
        /// values the user meant would be ignored.</summary>
        public static string Repeated(IReadOnlyList<string> args, Type settings)
        {
            if (settings == null) return null;
            string twice = Options(settings).FirstOrDefault(name =>
                args.Count(a => a == "--" + name || a.StartsWith("--" + name + "=", StringComparison.Ordinal)) > 1);
            return twice == null ? null : $"--{twice} is given more than once: give it once, with the value you mean.";
        }

        private static IEnumerable<string> Options(Type settings) => settings.GetProperties()
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .Where(a => a != null).SelectMany(a => a.LongNames);

        /// <summary>Levenshtein distance.</summary>
        private static int Distance(string a, string b)
        {
            var row = Enumerable.Range(0, b.Length + 1).ToArray();
            for (int i = 1; i <= a.Length; i++)
            {
                int previous = row[0];
                row[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int current = row[j];
                    row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                    previous = current;
                }
            }
            return row[b.Length];
        }
    }
}
