using System;
using System.Globalization;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// One share of background work too large for one run (the 2-minute limit of a plug-in): the records (or accounts) are
    /// split into <see cref="Count"/> shares by their id — a split that holds however the work is ordered or moves in
    /// between — and each share is re-routed by a background run of its own, all started by the run that found the work
    /// too large, one level below it. None starts another, so the platform's loop protection (depth 8 within an hour)
    /// never cuts the chain, as it would a run that re-started itself. Carried by a routing rule change's
    /// <see cref="ReroutingBatch"/>, an account's or dedicated owner row's <see cref="AccountShare"/> and a leaver's
    /// <see cref="HandoverShare"/>.
    /// </summary>
    public sealed class WorkShare
    {
        /// <summary>What a client that sends a Re-routing Batch (a rule's, a dedicated owner row's, an account's) is told.</summary>
        public const string ReroutingBatchSentence =
            "'Re-routing Batch' is written by CrmCollab when it re-routes open work in the background; it cannot be set by hand. Remove it from the change and save again.";

        /// <summary>Records a share holds on average: room under a run's limit for an uneven split.</summary>
        public const int PerShare = 200;

        private const string Version = "v1";

        public int Index { get; set; }
        public int Count { get; set; }

        /// <summary>How many shares so many records need: one (nothing split) when one run, taking <paramref name="perRun"/>, takes them all.</summary>
        public static int SharesFor(int records, int perRun) => records <= perRun ? 1 : (records + PerShare - 1) / PerShare;

        /// <summary>"share 2 of 5", for a trace.</summary>
        public override string ToString() => $"share {Index + 1} of {Count}";

        /// <summary>Whether the record falls in this share.</summary>
        public bool Takes(Guid id) => ShareOf(id, Count) == Index;

        /// <summary>
        /// The share of an id among <paramref name="count"/>: a hash of every byte of it (FNV-1a), mixed again (MurmurHash3's
        /// finaliser) so that ids made in sequence, which differ in a few bytes only, spread as evenly as random ones.
        /// </summary>
        public static int ShareOf(Guid id, int count)
        {
            if (count <= 1) return 0;
            uint hash = 2166136261;
            foreach (byte b in id.ToByteArray()) hash = (hash ^ b) * 16777619;
            hash ^= hash >> 16;
            hash *= 0x85ebca6b;
            hash ^= hash >> 13;
            hash *= 0xc2b2ae35;
            hash ^= hash >> 16;
            return (int)(hash % (uint)count);
        }

        /// <summary>The text written on the row whose save starts the share's run: version, share, count.</summary>
        public string Write() => string.Join("|", Version, Number(Index), Number(Count));

        /// <summary>The share a text names, or null when it is not one this version wrote.</summary>
        public static WorkShare Read(string text) => Read(text?.Split('|'));

        /// <summary>The share named by the first three parts of a text (<see cref="Write"/>'s), or null.</summary>
        public static WorkShare Read(string[] parts)
        {
            if (parts == null || parts.Length < 3 || parts[0] != Version) return null;
            int? index = Integer(parts[1]), count = Integer(parts[2]);
            if (index == null || count == null || count < 1 || index < 0 || index >= count) return null;
            return new WorkShare { Index = index.Value, Count = count.Value };
        }

        public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        public static int? Integer(string text) =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ? value : (int?)null;
    }
}
