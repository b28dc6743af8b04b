using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>unpack(pack(folder)) must give the folder back (DLLs aside: they are build output).</summary>
    public static class RoundTrip
    {
        /// <summary>Marks a difference of formatting only (e.g. an attribute written in single quotes in the folder,
        /// which the XML writer writes in double quotes): the content is the same, so it is not an error.</summary>
        public const string FormattingOnly = "round trip (formatting only): ";

        /// <summary>Content differences between the folder and its packed-then-unpacked copy; empty when they agree.</summary>
        public static List<string> Check(SolutionFolder folder, BuiltDll dll) =>
            Differences(folder, dll).Where(d => !d.StartsWith(FormattingOnly, StringComparison.Ordinal)).ToList();

        /// <summary>Every difference, formatting-only ones included (prefixed with <see cref="FormattingOnly"/>).</summary>
        public static List<string> Differences(SolutionFolder folder, BuiltDll dll)
        {
            var temp = Path.Combine(Path.GetTempPath(), "crmc-roundtrip-" + Guid.NewGuid().ToString("N"));
            try
            {
                var zip = DeterministicZip.Write(SolutionPacker.Entries(folder, dll, managed: false));
                Unpacker.Unpack(zip, temp);
                return Compare(folder.Root, temp);
            }
            finally
            {
                if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            }
        }

        public static List<string> Compare(string expected, string actual)
        {
            var a = Files(expected);
            var b = Files(actual);
            var problems = new List<string>();
            foreach (var missing in a.Except(b)) problems.Add($"round trip: {missing} does not come back from the package");
            foreach (var extra in b.Except(a)) problems.Add($"round trip: {extra} appears after unpacking but is not in the folder");
            foreach (var file in a.Intersect(b))
            {
                var x = File.ReadAllBytes(Path.Combine(expected, file));
                var y = File.ReadAllBytes(Path.Combine(actual, file));
                if (x.AsSpan().SequenceEqual(y)) continue;
                var same = file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                           && XmlFiles.SameContent(XmlFiles.Parse(x, file), XmlFiles.Parse(y, file));
                problems.Add(same
                    ? $"{FormattingOnly}{file} comes back with the same content, formatted differently"
                    : $"round trip: {file} comes back different");
            }
            return problems;
        }

        private static SortedSet<string> Files(string root) =>
            new SortedSet<string>(Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => !f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)), StringComparer.Ordinal);
    }
}
