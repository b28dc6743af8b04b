using System.IO;
using System.Linq;
using Spectre.Console;

namespace CrmCollab.Cli
{
    /// <summary>
    /// The one rule for paths, in every command: a path you type is relative to the current folder; an input option you
    /// leave out reads the repository crmcollab was built from; output goes to the current folder's out/ by default.
    /// An empty or unusable path is a usage error (exit 2) found before any work starts.
    /// </summary>
    public static class CliPath
    {
        public const string HelpText = "Relative paths are read from the current folder.";

        /// <summary>Settings validation: any path option given but empty is refused, naming the option.</summary>
        public static ValidationResult NotBlank(params (string Option, string Value)[] options)
        {
            var blank = options.FirstOrDefault(o => o.Value != null && o.Value.Trim().Length == 0);
            return blank.Option == null ? ValidationResult.Success()
                : ValidationResult.Error($"{blank.Option} is empty: give a path, or leave the option out to use its default.");
        }

        /// <summary>Settings validation for an option with no default to fall back on (required, or with one accepted
        /// value): given but empty is refused with what to give instead.</summary>
        public static ValidationResult NotEmpty(string option, string value, string whatToGive) =>
            value != null && value.Trim().Length == 0 ? ValidationResult.Error($"{option} is empty: {whatToGive}.") : ValidationResult.Success();

        /// <summary>The first of several validations that fails, or success.</summary>
        public static ValidationResult First(params ValidationResult[] results) =>
            results.FirstOrDefault(r => !r.Successful) ?? ValidationResult.Success();

        /// <summary>A typed path (current folder) or, when left out, the repository's default.</summary>
        public static string Input(string typed, string repoDefault) =>
            typed != null ? Path.GetFullPath(typed) : RepoPaths.Default(repoDefault);

        public static string ExistingFile(string typed, string repoDefault, string what)
        {
            string path = Input(typed, repoDefault);
            if (Directory.Exists(path)) throw new UsageException($"{what} is a folder, not a file: {path}");
            if (!File.Exists(path)) throw new UsageException($"{what} not found: {path}");
            return path;
        }

        public static string ExistingFolder(string typed, string repoDefault, string what)
        {
            string path = Input(typed, repoDefault);
            if (File.Exists(path)) throw new UsageException($"{what} is a file, not a folder: {path}");
            if (!Directory.Exists(path)) throw new UsageException($"{what} not found: {path}");
            return path;
        }

        /// <summary>An output folder to create only once the work succeeds (pack): refused now when it, or a folder above
        /// it, is a file.</summary>
        public static string PlannedOutput(string typed)
        {
            string path = Path.GetFullPath(typed ?? "out");
            for (string at = path; at != null; at = Path.GetDirectoryName(at))
                if (File.Exists(at)) throw new UsageException($"cannot create the output folder {path}: {at} is a file; give a folder path for the output.");
            return path;
        }

        /// <summary>The output folder, created and proven writable now, so a bad --output fails before the work.</summary>
        public static string Output(string typed) => OutputFiles.Folder(PlannedOutput(typed));
    }
}
