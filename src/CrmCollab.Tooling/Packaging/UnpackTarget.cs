using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>What an unpack changed in its target folder.</summary>
    public sealed class UnpackOutcome
    {
        public int Written { get; set; }
        public int Unchanged { get; set; }
        public int Deleted { get; set; }
        /// <summary>Files in the target the package does not have, left in place (no --allow-delete).</summary>
        public List<string> Kept { get; } = new List<string>();
    }

    /// <summary>
    /// Unpacks a solution zip into a folder, as `pac solution unpack` does: into a new or empty folder by default; over
    /// an existing one with <c>allowWrite</c> (files added or replaced), and with <c>allowDelete</c> as well, files the
    /// package no longer has are removed. The package is unpacked beside the target first, so a bad zip leaves the
    /// target exactly as it was.
    /// </summary>
    public static class UnpackTarget
    {
        public static UnpackOutcome Unpack(byte[] archive, string folder, bool allowWrite = false, bool allowDelete = false)
        {
            folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
            if (allowDelete && !allowWrite)
                throw new PackagingException("--allow-delete removes files only while unpacking over a folder: add --allow-write.");
            var occupied = Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any();
            if (occupied && !allowWrite)
                throw new PackagingException($"target folder is not empty: {folder}. Add --allow-write to unpack over it " +
                                             "(and --allow-delete to remove files the package no longer has).");

            var staging = Path.Combine(Path.GetDirectoryName(folder) ?? ".", $".{Path.GetFileName(folder)}.{Guid.NewGuid():N}.partial");
            try
            {
                Unpacker.Unpack(archive, staging);
                if (!occupied)
                {
                    if (Directory.Exists(folder)) Directory.Delete(folder);
                    Directory.Move(staging, folder);
                    return new UnpackOutcome { Written = Files(folder).Count };
                }
                return Merge(staging, folder, allowDelete);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new PackagingException($"cannot write {folder}: {e.Message}");
            }
            finally
            {
                if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            }
        }

        /// <summary>The package over an existing folder: every changed file and every deletion at once, or none of them
        /// (StagedFiles), so a failure never leaves the folder half the old solution and half the new.</summary>
        private static UnpackOutcome Merge(string staging, string folder, bool allowDelete)
        {
            var outcome = new UnpackOutcome();
            var incoming = Files(staging);
            var writes = new List<KeyValuePair<string, byte[]>>();
            foreach (var file in incoming)
            {
                var bytes = File.ReadAllBytes(Path.Combine(staging, file));
                var to = Path.Combine(folder, file);
                if (File.Exists(to) && File.ReadAllBytes(to).AsSpan().SequenceEqual(bytes)) outcome.Unchanged++;
                else writes.Add(new KeyValuePair<string, byte[]>(to, bytes));
            }
            var wanted = new HashSet<string>(incoming, StringComparer.Ordinal);
            var deletes = new List<string>();
            foreach (var file in Files(folder).Where(f => !wanted.Contains(f)))
            {
                if (!allowDelete || Path.GetFileName(file).StartsWith(".", StringComparison.Ordinal)) outcome.Kept.Add(file);
                else deletes.Add(Path.Combine(folder, file));
            }
            StagedFiles.Write(writes, deletes);
            outcome.Written = writes.Count;
            outcome.Deleted = deletes.Count;
            if (allowDelete) RemoveEmptyFolders(folder);
            return outcome;
        }

        private static void RemoveEmptyFolders(string folder)
        {
            foreach (var dir in Directory.GetDirectories(folder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
                if (!Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
        }

        private static List<string> Files(string root) =>
            Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal).ToList();
    }
}
