using System;
using System.IO;
using System.Threading;
using CrmCollab.Tooling.Packaging;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    /// <summary>Unpacks an exported (or packed) solution zip into the folder layout of solution/.</summary>
    public sealed class UnpackCommand : Command<UnpackSettings>
    {
        public override int Execute(CommandContext context, UnpackSettings settings, CancellationToken cancellationToken)
        {
            string zip = CliPath.ExistingFile(settings.Zip, null, "zip");
            string folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.Folder
                ?? Path.Combine("out", "unpacked", Path.GetFileNameWithoutExtension(zip))));
            if (File.Exists(folder)) throw new UsageException($"target folder is a file: {folder}");
            if (Directory.Exists(folder) && Directory.GetFileSystemEntries(folder).Length > 0)
                throw new UserFacingException($"target folder is not empty: {folder}");
            Unpack(File.ReadAllBytes(zip), folder);
            Console.WriteLine($"Unpacked {Path.GetFileName(zip)} into {folder}");
            return ExitCodes.Ok;
        }

        /// <summary>Unpacks beside the target and moves the result in only when complete: a bad package leaves no
        /// half-filled folder for the user to clean up.</summary>
        private static void Unpack(byte[] archive, string folder)
        {
            string staging = Path.Combine(Path.GetDirectoryName(folder), $".{Path.GetFileName(folder)}.{Guid.NewGuid():N}.partial");
            try
            {
                UserFacingException.From(() =>
                {
                    Unpacker.Unpack(archive, staging);
                    return 0;
                });
                if (Directory.Exists(folder)) Directory.Delete(folder); // checked empty above
                Directory.Move(staging, folder);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new UserFacingException($"cannot write {folder}: {e.Message}");
            }
            finally
            {
                if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            }
        }
    }
}
