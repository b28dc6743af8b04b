using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;

namespace CrmCollab.Sdk.Tests.Conformance
{
    /// <summary>
    /// Renders types, parameters, constants and attributes exactly as the baseline files write them
    /// (see shared/dataverse-api/README.md). Works on types from a MetadataLoadContext, so it only uses
    /// names and CustomAttributeData, never live instances or typeof() comparisons.
    /// </summary>
    internal static class ApiFormat
    {
        /// <summary>The attributes the baseline lists, by full name; every other attribute is left out.</summary>
        private static readonly HashSet<string> ListedAttributes = new HashSet<string>(StringComparer.Ordinal)
        {
            "System.FlagsAttribute", "System.SerializableAttribute", "System.ObsoleteAttribute", "System.AttributeUsageAttribute",
            "System.Runtime.Serialization.DataContractAttribute", "System.Runtime.Serialization.CollectionDataContractAttribute",
            "System.Runtime.Serialization.KnownTypeAttribute", "System.Runtime.Serialization.DataMemberAttribute",
            "System.Runtime.Serialization.EnumMemberAttribute", "System.Runtime.Serialization.IgnoreDataMemberAttribute",
            "System.ServiceModel.ServiceContractAttribute", "System.ServiceModel.OperationContractAttribute",
            "System.ServiceModel.FaultContractAttribute", "System.ServiceModel.ServiceKnownTypeAttribute",
            "System.Activities.RequiredArgumentAttribute",
        };

        /// <summary>Namespace-qualified CLR name, arity suffix dropped, generic arguments in angle brackets.</summary>
        public static string TypeName(Type t)
        {
            if (t.IsByRef) return TypeName(t.GetElementType());
            if (t.IsPointer) return TypeName(t.GetElementType()) + "*";
            if (t.IsArray) return TypeName(t.GetElementType()) + "[" + new string(',', t.GetArrayRank() - 1) + "]";
            if (t.IsGenericParameter) return t.Name;
            Type[] args = t.IsGenericType ? t.GetGenericArguments() : Type.EmptyTypes;
            return NamedType(t.IsGenericType && !t.IsGenericTypeDefinition ? t.GetGenericTypeDefinition() : t, args);
        }

        // A nested type's generic arguments include its declaring types' ones first: split them along the chain.
        private static string NamedType(Type definition, Type[] args)
        {
            int outerCount = 0;
            string prefix;
            if (definition.IsNested)
            {
                Type outer = definition.DeclaringType;
                outerCount = outer.IsGenericTypeDefinition ? outer.GetGenericArguments().Length : 0;
                prefix = NamedType(outer, args.Take(outerCount).ToArray()) + ".";
            }
            else
            {
                prefix = string.IsNullOrEmpty(definition.Namespace) ? "" : definition.Namespace + ".";
            }
            string name = StripArity(definition.Name);
            Type[] own = args.Skip(outerCount).ToArray();
            if (own.Length > 0) name += "<" + string.Join(", ", own.Select(TypeName)) + ">";
            return prefix + name;
        }

        public static string StripArity(string name)
        {
            int tick = name.IndexOf('`');
            return tick < 0 ? name : name.Substring(0, tick);
        }

        public static string GenericParameterList(Type[] parameters) =>
            parameters.Length == 0 ? "" : "<" + string.Join(", ", parameters.Select(p => p.Name)) + ">";

        /// <summary>` where T : class, Base, new()` for each constrained generic parameter, or "".</summary>
        public static string Constraints(Type[] parameters)
        {
            var sb = new StringBuilder();
            foreach (Type p in parameters)
            {
                var parts = new List<string>();
                GenericParameterAttributes a = p.GenericParameterAttributes;
                bool isStruct = (a & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0;
                if ((a & GenericParameterAttributes.ReferenceTypeConstraint) != 0) parts.Add("class");
                if (isStruct) parts.Add("struct");
                foreach (Type c in p.GetGenericParameterConstraints())
                {
                    if (isStruct && c.FullName == "System.ValueType") continue; // implied by `struct`
                    parts.Add(TypeName(c));
                }
                if ((a & GenericParameterAttributes.DefaultConstructorConstraint) != 0 && !isStruct) parts.Add("new()");
                if (parts.Count > 0) sb.Append(" where ").Append(p.Name).Append(" : ").Append(string.Join(", ", parts));
            }
            return sb.ToString();
        }

        public static string Parameters(ParameterInfo[] parameters, bool isExtension)
        {
            var items = new List<string>();
            for (int i = 0; i < parameters.Length; i++)
            {
                ParameterInfo p = parameters[i];
                var sb = new StringBuilder();
                if (i == 0 && isExtension) sb.Append("this ");
                if (HasAttribute(p.GetCustomAttributesData(), "System.ParamArrayAttribute")) sb.Append("params ");
                if (p.ParameterType.IsByRef)
                {
                    if (p.IsOut && !p.IsIn) sb.Append("out ");
                    else if (HasAttribute(p.GetCustomAttributesData(), "System.Runtime.CompilerServices.IsReadOnlyAttribute")) sb.Append("in ");
                    else sb.Append("ref ");
                }
                sb.Append(TypeName(p.ParameterType)).Append(' ').Append(p.Name);
                if ((p.Attributes & ParameterAttributes.HasDefault) != 0) sb.Append(" = ").Append(Constant(p.RawDefaultValue));
                items.Add(sb.ToString());
            }
            return string.Join(", ", items);
        }

        /// <summary>Constant values: numbers in decimal, strings in C# quotes with escapes, null, true/false.</summary>
        public static string Constant(object value)
        {
            switch (value)
            {
                case null: return "null";
                case string s: return Quote(s, '"');
                case char c: return Quote(c.ToString(), '\'');
                case bool b: return b ? "true" : "false";
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString();
            }
        }

        private static string Quote(string s, char quote)
        {
            var sb = new StringBuilder().Append(quote);
            foreach (char c in s)
            {
                switch (c)
                {
                    case '\\': sb.Append("\\\\"); break;
                    case '\0': sb.Append("\\0"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c == quote) sb.Append('\\').Append(c);
                        else if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4"));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.Append(quote).ToString();
        }

        public static bool HasAttribute(IEnumerable<CustomAttributeData> attributes, string fullName) =>
            attributes.Any(a => a.AttributeType.FullName == fullName);

        /// <summary>The listed attributes among <paramref name="attributes"/>, rendered C#-style.</summary>
        public static IEnumerable<string> Attributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (CustomAttributeData a in attributes)
            {
                string fullName = a.AttributeType.FullName;
                // Serializable is a metadata flag, rendered by the caller from TypeAttributes (MetadataLoadContext
                // may or may not surface it as a pseudo-attribute).
                if (fullName == "System.SerializableAttribute" || !ListedAttributes.Contains(fullName)) continue;
                yield return Attribute(a);
            }
        }

        public static bool IsTypeAttributeLine(CustomAttributeData a) =>
            a.AttributeType.FullName == "System.Runtime.Serialization.KnownTypeAttribute" ||
            a.AttributeType.FullName == "System.ServiceModel.ServiceKnownTypeAttribute";

        public static string Attribute(CustomAttributeData a)
        {
            string name = a.AttributeType.Name;
            if (name.EndsWith("Attribute", StringComparison.Ordinal)) name = name.Substring(0, name.Length - "Attribute".Length);
            var args = a.ConstructorArguments.Select(Argument).ToList();
            args.AddRange(a.NamedArguments
                .OrderBy(n => n.MemberName, StringComparer.Ordinal)
                .Select(n => n.MemberName + "=" + Argument(n.TypedValue)));
            return args.Count == 0 ? "[" + name + "]" : "[" + name + "(" + string.Join(", ", args) + ")]";
        }

        private static string Argument(CustomAttributeTypedArgument arg)
        {
            Type type = arg.ArgumentType;
            object value = arg.Value;
            if (value is Type t) return "typeof(" + TypeName(t) + ")";
            if (value is IReadOnlyCollection<CustomAttributeTypedArgument> array)
                return "new[] { " + string.Join(", ", array.Select(Argument)) + " }";
            if (type.IsEnum && value != null) return EnumValue(type, value);
            return Constant(value);
        }

        /// <summary>`AttributeTargets.Property`, or `A.X | A.Y` for a flags combination, or the number.</summary>
        private static string EnumValue(Type enumType, object raw)
        {
            ulong v = ToUInt64(raw);
            var fields = enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral)
                .Select(f => (f.Name, Value: ToUInt64(f.GetRawConstantValue())))
                .ToList();
            var exact = fields.FirstOrDefault(f => f.Value == v);
            if (exact.Name != null) return enumType.Name + "." + exact.Name;
            var parts = new List<string>();
            ulong rest = v;
            foreach (var f in fields.Where(f => f.Value != 0).OrderByDescending(f => f.Value))
            {
                if ((rest & f.Value) == f.Value) { parts.Add(enumType.Name + "." + f.Name); rest &= ~f.Value; }
            }
            if (rest == 0 && parts.Count > 0) { parts.Reverse(); return string.Join(" | ", parts); }
            return Constant(raw);
        }

        private static ulong ToUInt64(object raw) => raw switch
        {
            sbyte x => unchecked((ulong)x), short x => unchecked((ulong)x), int x => unchecked((ulong)x), long x => unchecked((ulong)x),
            byte x => x, ushort x => x, uint x => x, ulong x => x, char x => x,
            _ => Convert.ToUInt64(raw, CultureInfo.InvariantCulture),
        };
    }
}
