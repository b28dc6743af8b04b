using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using CrmCollab.Tooling;
using CrmCollab.Tooling.Packaging;

namespace CrmCollab.Cli.Commands
{
    /// <summary>
    /// Packs solution/ and the built plugin DLL into CrmCollab_&lt;version&gt;.zip and CrmCollab_&lt;version&gt;_managed.zip,
    /// after every check passes. Builds nothing: the DLL must already be built.
    /// </summary>
    public sealed class PackCommand : ICommand
    {
        public string Name => "pack";
        public string Summary => "build the managed and unmanaged solution zips from solution/ and the built DLL";

        public IReadOnlyList<OptionSpec> Options { get; } = new[]
        {
            new OptionSpec("solution", "unpacked solution folder", "solution"),
            new OptionSpec("config", "project configuration", "pac.config"),
            new OptionSpec("output", "folder the zips are written to", "out"),
            new OptionSpec("dll", "built plugin DLL (default: the net462 build of pac.config's plugin project)"),
        };

        public string Help() => CommandLine.Help(Name, Summary, Options);

        public int Run(ParsedOptions options)
        {
            PacConfig config = PackagingCommandSupport.Config(options);
            string folderPath = RepoPaths.SolutionFolder(options.Get("solution"));
            ValidationContext context = PackagingCommandSupport.Context(options, config);
            BuiltDll dll = UserFacingException.From(() => BuiltDll.Read(context.PluginDll));

            ValidationReport report = SolutionValidator.ValidateFolder(folderPath, context);
            if (!report.Ok) return PackagingCommandSupport.Print(report, "pack refused, the solution is not valid");

            SolutionFolder folder = UserFacingException.From(() => SolutionFolder.Read(folderPath));
            PackResult result = UserFacingException.From(() => SolutionPacker.Pack(folder, dll));
            string output = Path.IsPathRooted(options.Get("output")) ? options.Get("output") : Path.Combine(RepoPaths.Root, options.Get("output"));
            var zips = new[] { (result.ManagedName, result.Managed), (result.UnmanagedName, result.Unmanaged) };
            IReadOnlyList<string> paths = OutputFiles.Write(output, zips);
            for (int i = 0; i < zips.Length; i++)
                Console.WriteLine($"{paths[i]}  {zips[i].Item2.Length} bytes  sha256 {Convert.ToHexString(SHA256.HashData(zips[i].Item2)).ToLowerInvariant()}");
            Console.WriteLine($"Plugin assembly: {dll.Identity.FullName}");
            return 0;
        }
    }
}
