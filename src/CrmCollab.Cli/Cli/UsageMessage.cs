using System;
using System.IO;
using System.Linq;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CrmCollab.Cli
{
    /// <summary>One line from a Spectre.Console.Cli usage error: its message, plus its "Did you mean …?" when it has one.</summary>
    public static class UsageMessage
    {
        public static string Of(CommandAppException e)
        {
            string message = e.Message.Trim();
            if (e.Pretty == null) return message;
            var text = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
            });
            console.Write(e.Pretty);
            string hint = text.ToString().Split('\n').Select(l => l.Trim())
                .FirstOrDefault(l => l.IndexOf("Did you mean", StringComparison.OrdinalIgnoreCase) >= 0);
            if (hint == null || message.Contains(hint)) return message;
            int at = hint.IndexOf("Did you mean", StringComparison.OrdinalIgnoreCase);
            return $"{message} {hint.Substring(at)}";
        }
    }
}
