using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>
    /// A canceled handoff reopened for a new win (the same task: its key allows no second one) is this win's work. The
    /// evidence recorded before its cancellation traced the earlier attempt — a shipment booked, a contract drawn up on the
    /// terms of then — not this win's delivery or contract: left on the task it would let the handoff close at once on
    /// that old trace. So it is set aside: cleared from the task and kept, word for word, in a note on it.
    /// </summary>
    public static class ReopenedHandoffEvidence
    {
        public const string NoteSubject = "Evidence recorded before the cancellation";

        /// <param name="recorded">Each evidence column filled on the canceled handoff: its label and its value.</param>
        /// <param name="reopenedOn">When the new win reopened it.</param>
        /// <returns>The note's text; null when nothing had been recorded (nothing to set aside).</returns>
        public static string Note(IEnumerable<KeyValuePair<string, object>> recorded, DateTime reopenedOn)
        {
            string[] items = recorded.Where(p => p.Value != null && !(p.Value is string text && text.Trim().Length == 0))
                .Select(p => $"{p.Key}: {Text(p.Value)}").ToArray();
            if (items.Length == 0) return null;
            return $"Reopened {reopenedOn:yyyy-MM-dd} for the deal's new win. Recorded before this handoff was canceled, and set aside since it " +
                   $"traced the earlier work: {string.Join("; ", items)}. Fill in this win's evidence before completing the handoff.";
        }

        private static string Text(object value) =>
            value is DateTime date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture);
    }
}
