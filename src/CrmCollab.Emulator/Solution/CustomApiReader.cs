using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Solution
{
    /// <summary>
    /// Reads customapis/&lt;unique name&gt;/customapi.xml with its customapirequestparameters/&lt;name&gt;/customapirequestparameter.xml
    /// and customapiresponseproperties/&lt;name&gt;/customapiresponseproperty.xml (Microsoft Learn, "Create a custom API with
    /// solution files"), refusing, with a sentence naming the file and what to change, what the platform's import refuses.
    /// </summary>
    public static class CustomApiReader
    {
        public const string Folder = "customapis";
        private const string Parameters = "customapirequestparameters";
        private const string Properties = "customapiresponseproperties";

        internal static void ReadAll(LoadState state)
        {
            foreach (var dir in state.Directories(Folder))
            {
                var api = Read(state.Root, dir, state.Definition.PublisherPrefix, state.PluginTypeIds, state.TableName);
                if (state.Definition.CustomApis.Any(a => string.Equals(a.UniqueName, api.UniqueName, StringComparison.OrdinalIgnoreCase)))
                    throw new SolutionLoadException(state.Relative(dir), $"custom API '{api.UniqueName}' is defined twice (message names ignore case)");
                state.Definition.CustomApis.Add(api);
            }
        }

        /// <summary>
        /// One API folder. <paramref name="pluginTypes"/>: the solution's plug-in types by PluginTypeId;
        /// <paramref name="tableName"/>: the logical name of a known table, or null (null: tables are not checked).
        /// </summary>
        public static CustomApiDefinition Read(string solutionRoot, string apiDirectory, string publisherPrefix,
            IReadOnlyDictionary<Guid, RegisteredPluginType> pluginTypes, Func<string, string> tableName = null)
        {
            var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(apiDirectory));
            var path = Path.Combine(apiDirectory, "customapi.xml");
            var file = SolutionXml.Relative(solutionRoot, path);
            if (!File.Exists(path))
                throw new SolutionLoadException(SolutionXml.Relative(solutionRoot, apiDirectory), "custom API folder has no customapi.xml");
            var e = SolutionXml.LoadRoot(path, file, "customapi");
            var api = new CustomApiDefinition
            {
                UniqueName = SolutionXml.RequiredAttr(e, "uniquename", file),
                DisplayName = Localized(e.Element("displayname")),
                Description = Localized(e.Element("description")),
                IsFunction = SolutionXml.Bool(e, "isfunction", file) ?? false,
                IsPrivate = SolutionXml.Bool(e, "isprivate", file) ?? false,
                ExecutePrivilegeName = SolutionXml.Text(e, "executeprivilegename"),
            };
            if (!string.Equals(api.UniqueName, folderName, StringComparison.Ordinal))
                throw SolutionXml.Fail(file, e, $"uniquename '{api.UniqueName}' differs from its folder '{folderName}': " +
                    "name the folder after the custom API's unique name");
            if (string.IsNullOrEmpty(publisherPrefix) || !api.UniqueName.StartsWith(publisherPrefix + "_", StringComparison.Ordinal)
                || api.UniqueName.Length == publisherPrefix.Length + 1)
                throw SolutionXml.Fail(file, e, $"uniquename '{api.UniqueName}' does not begin with the publisher's customization prefix " +
                    $"'{publisherPrefix}_' (Other/Solution.xml): Dataverse refuses such a custom API; rename it '{publisherPrefix}_…'");

            var binding = Choice(e, "bindingtype", file, 2, "0 (Global), 1 (Entity) or 2 (EntityCollection)") ?? 0;
            api.Binding = (CustomApiBinding)binding;
            var bound = SolutionXml.Text(e, "boundentitylogicalname");
            if (api.Binding == CustomApiBinding.Global && bound != null)
                throw SolutionXml.Fail(file, e.Element("boundentitylogicalname"), $"a Global custom API (bindingtype 0) names bound table '{bound}': leave <boundentitylogicalname /> empty or bind it (1 Entity, 2 EntityCollection)");
            if (api.Binding != CustomApiBinding.Global)
            {
                if (bound == null)
                    throw SolutionXml.Fail(file, e, $"bindingtype {binding} ({api.Binding}) needs the table in <boundentitylogicalname>");
                api.BoundEntityLogicalName = tableName == null ? bound.ToLowerInvariant() : tableName(bound)
                    ?? throw SolutionXml.Fail(file, e.Element("boundentitylogicalname"), $"bound table '{bound}' is not a known table");
            }
            api.AllowedProcessingSteps = (CustomApiProcessingSteps)(Choice(e, "allowedcustomprocessingsteptype", file, 2,
                "0 (None), 1 (Async only) or 2 (Sync and async)") ?? 0);

            var typeId = e.Element("plugintypeid")?.Element("plugintypeid") is XElement idElement && idElement.Value.Trim().Length > 0 ? idElement : null;
            if (typeId != null)
            {
                var id = SolutionXml.ParseGuid(typeId.Value.Trim(), file, typeId, "plugintypeid");
                if (pluginTypes == null || !pluginTypes.TryGetValue(id, out var type))
                    throw SolutionXml.Fail(file, typeId, $"plugintypeid {id} is not the PluginTypeId of any PluginType in PluginAssemblies/*.dll.data.xml: " +
                        "register the plug-in type there or give the id it has");
                if (type.IsWorkflowActivity)
                    throw SolutionXml.Fail(file, typeId, $"plugintypeid {id} is '{type.Name}', a custom workflow activity: a custom API runs a plug-in (IPlugin) type");
                api.PluginTypeId = id;
                api.PluginTypeName = type.Name;
            }

            foreach (var dir in Sorted(Path.Combine(apiDirectory, Parameters)))
                api.RequestParameters.Add(ReadField(solutionRoot, dir, api.UniqueName, "customapirequestparameter", request: true));
            foreach (var dir in Sorted(Path.Combine(apiDirectory, Properties)))
                api.ResponseProperties.Add(ReadField(solutionRoot, dir, api.UniqueName, "customapiresponseproperty", request: false));
            return api;
        }

        private static CustomApiField ReadField(string root, string dir, string api, string kind, bool request)
        {
            var folderName = Path.GetFileName(dir);
            var path = Path.Combine(dir, kind + ".xml");
            var file = SolutionXml.Relative(root, path);
            if (!File.Exists(path)) throw new SolutionLoadException(SolutionXml.Relative(root, dir), $"folder has no {kind}.xml");
            var e = SolutionXml.LoadRoot(path, file, kind);
            var field = new CustomApiField { UniqueName = SolutionXml.RequiredAttr(e, "uniquename", file) };
            if (!string.Equals(field.UniqueName, folderName, StringComparison.Ordinal))
                throw SolutionXml.Fail(file, e, $"uniquename '{field.UniqueName}' differs from its folder '{folderName}': name the folder after the unique name");
            var name = SolutionXml.Text(e, "name");
            if (!string.Equals(name, api + "." + field.UniqueName, StringComparison.Ordinal))
                throw SolutionXml.Fail(file, e.Element("name") ?? e, $"<name> is '{name}', expected '{api}.{field.UniqueName}' (the API's unique name, a dot, the unique name)");
            var type = SolutionXml.Int(e, "type", file)
                ?? throw SolutionXml.Fail(file, e, $"'{field.UniqueName}' lacks <type>");
            if (!Enum.IsDefined(typeof(CustomApiFieldType), type))
                throw SolutionXml.Fail(file, e.Element("type"), $"'{field.UniqueName}' has unknown type {type}: use 0 Boolean, 1 DateTime, 2 Decimal, " +
                    "3 Entity, 4 EntityCollection, 5 EntityReference, 6 Float, 7 Integer, 8 Money, 9 Picklist, 10 String, 11 StringArray or 12 Guid");
            field.Type = (CustomApiFieldType)type;
            field.LogicalEntityName = SolutionXml.Text(e, "logicalentityname")?.ToLowerInvariant();
            if (request) field.IsOptional = SolutionXml.Bool(e, "isoptional", file) ?? false;
            else if (e.Element("isoptional") != null)
                throw SolutionXml.Fail(file, e.Element("isoptional"), $"response property '{field.UniqueName}' has <isoptional>, which only request parameters have: " +
                    "Dataverse fails the import; remove the element");
            return field;
        }

        private static int? Choice(XElement e, string name, string file, int max, string allowed)
        {
            var value = SolutionXml.Int(e, name, file);
            if (value.HasValue && (value < 0 || value > max))
                throw SolutionXml.Fail(file, e.Element(name), $"<{name}> is {value}, expected {allowed}");
            return value;
        }

        private static string Localized(XElement e) => e == null ? null : SolutionXml.Attr(e, "default") ?? SolutionXml.Label(e);

        private static string[] Sorted(string dir)
        {
            if (!Directory.Exists(dir)) return Array.Empty<string>();
            var dirs = Directory.GetDirectories(dir);
            Array.Sort(dirs, StringComparer.Ordinal);
            return dirs;
        }
    }
}
