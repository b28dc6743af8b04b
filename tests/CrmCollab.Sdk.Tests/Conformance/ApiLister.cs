using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace CrmCollab.Sdk.Tests.Conformance
{
    /// <summary>
    /// Lists the public surface of an assembly file in the line format of the baseline files in api-baseline/
    /// (format: shared/dataverse-api/README.md). The assembly is inspected through a MetadataLoadContext, never
    /// loaded for execution, so net462 builds can be listed on modern .NET against the net462 reference assemblies.
    /// </summary>
    public static class ApiLister
    {
        /// <summary>The sorted listing, without the four `# ` header lines.</summary>
        public static List<string> List(string assemblyPath) => Inspect(assemblyPath, (asm, lines) => lines);

        /// <summary>The four `# ` header lines (identity, file version, target framework, counts) for the same listing.</summary>
        public static List<string> Header(string assemblyPath) => Inspect(assemblyPath, (asm, lines) =>
        {
            CustomAttributeData fileVersion = Find(asm.GetCustomAttributesData(), "System.Reflection.AssemblyFileVersionAttribute");
            CustomAttributeData tfm = Find(asm.GetCustomAttributesData(), "System.Runtime.Versioning.TargetFrameworkAttribute");
            string display = tfm?.NamedArguments.Where(n => n.MemberName == "FrameworkDisplayName")
                .Select(n => " (FrameworkDisplayName=" + n.TypedValue.Value + ")").FirstOrDefault() ?? "";
            var (types, members) = Count(lines);
            return new List<string>
            {
                "# assembly: " + asm.GetName().FullName,
                "# file version: " + fileVersion?.ConstructorArguments[0].Value,
                "# target framework: " + tfm?.ConstructorArguments[0].Value + display,
                $"# public types: {types}, public members: {members}",
            };
        });

        /// <summary>Type lines and member lines (type-attribute lines are neither), as the header counts them.</summary>
        public static (int Types, int Members) Count(IEnumerable<string> lines)
        {
            var list = lines.ToList();
            return (list.Count(l => string.CompareOrdinal(l, NameEnd(l), " type ", 0, 6) == 0), list.Count(IsMemberLine));
        }

        private static bool IsMemberLine(string line) => line.IndexOf("::", 0, NameEnd(line), StringComparison.Ordinal) >= 0;

        // The first token ends at the first space outside angle brackets (`DataCollection<TKey, TValue>::ctor`).
        private static int NameEnd(string line)
        {
            int depth = 0;
            for (int i = 0; i < line.Length; i++)
            {
                if (line[i] == '<') depth++;
                else if (line[i] == '>') depth--;
                else if (line[i] == ' ' && depth == 0) return i;
            }
            return line.Length;
        }

        private static CustomAttributeData Find(IEnumerable<CustomAttributeData> attributes, string fullName) =>
            attributes.FirstOrDefault(a => a.AttributeType.FullName == fullName);

        private static T Inspect<T>(string assemblyPath, Func<Assembly, List<string>, T> result)
        {
            assemblyPath = Path.GetFullPath(assemblyPath);
            bool netFramework = IsNetFramework(assemblyPath);
            using var context = new MetadataLoadContext(
                new PathAssemblyResolver(ResolverPaths(assemblyPath, netFramework)),
                netFramework ? "mscorlib" : "System.Private.CoreLib");
            Assembly asm = context.LoadFromAssemblyPath(assemblyPath);
            var lister = new Lister(DeclaredInterfaces.Read(assemblyPath));
            foreach (Type t in asm.GetTypes().Where(t => t.DeclaringType == null && t.IsPublic).OrderBy(t => t.FullName, StringComparer.Ordinal))
                lister.ListType(t);
            lister.Lines.Sort(StringComparer.Ordinal);
            return result(asm, lister.Lines);
        }

        /// <summary>A .NET Framework build is mscorlib or references it, and neither System.Runtime nor netstandard.</summary>
        private static bool IsNetFramework(string assemblyPath)
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            var names = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
            bool isMscorlib = md.GetString(md.GetAssemblyDefinition().Name) == "mscorlib";
            return isMscorlib || (names.Contains("mscorlib") && !names.Contains("System.Runtime") && !names.Contains("netstandard"));
        }

        /// <summary>
        /// Dependencies: the assembly's own folder first (sibling surface assemblies), then the net462 reference
        /// assemblies (with Facades/) or the running runtime's folder; for net10.0 also the test output folder, which
        /// holds the package dependencies (System.ServiceModel.Primitives) that a library's bin folder does not get.
        /// The first file of a given name wins, so the surface's own copies are never shadowed.
        /// </summary>
        private static IEnumerable<string> ResolverPaths(string assemblyPath, bool netFramework)
        {
            var dirs = new List<string> { Path.GetDirectoryName(assemblyPath) };
            if (netFramework)
            {
                string refs = TestSettings.NetFrameworkReferenceAssemblies;
                dirs.Add(refs);
                dirs.Add(Path.Combine(refs, "Facades"));
            }
            else
            {
                dirs.Add(RuntimeEnvironment.GetRuntimeDirectory());
                dirs.Add(Path.GetDirectoryName(typeof(object).Assembly.Location));
                dirs.Add(AppContext.BaseDirectory);
            }
            var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string dir in dirs.Where(Directory.Exists))
                foreach (string file in Directory.EnumerateFiles(dir, "*.dll"))
                    byName.TryAdd(Path.GetFileName(file), file);
            return byName.Values;
        }

        private sealed class Lister
        {
            private readonly Dictionary<int, List<string>> _declaredInterfaces;

            public Lister(Dictionary<int, List<string>> declaredInterfaces) => _declaredInterfaces = declaredInterfaces;

            public List<string> Lines { get; } = new List<string>();

            public void ListType(Type t)
            {
                string name = ApiFormat.TypeName(t);
                var attributes = t.GetCustomAttributesData();
#pragma warning disable SYSLIB0050 // TypeAttributes.Serializable: the metadata flag is what the baseline shows
                Lines.Add(name + " type " + TypeSignature(t) + Inline(ApiFormat.Attributes(attributes.Where(a => !ApiFormat.IsTypeAttributeLine(a))),
                    (t.Attributes & TypeAttributes.Serializable) != 0));
#pragma warning restore SYSLIB0050
                foreach (string a in ApiFormat.Attributes(attributes.Where(ApiFormat.IsTypeAttributeLine)))
                    Lines.Add(name + " type-attribute " + a);

                foreach (Type nested in t.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
                    if (TypeAccess(nested) != null && !nested.Name.StartsWith("<", StringComparison.Ordinal)) ListType(nested);

                if (IsDelegate(t)) return; // a delegate has no member lines
                ApiMembers.List(t, name, Lines);
            }

            private string TypeSignature(Type t)
            {
                string access = TypeAccess(t);
                Type[] generics = t.IsGenericTypeDefinition ? OwnGenericParameters(t) : Type.EmptyTypes;
                string tail = Variance(generics) + ApiFormat.Constraints(generics);
                _declaredInterfaces.TryGetValue(t.MetadataToken, out List<string> ifaces);
                var interfaces = (ifaces ?? new List<string>()).OrderBy(i => i, StringComparer.Ordinal).ToList();
                if (t.IsInterface) return access + " interface" + List(interfaces) + tail;
                if (t.IsEnum) return access + " enum : " + ApiFormat.TypeName(t.GetEnumUnderlyingType()) + tail;
                if (IsDelegate(t))
                {
                    MethodInfo invoke = t.GetMethod("Invoke");
                    return access + " delegate " + ApiFormat.TypeName(invoke.ReturnType) + " (" +
                           ApiFormat.Parameters(invoke.GetParameters(), false) + ")" + tail;
                }
                if (t.IsValueType) return access + " struct" + List(interfaces) + tail;
                string modifier = t.IsAbstract && t.IsSealed ? " static" : t.IsAbstract ? " abstract" : t.IsSealed ? " sealed" : "";
                if (t.BaseType != null) interfaces.Insert(0, ApiFormat.TypeName(t.BaseType)); // null only for System.Object
                return access + modifier + " class" + List(interfaces) + tail;
            }

            private static string List(List<string> items) => items.Count == 0 ? "" : " : " + string.Join(", ", items);

            private static Type[] OwnGenericParameters(Type t)
            {
                Type[] all = t.GetGenericArguments();
                int outer = t.IsNested && t.DeclaringType.IsGenericTypeDefinition ? t.DeclaringType.GetGenericArguments().Length : 0;
                return all.Skip(outer).ToArray();
            }

            private static string Variance(Type[] generics)
            {
                var variant = generics
                    .Select(g => (g.GenericParameterAttributes & GenericParameterAttributes.VarianceMask) switch
                    {
                        GenericParameterAttributes.Covariant => "out " + g.Name,
                        GenericParameterAttributes.Contravariant => "in " + g.Name,
                        _ => null,
                    })
                    .Where(v => v != null).ToList();
                return variant.Count == 0 ? "" : " variance <" + string.Join(", ", variant) + ">";
            }

            private static bool IsDelegate(Type t) => t.BaseType?.FullName == "System.MulticastDelegate";
        }

        internal static string TypeAccess(Type t) => (t.Attributes & TypeAttributes.VisibilityMask) switch
        {
            TypeAttributes.Public or TypeAttributes.NestedPublic => "public",
            TypeAttributes.NestedFamily => "protected",
            TypeAttributes.NestedFamORAssem => "protected internal",
            _ => null,
        };

        /// <summary>` [A] [B]`: the attributes sorted ordinally, with `[Serializable]` from the metadata flag.</summary>
        internal static string Inline(IEnumerable<string> attributes, bool serializable = false)
        {
            var all = attributes.ToList();
            if (serializable) all.Add("[Serializable]");
            all.Sort(StringComparer.Ordinal);
            return all.Count == 0 ? "" : " " + string.Join(" ", all);
        }
    }
}
