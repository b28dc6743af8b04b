using System.Reflection.Metadata;

namespace CrmCollab.Tooling.Assemblies
{
    /// <summary>Reads assembly-level attributes from metadata, without loading the assembly.</summary>
    internal static class AssemblyAttributes
    {
        private const string TargetFrameworkAttribute = "System.Runtime.Versioning.TargetFrameworkAttribute";

        /// <summary>The FrameworkName argument of [assembly: TargetFramework(...)], or null.</summary>
        public static string TargetFramework(MetadataReader reader)
        {
            foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(handle);
                if (AttributeType(reader, attribute) != TargetFrameworkAttribute) continue;
                var blob = reader.GetBlobReader(attribute.Value);
                if (blob.Length < 2 || blob.ReadUInt16() != 1) return null; // custom attribute prolog
                return blob.ReadSerializedString();
            }
            return null;
        }

        private static string AttributeType(MetadataReader reader, CustomAttribute attribute)
        {
            EntityHandle type;
            if (attribute.Constructor.Kind == HandleKind.MemberReference)
                type = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            else if (attribute.Constructor.Kind == HandleKind.MethodDefinition)
                type = reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
            else return null;
            if (type.Kind == HandleKind.TypeReference)
            {
                var reference = reader.GetTypeReference((TypeReferenceHandle)type);
                return reader.GetString(reference.Namespace) + "." + reader.GetString(reference.Name);
            }
            if (type.Kind == HandleKind.TypeDefinition)
                return BuiltAssembly.FullName(reader, reader.GetTypeDefinition((TypeDefinitionHandle)type));
            return null;
        }
    }
}
