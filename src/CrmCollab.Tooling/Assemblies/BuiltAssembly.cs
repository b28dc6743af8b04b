using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CrmCollab.Tooling.Assemblies
{
    /// <summary>
    /// What a built plugin DLL says about itself, read from its metadata without loading it (it targets .NET
    /// Framework): identity, signing, referenced assemblies and public types.
    /// </summary>
    public sealed class BuiltAssembly
    {
        private BuiltAssembly() { }

        public string Path { get; private set; }
        public AssemblyName Identity { get; private set; }
        public bool IsStrongNameSigned { get; private set; }
        public IReadOnlyList<AssemblyName> References { get; private set; }
        public IReadOnlyList<string> PublicTypes { get; private set; }

        /// <summary>Public, concrete classes implementing Microsoft.Xrm.Sdk.IPlugin, directly or through a base
        /// class of the same assembly (e.g. PluginBase): what a plugin step may name.</summary>
        public IReadOnlyList<string> PluginTypes { get; private set; }

        /// <summary>Public, concrete classes deriving from System.Activities.CodeActivity (custom workflow activities).</summary>
        public IReadOnlyList<string> WorkflowActivityTypes { get; private set; }

        /// <summary>The framework the assembly was built for, from its TargetFrameworkAttribute
        /// (".NETFramework,Version=v4.6.2"); null when the attribute is absent.</summary>
        public string TargetFramework { get; private set; }

        /// <summary>True for a class library (a DLL), false for an executable.</summary>
        public bool IsLibrary { get; private set; }

        public string PublicKeyToken => Hex(Identity.GetPublicKeyToken());

        public static BuiltAssembly Read(string path)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"Built assembly not found: {path}. Build the solution first.", path);
            using (var stream = File.OpenRead(path))
            using (var pe = new PEReader(stream))
            {
                MetadataReader reader;
                try
                {
                    reader = pe.GetMetadataReader();
                }
                catch (Exception e) when (e is BadImageFormatException || e is InvalidOperationException)
                {
                    // Not a PE file, or a native one: a wrong --dll, not a bug.
                    throw new InvalidDataException($"{path} is not a .NET assembly ({e.Message}).");
                }
                CorHeader cor = pe.PEHeaders.CorHeader;
                var kinds = new TypeKinds(reader);
                return new BuiltAssembly
                {
                    Path = path,
                    Identity = reader.GetAssemblyDefinition().GetAssemblyName(),
                    IsStrongNameSigned = (cor.Flags & CorFlags.StrongNameSigned) != 0 && cor.StrongNameSignatureDirectory.Size > 0,
                    References = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName()).ToList(),
                    PublicTypes = reader.TypeDefinitions.Select(reader.GetTypeDefinition)
                        .Where(t => (t.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public)
                        .Select(t => FullName(reader, t)).ToList(),
                    PluginTypes = kinds.Registrable(TypeKinds.IPlugin, isInterface: true),
                    WorkflowActivityTypes = kinds.Registrable(TypeKinds.CodeActivity, isInterface: false),
                    TargetFramework = AssemblyAttributes.TargetFramework(reader),
                    IsLibrary = pe.PEHeaders.IsDll,
                };
            }
        }

        public AssemblyName Reference(string name) =>
            References.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

        public static string Hex(byte[] bytes) => bytes == null ? "" : string.Concat(bytes.Select(b => b.ToString("x2")));

        internal static string FullName(MetadataReader reader, TypeDefinition type)
        {
            string ns = reader.GetString(type.Namespace);
            string name = reader.GetString(type.Name);
            return ns.Length == 0 ? name : ns + "." + name;
        }
    }
}
