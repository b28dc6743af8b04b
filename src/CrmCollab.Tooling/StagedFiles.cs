using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmCollab.Tooling.Packaging;

namespace CrmCollab.Tooling
{
    /// <summary>
    /// The one way the tools change several files: all of them or none. What stands in the way (a folder where a file
    /// goes, a file where a folder goes) is named before anything is written; then every file is written beside its
    /// target under a temporary name, and only once all are written are they moved into place (the files they replace
    /// or delete kept aside until the end, and put back if a move fails). A failure is one sentence (PackagingException).
    /// </summary>
    public static class StagedFiles
    {
        private const string NothingWritten = "nothing was written.";

        /// <summary>Refuses, naming it, anything that would stop one of <paramref name="paths"/> from being written.</summary>
        public static void CheckWritable(IEnumerable<string> paths, string otherOutput = null)
        {
            string instead = otherOutput == null ? "" : $" (or give another {otherOutput})";
            foreach (string path in paths.Select(Path.GetFullPath))
            {
                // A move into place would replace a device (/dev/null given as the output, as root) with a plain file.
                if (IsDeviceOrSystemFile(path))
                    throw new PackagingException($"{path} is a device or system file, not a file the tool can replace: give the path of an " +
                                                 $"ordinary file{instead}, then run again; {NothingWritten}");
                if (Directory.Exists(path))
                    throw new PackagingException($"{path} is a folder, so the file of that name cannot be written: move the folder away{instead}, " +
                                                 $"then run again; {NothingWritten}");
                for (string above = Path.GetDirectoryName(path); above != null; above = Path.GetDirectoryName(above))
                    if (File.Exists(above))
                        throw new PackagingException($"{above} is a file where a folder is needed for {path}: move the file away{instead}, " +
                                                     $"then run again; {NothingWritten}");
            }
        }

        /// <summary>
        /// True for a path on the system's device and process file systems (/dev, /proc, /sys, or a link into them, such as
        /// /dev/stdout) and for Windows device names (\\.\NUL): .NET tells them from a file by no attribute.
        /// </summary>
        private static bool IsDeviceOrSystemFile(string fullPath)
        {
            string resolved = fullPath;
            try
            {
                resolved = new FileInfo(fullPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? fullPath;
            }
            catch (IOException)
            {
                // A broken or looping link: judged by its own path.
            }
            return resolved.StartsWith(@"\\.\", StringComparison.Ordinal)
                || new[] { "/dev/", "/proc/", "/sys/" }.Any(root => resolved.StartsWith(root, StringComparison.Ordinal));
        }

        /// <summary>Writes every file (full path → content) and deletes <paramref name="deletes"/>, or changes nothing.</summary>
        public static void Write(IReadOnlyList<KeyValuePair<string, byte[]>> files, IReadOnlyCollection<string> deletes = null, string otherOutput = null)
        {
            deletes ??= Array.Empty<string>();
            CheckWritable(files.Select(f => f.Key), otherOutput);
            var created = new List<string>();
            var staged = new List<KeyValuePair<string, string>>(); // final → temporary
            var done = new List<Change>();
            try
            {
                foreach (var (path, bytes) in files)
                {
                    string final = Path.GetFullPath(path);
                    Create(Path.GetDirectoryName(final), created);
                    string temp = Beside(final, "tmp");
                    staged.Add(new KeyValuePair<string, string>(final, temp));
                    File.WriteAllBytes(temp, bytes);
                }
                foreach (var (final, temp) in staged)
                {
                    var change = new Change { Path = final, Aside = File.Exists(final) ? Beside(final, "old") : null };
                    if (change.Aside != null) File.Move(final, change.Aside);
                    done.Add(change);
                    File.Move(temp, final);
                    change.Placed = true;
                }
                foreach (string path in deletes.Select(Path.GetFullPath))
                {
                    var change = new Change { Path = path, Aside = Beside(path, "old") };
                    File.Move(path, change.Aside);
                    done.Add(change);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Undo(done, staged, created);
                throw new PackagingException($"could not write every file ({e.Message.Trim()}), so {NothingWritten}");
            }
            foreach (var change in done.Where(c => c.Aside != null)) TryDelete(change.Aside);
        }

        private sealed class Change
        {
            public string Path;
            /// <summary>Where the file it replaces (or deletes) was kept, or null when there was none.</summary>
            public string Aside;
            public bool Placed;
        }

        private static void Undo(List<Change> done, List<KeyValuePair<string, string>> staged, List<string> created)
        {
            for (int i = done.Count - 1; i >= 0; i--)
            {
                try
                {
                    if (done[i].Placed) File.Delete(done[i].Path);
                    if (done[i].Aside != null && File.Exists(done[i].Aside)) File.Move(done[i].Aside, done[i].Path, overwrite: true);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // Best effort: the file kept aside stays beside its place, under a name that says so.
                }
            }
            foreach (var (_, temp) in staged) TryDelete(temp);
            for (int i = created.Count - 1; i >= 0; i--)
            {
                try
                {
                    if (Directory.Exists(created[i]) && !Directory.EnumerateFileSystemEntries(created[i]).Any()) Directory.Delete(created[i]);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // An empty folder left behind is no half-written file.
                }
            }
        }

        /// <summary>Creates a folder and the missing ones above it, remembering each so that a failure removes them.</summary>
        private static void Create(string folder, List<string> created)
        {
            var missing = new Stack<string>();
            for (string at = folder; at != null && !Directory.Exists(at); at = Path.GetDirectoryName(at)) missing.Push(at);
            while (missing.Count > 0)
            {
                string next = missing.Pop();
                Directory.CreateDirectory(next);
                created.Add(next);
            }
        }

        private static string Beside(string path, string kind) =>
            Path.Combine(Path.GetDirectoryName(path), $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.{kind}");

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // A temporary file that cannot be removed is left, under a name that says what it is.
            }
        }
    }
}
