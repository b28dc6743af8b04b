using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;

namespace CrmCollab.Tooling.Assemblies
{
    /// <summary>
    /// Which types of an assembly implement an interface or derive from a class defined in another assembly,
    /// following base classes defined in the same assembly (metadata only: nothing is loaded).
    /// </summary>
    internal sealed class TypeKinds
    {
        public const string IPlugin = "Microsoft.Xrm.Sdk.IPlugin";
        public const string CodeActivity = "System.Activities.CodeActivity";

        private readonly MetadataReader _reader;

        public TypeKinds(MetadataReader reader) { _reader = reader; }

        /// <summary>Full names of the public, concrete classes that reach <paramref name="target"/>, sorted.</summary>
        public IReadOnlyList<string> Registrable(string target, bool isInterface)
        {
            var result = new List<string>();
            foreach (var handle in _reader.TypeDefinitions)
            {
                var type = _reader.GetTypeDefinition(handle);
                var attributes = type.Attributes;
                if ((attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public) continue;
                if ((attributes & TypeAttributes.Interface) != 0 || (attributes & TypeAttributes.Abstract) != 0) continue;
                if (Reaches(handle, target, isInterface, depth: 0))
                    result.Add(BuiltAssembly.FullName(_reader, type));
            }
            result.Sort(System.StringComparer.Ordinal);
            return result;
        }

        private bool Reaches(TypeDefinitionHandle handle, string target, bool isInterface, int depth)
        {
            if (depth > 64) return false; // malformed metadata; never loop
            var type = _reader.GetTypeDefinition(handle);
            if (isInterface && type.GetInterfaceImplementations()
                    .Select(i => _reader.GetInterfaceImplementation(i).Interface)
                    .Any(i => Name(i) == target))
                return true;
            var baseType = type.BaseType;
            if (baseType.IsNil) return false;
            if (!isInterface && Name(baseType) == target) return true;
            var local = Local(baseType);
            return local.HasValue && Reaches(local.Value, target, isInterface, depth + 1);
        }

        /// <summary>The full name of a type reference/definition (generic instantiations by their definition).</summary>
        private string Name(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeReference:
                    var reference = _reader.GetTypeReference((TypeReferenceHandle)handle);
                    var ns = _reader.GetString(reference.Namespace);
                    var name = _reader.GetString(reference.Name);
                    return ns.Length == 0 ? name : ns + "." + name;
                case HandleKind.TypeDefinition:
                    return BuiltAssembly.FullName(_reader, _reader.GetTypeDefinition((TypeDefinitionHandle)handle));
                case HandleKind.TypeSpecification:
                    var generic = GenericDefinition((TypeSpecificationHandle)handle);
                    return generic.HasValue ? Name(generic.Value) : null;
                default:
                    return null;
            }
        }

        private TypeDefinitionHandle? Local(EntityHandle handle)
        {
            if (handle.Kind == HandleKind.TypeDefinition) return (TypeDefinitionHandle)handle;
            if (handle.Kind == HandleKind.TypeSpecification)
            {
                var generic = GenericDefinition((TypeSpecificationHandle)handle);
                if (generic.HasValue && generic.Value.Kind == HandleKind.TypeDefinition) return (TypeDefinitionHandle)generic.Value;
            }
            return null;
        }

        /// <summary>For a generic instantiation blob (0x15 CLASS|VALUETYPE TypeDefOrRef ...), its generic type.</summary>
        private EntityHandle? GenericDefinition(TypeSpecificationHandle handle)
        {
            var blob = _reader.GetBlobReader(_reader.GetTypeSpecification(handle).Signature);
            if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return null;
            blob.ReadSignatureTypeCode(); // CLASS or VALUETYPE
            return blob.ReadTypeHandle();
        }
    }
}
