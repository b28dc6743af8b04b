using System.Linq;
using System.Xml.Linq;

namespace CrmCollab.Emulator.Solution
{
    /// <summary>
    /// Reads &lt;PluginAssembly&gt; (PluginAssemblies/&lt;Asm&gt;-&lt;GUID&gt;/&lt;Asm&gt;.dll.data.xml). A PluginType with a
    /// WorkflowActivityGroupName is a custom workflow activity; any other is an IPlugin.
    /// </summary>
    internal static class PluginAssemblyXmlReader
    {
        public static void Read(XElement asm, string file, LoadState state)
        {
            SolutionXml.RequiredAttr(asm, "FullName", file);
            foreach (var type in asm.Element("PluginTypes")?.Elements("PluginType") ?? Enumerable.Empty<XElement>())
            {
                var qualified = SolutionXml.RequiredAttr(type, "AssemblyQualifiedName", file);
                var name = SolutionXml.Attr(type, "Name") ?? qualified.Split(',')[0].Trim();
                if (!state.KnownTypes.Add(name))
                    throw SolutionXml.Fail(file, type, $"plugin type '{name}' is registered twice");
                bool activity = SolutionXml.Text(type, "WorkflowActivityGroupName") != null;
                (activity ? state.Definition.WorkflowActivityTypes : state.Definition.PluginTypes).Add(name);
                if (SolutionXml.Attr(type, "PluginTypeId") is string id)
                    state.PluginTypeIds[SolutionXml.ParseGuid(id, file, type, "PluginTypeId")] = new RegisteredPluginType(name, activity);
            }
        }
    }
}
