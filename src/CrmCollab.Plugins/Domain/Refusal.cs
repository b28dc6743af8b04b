using System;

namespace CrmCollab.Plugins.Domain
{
    /// <summary>
    /// A business rule's "no": a stable code (for clients, reports and support) and a sentence the user can act on.
    /// The user sees <see cref="Message"/>: the text followed by the code in brackets, e.g.
    /// "This opportunity cannot be won … [CRMC-GATE-NOT-CLEARED]". Clients read the code with <see cref="CodeOf"/>,
    /// never the prose. Codes are listed once, in <see cref="RefusalCodes"/>.
    /// </summary>
    public sealed class Refusal
    {
        public Refusal(string code, string text)
        {
            if (string.IsNullOrEmpty(code)) throw new ArgumentNullException(nameof(code));
            if (string.IsNullOrEmpty(text)) throw new ArgumentNullException(nameof(text));
            Code = code;
            Text = text;
        }

        public string Code { get; }

        public string Text { get; }

        /// <summary>What the platform shows the user: the text, then the code.</summary>
        public string Message => Text + " [" + Code + "]";

        public override string ToString() => Message;

        /// <summary>The code at the end of a refusal message, or null when the message carries none.</summary>
        public static string CodeOf(string message)
        {
            if (string.IsNullOrEmpty(message)) return null;
            string trimmed = message.TrimEnd();
            if (!trimmed.EndsWith("]", StringComparison.Ordinal)) return null;
            int open = trimmed.LastIndexOf(" [" + RefusalCodes.Prefix, StringComparison.Ordinal);
            if (open < 0) return null;
            string code = trimmed.Substring(open + 2, trimmed.Length - open - 3);
            foreach (char c in code)
                if (!(char.IsUpper(c) || char.IsDigit(c) || c == '-')) return null;
            return code;
        }
    }
}
