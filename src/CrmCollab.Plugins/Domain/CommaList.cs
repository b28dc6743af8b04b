using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain
{
    /// <summary>Admin-typed lists of column names ("crmc_trackingnumber, crmc_deliveredon"), read leniently.</summary>
    public static class CommaList
    {
        public static IReadOnlyList<string> Parse(string text) =>
            string.IsNullOrWhiteSpace(text)
                ? Array.Empty<string>()
                : text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct().ToArray();
    }
}
