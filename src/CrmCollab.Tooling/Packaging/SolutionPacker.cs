using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmCollab.Tooling.Assemblies;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>The built plugin DLL: its identity (read from its metadata) and its bytes.</summary>
    public sealed class BuiltDll
    {
        public BuiltDll(AssemblyIdentity identity, byte[] bytes)
        {
            Identity = identity;
            Bytes = bytes;
        }

        public AssemblyIdentity Identity { get; }
        public byte[] Bytes { get; }

        /// <summary>Its metadata (types, references, signing) when read from a file; null when built from bytes.</summary>
        public BuiltAssembly Metadata { get; private init; }

        /// <summary>Reads a built DLL; a missing file or one that is not a .NET assembly is one clear line.</summary>
        public static BuiltDll Read(string path)
        {
            if (!File.Exists(path))
                throw new PackagingException($"built plugin assembly not found: {path} (build first: dotnet build CrmCollab.sln -c Release)");
            BuiltAssembly metadata;
            try
            {
                metadata = BuiltAssembly.Read(path);
            }
            catch (InvalidDataException e)
            {
                throw new PackagingException(e.Message);
            }
            if (PluginFramework.Problem(metadata) is string problem) throw new PackagingException(problem);
            return new BuiltDll(AssemblyIdentity.Of(metadata), File.ReadAllBytes(path)) { Metadata = metadata };
        }
    }

    public sealed class PackResult
    {
        public string UnmanagedName { get; set; }
        public byte[] Unmanaged { get; set; }
        public string ManagedName { get; set; }
        public byte[] Managed { get; set; }
    }

    /// <summary>
    /// Builds the solution zips from a folder and the built DLL, exactly in the layout of a Dataverse export:
    /// customizations.xml, solution.xml, environmentvariabledefinitions/…, customapis/…, PluginAssemblies/&lt;AsmNoDots&gt;-&lt;ID&gt;/&lt;AsmNoDots&gt;.dll,
    /// WebResources/&lt;name without / and .&gt;&lt;ID&gt;, and [Content_Types].xml last.
    /// </summary>
    public static class SolutionPacker
    {
        public static PackResult Pack(SolutionFolder folder, BuiltDll dll)
        {
            var manifest = folder.Manifest.Root.Element("SolutionManifest");
            var uniqueName = XmlFiles.Text(manifest, "UniqueName") ?? throw new PackagingException("Other/Solution.xml: <SolutionManifest> lacks <UniqueName>");
            var version = XmlFiles.Text(manifest, "Version") ?? throw new PackagingException("Other/Solution.xml: <SolutionManifest> lacks <Version>");
            return new PackResult
            {
                UnmanagedName = PackagingNames.ZipName(uniqueName, version, managed: false),
                Unmanaged = DeterministicZip.Write(Entries(folder, dll, managed: false)),
                ManagedName = PackagingNames.ZipName(uniqueName, version, managed: true),
                Managed = DeterministicZip.Write(Entries(folder, dll, managed: true)),
            };
        }

        /// <summary>The parts of one package, in export order.</summary>
        public static List<KeyValuePair<string, byte[]>> Entries(SolutionFolder folder, BuiltDll dll, bool managed)
        {
            var parts = new List<KeyValuePair<string, byte[]>>
            {
                Part(PackagingNames.CustomizationsXml, XmlFiles.Bytes(CustomizationsWriter.Assemble(folder, dll?.Identity), finalNewline: false)),
                Part(PackagingNames.SolutionXml, XmlFiles.Bytes(SolutionManifestWriter.Write(folder, managed), finalNewline: false)),
            };
            parts.AddRange(folder.EnvironmentVariables.Select(f => Part(f.Path, f.Bytes)));
            parts.AddRange(folder.CustomApis.Select(f => Part(f.Path, f.Bytes)));
            parts.AddRange(folder.Carried.Select(f => Part(f.Path, f.Bytes)));
            parts.AddRange(Assemblies(folder, dll).OrderBy(p => p.Key, StringComparer.Ordinal));
            parts.AddRange(folder.WebResources
                .Select(w => Part(PackagingNames.WebResourceZipPath(w.Name, w.Id), w.Content
                    ?? throw new PackagingException($"{w.ContentPath}: web resource content is missing (build the web resources first)")))
                .OrderBy(p => p.Key, StringComparer.Ordinal));
            parts.Add(Part(PackagingNames.ContentTypesXml, ContentTypesWriter.Write(parts.Select(p => p.Key))));
            return parts;
        }

        private static IEnumerable<KeyValuePair<string, byte[]>> Assemblies(SolutionFolder folder, BuiltDll dll)
        {
            foreach (var asm in folder.Assemblies)
            {
                var name = PackagingNames.SimpleName((string)asm.Root.Attribute("FullName"))
                           ?? throw new PackagingException($"{asm.Path}: <PluginAssembly> lacks FullName");
                var id = CustomizationsWriter.AssemblyId(asm)
                         ?? throw new PackagingException($"{asm.Path}: no PluginAssemblyId attribute and no GUID in the folder name");
                if (dll == null || !string.Equals(dll.Identity.Name, name, StringComparison.Ordinal))
                    throw new PackagingException($"{asm.Path}: no built DLL for assembly '{name}'" + (dll == null ? "" : $" (the built DLL is '{dll.Identity.Name}')"));
                yield return Part(PackagingNames.AssemblyZipPath(name, id), dll.Bytes);
            }
        }

        private static KeyValuePair<string, byte[]> Part(string name, byte[] bytes) => new KeyValuePair<string, byte[]>(name, bytes);
    }
}
