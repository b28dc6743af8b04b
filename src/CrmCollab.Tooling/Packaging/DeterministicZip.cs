using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>
    /// Writes zip archives that depend only on their entries: given order, forward-slash names, one fixed
    /// timestamp, no file-system attributes. The same entries give byte-identical archives.
    /// </summary>
    public static class DeterministicZip
    {
        /// <summary>Every entry's time stamp (DOS time, no time zone): 2000-01-01 00:00:00.</summary>
        public static readonly DateTimeOffset Timestamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public static byte[] Write(IEnumerable<KeyValuePair<string, byte[]>> entries)
        {
            using var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (name, bytes) in entries)
                {
                    if (name.Contains('\\') || name.StartsWith("/", StringComparison.Ordinal))
                        throw new ArgumentException($"zip entry '{name}' must be relative with forward slashes");
                    if (!names.Add(name)) throw new ArgumentException($"zip entry '{name}' is there twice");
                    var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                    entry.LastWriteTime = Timestamp;
                    entry.ExternalAttributes = 0;
                    using var output = entry.Open();
                    output.Write(bytes, 0, bytes.Length);
                }
            }
            return stream.ToArray();
        }

        /// <summary>Entries of an archive in their stored order.</summary>
        public static List<KeyValuePair<string, byte[]>> Read(byte[] archive)
        {
            var result = new List<KeyValuePair<string, byte[]>>();
            ZipArchive opened;
            try
            {
                opened = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
            }
            catch (InvalidDataException)
            {
                throw new InvalidDataException("not a zip file, or a damaged one: give a solution zip exported from Dataverse or written by crmcollab pack");
            }
            using var zip = opened;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith("/", StringComparison.Ordinal)) continue; // folder entry
                using var input = entry.Open();
                using var copy = new MemoryStream();
                input.CopyTo(copy);
                result.Add(new KeyValuePair<string, byte[]>(entry.FullName, copy.ToArray()));
            }
            return result;
        }
    }
}
