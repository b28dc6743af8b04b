using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CrmCollab.Sdk.Tests.Conformance
{
    /// <summary>
    /// The interfaces each type declares in metadata (its InterfaceImpl rows), rendered like
    /// <see cref="ApiFormat.TypeName"/>. The baseline's type lines show these, not the full closure that
    /// Type.GetInterfaces() returns (e.g. a class deriving from DataCollection&lt;T&gt; lists no interfaces),
    /// and reflection has no "declared interfaces only" API, so they are read with System.Reflection.Metadata.
    /// </summary>
    internal static class DeclaredInterfaces
    {
        /// <summary>TypeDef metadata token -> declared interface names.</summary>
        public static Dictionary<int, List<string>> Read(string assemblyPath)
        {
            var result = new Dictionary<int, List<string>>();
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            MetadataReader reader = pe.GetMetadataReader();
            foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
            {
                TypeDefinition def = reader.GetTypeDefinition(handle);
                var context = new Context(
                    AllGenericParameterNames(reader, def),
                    ImmutableArray<string>.Empty);
                var provider = new NameProvider(reader);
                var names = new List<string>();
                foreach (InterfaceImplementationHandle ih in def.GetInterfaceImplementations())
                {
                    EntityHandle iface = reader.GetInterfaceImplementation(ih).Interface;
                    names.Add(provider.Name(iface, context));
                }
                result[System.Reflection.Metadata.Ecma335.MetadataTokens.GetToken(handle)] = names;
            }
            return result;
        }

        private static ImmutableArray<string> AllGenericParameterNames(MetadataReader reader, TypeDefinition def) =>
            def.GetGenericParameters().Select(h => reader.GetString(reader.GetGenericParameter(h).Name)).ToImmutableArray();

        internal readonly struct Context
        {
            public Context(ImmutableArray<string> typeParameters, ImmutableArray<string> methodParameters)
            {
                TypeParameters = typeParameters;
                MethodParameters = methodParameters;
            }

            public ImmutableArray<string> TypeParameters { get; }
            public ImmutableArray<string> MethodParameters { get; }
        }

        private sealed class NameProvider : ISignatureTypeProvider<string, Context>
        {
            private readonly MetadataReader _reader;

            public NameProvider(MetadataReader reader) => _reader = reader;

            public string Name(EntityHandle handle, Context context) => handle.Kind switch
            {
                HandleKind.TypeDefinition => GetTypeFromDefinition(_reader, (TypeDefinitionHandle)handle, 0),
                HandleKind.TypeReference => GetTypeFromReference(_reader, (TypeReferenceHandle)handle, 0),
                HandleKind.TypeSpecification => _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, context),
                _ => throw new NotSupportedException(handle.Kind.ToString()),
            };

            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;

            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            {
                TypeDefinition def = reader.GetTypeDefinition(handle);
                string name = ApiFormat.StripArity(reader.GetString(def.Name));
                TypeDefinitionHandle outer = def.GetDeclaringType();
                if (!outer.IsNil) return GetTypeFromDefinition(reader, outer, rawTypeKind) + "." + name;
                string ns = reader.GetString(def.Namespace);
                return ns.Length == 0 ? name : ns + "." + name;
            }

            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            {
                TypeReference r = reader.GetTypeReference(handle);
                string name = ApiFormat.StripArity(reader.GetString(r.Name));
                if (r.ResolutionScope.Kind == HandleKind.TypeReference)
                    return GetTypeFromReference(reader, (TypeReferenceHandle)r.ResolutionScope, rawTypeKind) + "." + name;
                string ns = reader.GetString(r.Namespace);
                return ns.Length == 0 ? name : ns + "." + name;
            }

            public string GetTypeFromSpecification(MetadataReader reader, Context context, TypeSpecificationHandle handle, byte rawTypeKind) =>
                reader.GetTypeSpecification(handle).DecodeSignature(this, context);

            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
                genericType + "<" + string.Join(", ", typeArguments) + ">";

            public string GetGenericTypeParameter(Context context, int index) => context.TypeParameters[index];
            public string GetGenericMethodParameter(Context context, int index) => context.MethodParameters[index];
            public string GetSZArrayType(string elementType) => elementType + "[]";
            public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
            public string GetPointerType(string elementType) => elementType + "*";
            public string GetByReferenceType(string elementType) => elementType;
            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
            public string GetPinnedType(string elementType) => elementType;
            public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";
        }
    }
}
