using System.IO;
using System.Threading;
using CrmCollab.Tooling.Packaging;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    /// <summary>
    /// Unpacks an exported (or packed) solution zip into the folder layout of solution/ (logic: UnpackTarget): into a new
    /// or empty folder, or over an existing one with --allow-write (--allow-delete), like pac; a bad zip changes nothing.
    /// </summary>
    public sealed class UnpackCommand : Command<UnpackSettings>
    {
        public override int Execute(CommandContext context, UnpackSettings settings, CancellationToken cancellationToken)
        {
            string zip = CliPath.ExistingFile(settings.Zip, null, "zip");
            string folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.Folder
                ?? Path.Combine("out", "unpacked", Path.GetFileNameWithoutExtension(zip))));
            if (File.Exists(folder)) throw new UsageException($"target folder is a file: {folder}");
            CliPath.PlannedOutput(folder); // a file above it: said now, not as a failed write into a staging folder
            if (settings.AllowDelete && !settings.AllowWrite) throw new UsageException("--allow-delete goes with --allow-write.");
            var outcome = UserFacingException.From(() => UnpackTarget.Unpack(File.ReadAllBytes(zip), folder, settings.AllowWrite, settings.AllowDelete));
            System.Console.WriteLine($"Unpacked {Path.GetFileName(zip)} into {folder}: {outcome.Written} written, {outcome.Unchanged} unchanged, " +
                $"{outcome.Deleted} deleted" + (outcome.Kept.Count > 0 ? $", {outcome.Kept.Count} kept (not in the package; --allow-delete removes them)" : "") + ".");
            return ExitCodes.Ok;
        }
    }
}
