using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmCollab.Tooling;
using CrmCollab.Tooling.Packaging;

namespace CrmCollab.Cli
{
    /// <summary>
    /// Writes a command's output files so that none is ever left half-written, and no set half-replaced: all of them or
    /// none (Tooling's StagedFiles). A failure is one line.
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

        /// <summary>Refuses now (exit 2), before the work, an output folder where one of the files the command will write
        /// cannot be written (a folder of that name is there).</summary>
        public static void CheckFree(string folder, IEnumerable<string> names)
        {
            try
            {
                StagedFiles.CheckWritable(names.Select(n => Path.Combine(folder, n)), "--output");
            }
            catch (PackagingException e)
            {
                throw new UsageException($"cannot write to {folder}: {e.Message}");
            }
        }

        /// <summary>Writes every file into <paramref name="folder"/>, all or none (Tooling's StagedFiles); returns their
        /// full paths in the given order.</summary>
        public static IReadOnlyList<string> Write(string folder, IReadOnlyList<(string Name, byte[] Bytes)> files)
        {
            var paths = files.Select(f => Path.Combine(Path.GetFullPath(folder), f.Name)).ToList();
            try
            {
                StagedFiles.Write(paths.Select((p, i) => new KeyValuePair<string, byte[]>(p, files[i].Bytes)).ToList(), otherOutput: "--output");
            }
            catch (PackagingException e)
            {
                throw new UserFacingException($"cannot write to {folder}: {e.Message}");
            }
            return paths;
        }
    }
}
