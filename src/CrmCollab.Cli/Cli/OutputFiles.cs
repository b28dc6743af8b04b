using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CrmCollab.Cli
{
    /// <summary>
    /// Writes a command's output files so that none is ever left half-written: each is written beside its target
    /// under a temporary name and renamed into place only once every file is written. A failure is one line.
    /// </summary>
    public static class OutputFiles
    {
        /// <summary>Creates the output folder and writes (then removes) a probe file in it now, so an output that cannot
        /// be written is a usage error before any work is done.</summary>
        public static string Folder(string path)
        {
            string folder;
            try
            {
                folder = Directory.CreateDirectory(path).FullName;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new UsageException($"cannot create the output folder {path}: {e.Message}");
            }
            string probe = Path.Combine(folder, $".crmcollab-probe.{Guid.NewGuid():N}.tmp");
            try
            {
                File.WriteAllBytes(probe, Array.Empty<byte>());
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write to the output folder {folder}: {e.Message}");
            }
            return folder;
        }

        /// <summary>Removes a folder a failed run created, when nothing was written into it.</summary>
        public static void RemoveIfEmpty(string folder)
        {
            try
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Left as it is: an empty folder is no half-written output.
            }
        }

        /// <summary>Writes every file into <paramref name="folder"/>; returns their full paths in the given order.</summary>
        public static IReadOnlyList<string> Write(string folder, IReadOnlyList<(string Name, byte[] Bytes)> files)
        {
            var staged = new List<(string Temp, string Final)>();
            try
            {
                folder = Directory.CreateDirectory(folder).FullName;
                foreach (var (name, bytes) in files)
                {
                    string final = Path.Combine(folder, name);
                    string temp = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
                    staged.Add((temp, final));
                    File.WriteAllBytes(temp, bytes);
                }
                foreach (var (temp, final) in staged) File.Move(temp, final, overwrite: true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                foreach (var (temp, _) in staged) File.Delete(temp);
                throw new UserFacingException($"cannot write to {folder}: {e.Message}");
            }
            return staged.ConvertAll(s => s.Final);
        }
    }
}
