using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace CrmCollab.Sdk.Tests.Conformance
{
    /// <summary>
    /// The member lines of one type: constructors, methods, properties, fields and events that are public,
    /// protected or protected internal. Explicit interface implementations are private and so never listed;
    /// property/event accessors show inside their property/event, not as methods.
    /// </summary>
    internal static class ApiMembers
    {
        private const BindingFlags Declared =
            BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

        public static void List(Type t, string typeName, List<string> lines)
        {
            bool inInterface = t.IsInterface;
            var accessors = new HashSet<MethodInfo>();

            foreach (ConstructorInfo c in t.GetConstructors(Declared))
            {
                string access = Access(c.Attributes);
                if (c.IsStatic || access == null) continue;
                lines.Add($"{typeName}::ctor {access} .ctor({ApiFormat.Parameters(c.GetParameters(), false)})" + Attributes(c));
            }

            foreach (PropertyInfo p in t.GetProperties(Declared))
            {
                MethodInfo get = p.GetGetMethod(true), set = p.GetSetMethod(true);
                if (get != null) accessors.Add(get);
                if (set != null) accessors.Add(set);
                string line = Property(p, get, set, inInterface);
                if (line != null) lines.Add(typeName + "::property " + line);
            }

            foreach (EventInfo e in t.GetEvents(Declared))
            {
                MethodInfo add = e.GetAddMethod(true), remove = e.GetRemoveMethod(true), raise = e.GetRaiseMethod(true);
                foreach (MethodInfo m in new[] { add, remove, raise }) if (m != null) accessors.Add(m);
                MethodInfo any = add ?? remove;
                string access = any == null ? null : Access(any.Attributes);
                if (access == null || IsGenerated(e.Name)) continue;
                lines.Add($"{typeName}::event {access}{Modifiers(any, inInterface)} {ApiFormat.TypeName(e.EventHandlerType)} {e.Name}" + Attributes(e));
            }

            foreach (MethodInfo m in t.GetMethods(Declared))
            {
                string access = Access(m.Attributes);
                if (access == null || accessors.Contains(m) || IsGenerated(m.Name)) continue;
                Type[] generics = m.IsGenericMethodDefinition ? m.GetGenericArguments() : Type.EmptyTypes;
                bool extension = ApiFormat.HasAttribute(m.GetCustomAttributesData(), "System.Runtime.CompilerServices.ExtensionAttribute");
                lines.Add($"{typeName}::method {access}{Modifiers(m, inInterface)} {ApiFormat.TypeName(m.ReturnType)} {m.Name}" +
                          ApiFormat.GenericParameterList(generics) + "(" + ApiFormat.Parameters(m.GetParameters(), extension) + ")" +
                          ApiFormat.Constraints(generics) + Attributes(m));
            }

            foreach (FieldInfo f in t.GetFields(Declared))
            {
                string access = FieldAccess(f.Attributes);
                if (access == null || f.IsSpecialName || IsGenerated(f.Name)) continue; // IsSpecialName: an enum's value__
                string modifiers = f.IsLiteral ? " const" : (f.IsStatic ? " static" : "") + (f.IsInitOnly ? " readonly" : "");
                string value = f.IsLiteral ? " = " + ApiFormat.Constant(f.GetRawConstantValue()) : "";
                lines.Add($"{typeName}::field {access}{modifiers} {ApiFormat.TypeName(f.FieldType)} {f.Name}{value}" + Attributes(f));
            }
        }

        /// <summary>
        /// `public virtual System.String Name { get; protected set; }`: the property's access is that of its most
        /// visible accessor; an accessor with another (visible) access carries its own word, an invisible one is left out.
        /// </summary>
        private static string Property(PropertyInfo p, MethodInfo get, MethodInfo set, bool inInterface)
        {
            if (IsGenerated(p.Name)) return null;
            string getAccess = get == null ? null : Access(get.Attributes);
            string setAccess = set == null ? null : Access(set.Attributes);
            string access = new[] { getAccess, setAccess }.Where(a => a != null).OrderByDescending(Rank).FirstOrDefault();
            if (access == null) return null;
            string Accessor(string a, string word) => a == null ? "" : (a == access ? "" : a + " ") + word + "; ";
            ParameterInfo[] index = p.GetIndexParameters();
            string name = index.Length == 0 ? p.Name : p.Name + "[" + ApiFormat.Parameters(index, false) + "]";
            return $"{access}{Modifiers(get ?? set, inInterface)} {ApiFormat.TypeName(p.PropertyType)} {name} " +
                   "{ " + Accessor(getAccess, "get") + Accessor(setAccess, "set") + "}" + Attributes(p);
        }

        private static int Rank(string access) => access switch { "public" => 3, "protected internal" => 2, _ => 1 };

        /// <summary>
        /// static / abstract / virtual / override / sealed override / abstract override, from the method flags
        /// (C# marks a new virtual slot NewSlot; an override reuses its base's slot). A non-virtual interface
        /// implementation (virtual final newslot) has none; members of interfaces have none.
        /// </summary>
        private static string Modifiers(MethodInfo m, bool inInterface)
        {
            if (inInterface) return "";
            if (m.IsStatic) return " static";
            bool newSlot = (m.Attributes & MethodAttributes.NewSlot) != 0;
            if (m.IsAbstract) return newSlot ? " abstract" : " abstract override";
            if (!m.IsVirtual) return "";
            if (m.IsFinal) return newSlot ? "" : " sealed override";
            return newSlot ? " virtual" : " override";
        }

        private static string Access(MethodAttributes a) => (a & MethodAttributes.MemberAccessMask) switch
        {
            MethodAttributes.Public => "public",
            MethodAttributes.Family => "protected",
            MethodAttributes.FamORAssem => "protected internal",
            _ => null,
        };

        private static string FieldAccess(FieldAttributes a) => (a & FieldAttributes.FieldAccessMask) switch
        {
            FieldAttributes.Public => "public",
            FieldAttributes.Family => "protected",
            FieldAttributes.FamORAssem => "protected internal",
            _ => null,
        };

        // Compiler-generated members have unspeakable names (`<Clone>$`, `<X>k__BackingField`).
        private static bool IsGenerated(string name) => name.StartsWith("<", StringComparison.Ordinal);

        private static string Attributes(MemberInfo m) => ApiLister.Inline(ApiFormat.Attributes(m.GetCustomAttributesData()));
    }
}
