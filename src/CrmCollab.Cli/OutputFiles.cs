using System;
using System.Collections.Generic;
using System.IO;

namespace CrmCollab.Cli
{
    /// <summary>
    /// Writes a command's output files so that none is ever left half-written: each is written beside its target
    /// under a temporary name and renamed into place only once every file is written. A failure is one line.
    /// </summary>
    public static class OutputFiles
    {
        /// <summary>Creates the output folder now, so a bad --output fails before any work is done.</summary>
        public static string Folder(string path)
        {
            try
            {
                return Directory.CreateDirectory(path).FullName;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new UserFacingException($"cannot create the output folder {path}: {e.Message}");
            }
        }

        /// <summary>Writes every file into <paramref name="folder"/>; returns their full paths in the given order.</summary>
        public static IReadOnlyList<string> Write(string folder, IReadOnlyList<(string Name, byte[] Bytes)> files)
        {
            folder = Folder(folder);
            var staged = new List<(string Temp, string Final)>();
            try
            {
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
