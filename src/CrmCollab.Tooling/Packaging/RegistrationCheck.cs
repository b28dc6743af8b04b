using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Solution;
using CrmCollab.Tooling.Assemblies;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>
    /// Registration consistency between solution/ and the built DLL: every step names an IPlugin of the DLL,
    /// every IPlugin and CodeActivity of the DLL is registered (and every IPlugin has a step or runs a custom API), filtering
    /// attributes and image columns exist on the step's table, every Update step filters, no step is twice.
    /// </summary>
    public static class RegistrationCheck
    {
        public static List<string> Check(SolutionFolder folder, BuiltAssembly dll, MetadataCatalog catalog)
        {
            var errors = new List<string>();
            var plugins = new HashSet<string>(dll.PluginTypes, StringComparer.Ordinal);
            var activities = new HashSet<string>(dll.WorkflowActivityTypes, StringComparer.Ordinal);
            var registered = new Dictionary<string, (string File, Guid? Id, bool Activity)>(StringComparer.Ordinal);

            foreach (var asm in folder.Assemblies)
            {
                var fullName = (string)asm.Root.Attribute("FullName");
                if (PackagingNames.SimpleName(fullName) == dll.Identity.Name && fullName != dll.Identity.FullName)
                    errors.Add($"{asm.Path}: FullName '{fullName}' differs from the built DLL '{dll.Identity.FullName}'");
                if (XmlFiles.Text(asm.Root, "IsolationMode") != "2")
                    errors.Add($"{asm.Path}: IsolationMode must be 2 (sandbox), found '{XmlFiles.Text(asm.Root, "IsolationMode")}'");
                foreach (var type in asm.Root.Element("PluginTypes")?.Elements("PluginType") ?? Enumerable.Empty<XElement>())
                {
                    var name = XmlFiles.Attr(type, "Name") ?? ((string)type.Attribute("AssemblyQualifiedName"))?.Split(',')[0].Trim();
                    var isActivity = type.Element("WorkflowActivityGroupName") != null;
                    registered[name] = (asm.Path, PackagingNames.ParseGuid((string)type.Attribute("PluginTypeId")), isActivity);
                    if (isActivity && !activities.Contains(name))
                        errors.Add($"{asm.Path}: workflow activity type '{name}' is not a public CodeActivity of {dll.Identity.Name}.dll");
                    if (!isActivity && !plugins.Contains(name))
                        errors.Add(activities.Contains(name)
                            ? $"{asm.Path}: '{name}' is a CodeActivity and needs a <WorkflowActivityGroupName>"
                            : $"{asm.Path}: plugin type '{name}' is not a public IPlugin of {dll.Identity.Name}.dll");
                }
            }
            foreach (var type in plugins.Concat(activities).Where(t => !registered.ContainsKey(t)).OrderBy(t => t, StringComparer.Ordinal))
                errors.Add($"{dll.Identity.Name}.dll: {(activities.Contains(type) ? "workflow activity" : "plugin")} type '{type}' is not registered in any PluginAssemblies/*.dll.data.xml");

            // Tables the manifest declares as missing dependencies (an administrator's own business process flow).
            var external = Registration.ProcessFlowSteps.DependencyTables(folder.Manifest);
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            var stepped = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in folder.Steps)
            {
                var e = step.Root;
                var label = $"{step.Path}: step '{XmlFiles.Attr(e, "Name")}'";
                var qualified = XmlFiles.Text(e, "PluginTypeName");
                var typeName = qualified?.Split(',')[0].Trim();
                stepped.Add(typeName ?? "");
                if (typeName == null) errors.Add($"{label} has no PluginTypeName");
                else if (!plugins.Contains(typeName))
                    errors.Add($"{label} names '{typeName}', which is not a public IPlugin type of {dll.Identity.Name}.dll");
                else if (PackagingNames.SimpleName(qualified.Substring(qualified.IndexOf(',') + 1)) is string asmName
                         && asmName == dll.Identity.Name && qualified.Substring(qualified.IndexOf(',') + 1).Trim() != dll.Identity.FullName)
                    errors.Add($"{label}: PluginTypeName assembly '{qualified.Substring(qualified.IndexOf(',') + 1).Trim()}' differs from the built DLL '{dll.Identity.FullName}'");
                if (typeName != null && registered.TryGetValue(typeName, out var reg) && reg.Id.HasValue
                    && PackagingNames.ParseGuid(XmlFiles.Text(e, "PluginTypeId")) != reg.Id)
                    errors.Add($"{label}: PluginTypeId {XmlFiles.Text(e, "PluginTypeId")} is not the id of '{typeName}' in {reg.File} ({reg.Id})");

                errors.AddRange(TooLong(label, e, null, "Name", "Description"));
                var messageId = PackagingNames.ParseGuid(XmlFiles.Text(e, "SdkMessageId"));
                var message = messageId.HasValue ? SdkMessages.Resolve(messageId.Value, XmlFiles.Attr(e, "Name")) : null;
                if (message == null) errors.Add($"{label}: SdkMessageId '{XmlFiles.Text(e, "SdkMessageId")}' is not a known message");

                var entity = XmlFiles.Text(e, "PrimaryEntity")?.ToLowerInvariant();
                var table = entity == null || entity == "none" ? null : catalog?.Table(entity);
                if (entity != null && entity != "none" && catalog != null && table == null && !external.Contains(entity))
                    errors.Add($"{label}: PrimaryEntity '{entity}' is not a known table (nor a dependency declared in Other/Solution.xml)");
                var filtering = Columns(XmlFiles.Text(e, "FilteringAttributes"));
                if (message == "Update" && filtering.Count == 0)
                    errors.Add($"{label}: an Update step must list FilteringAttributes (otherwise it runs on every update)");
                foreach (var column in filtering.Where(c => table != null && table.Column(c) == null))
                    errors.Add($"{label}: FilteringAttributes names '{column}', which table '{table.LogicalName}' does not have");
                foreach (var image in e.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage") ?? Enumerable.Empty<XElement>())
                {
                    string alias = XmlFiles.Text(image, "EntityAlias") ?? XmlFiles.Attr(image, "Name");
                    errors.AddRange(TooLong(label, image, "image: ", "Name", "EntityAlias", "MessagePropertyName", "Description"));
                    foreach (var column in Columns(XmlFiles.Text(image, "Attributes")).Where(c => table != null && table.Column(c) == null))
                        errors.Add($"{label}: image '{alias}' names column '{column}', which table '{table.LogicalName}' does not have");
                    string problem = StepImageRules.Problem(message, XmlFiles.Text(image, "MessagePropertyName"), XmlFiles.Text(image, "ImageType"));
                    if (problem != null) errors.Add($"{label}: image '{alias}' {problem}");
                }

                var key = string.Join("|", typeName, message, entity ?? "none", XmlFiles.Text(e, "Stage"), XmlFiles.Text(e, "Mode") ?? "0");
                if (seen.TryGetValue(key, out var first))
                    errors.Add($"{label} duplicates {first} (same type, message, table, stage and mode)");
                else seen[key] = step.Path;
            }
            stepped.UnionWith(CustomApiCheck.PluginTypeNames(folder)); // a custom API's main operation needs no step
            foreach (var type in plugins.Where(t => registered.ContainsKey(t) && !stepped.Contains(t)).OrderBy(t => t, StringComparer.Ordinal))
                errors.Add($"{registered[type].File}: plugin type '{type}' has no step in SdkMessageProcessingSteps/ and runs no custom API of customapis/");
            return errors;
        }

        /// <summary>Dataverse stores a step's and an image's name, description, alias and message property in at most 256
        /// characters (Microsoft Learn, SdkMessageProcessingStep and SdkMessageProcessingStepImage table references): a
        /// longer text stops the import. Each field is read from an attribute or a child element of that name.</summary>
        public const int StepTextMaxLength = 256;

        private static IEnumerable<string> TooLong(string label, XElement e, string prefix, params string[] fields) =>
            fields.Select(f => (Field: f, Text: XmlFiles.Attr(e, f) ?? XmlFiles.Text(e, f)))
                .Where(f => f.Text != null && f.Text.Length > StepTextMaxLength)
                .Select(f => $"{label}: {prefix}{f.Field} has {f.Text.Length} characters; Dataverse stores at most {StepTextMaxLength}");

        private static List<string> Columns(string list) =>
            list == null ? new List<string>()
                : list.Split(',').Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct().ToList();

        /// <summary>
        /// The table metadata of a folder (built-in tables merged with the solution's), loaded by the engine's
        /// SolutionLoader from the metadata files only, so that a broken registration does not hide it.
        /// </summary>
        public static MetadataCatalog Metadata(SolutionFolder folder, out string error)
        {
            error = null;
            var temp = Path.Combine(Path.GetTempPath(), "crmc-metadata-" + Guid.NewGuid().ToString("N"));
            try
            {
                foreach (var relative in new[] { "Other", "Entities", "OptionSets" })
                    Copy(Path.Combine(folder.Root, relative), Path.Combine(temp, relative));
                return SolutionLoader.Load(temp).Catalog;
            }
            catch (SolutionLoadException e)
            {
                error = "metadata: " + e.Message;
                return null;
            }
            finally
            {
                if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            }
        }

        internal static void Copy(string source, string target)
        {
            if (!Directory.Exists(source)) return;
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(target, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to));
                File.Copy(file, to);
            }
        }
    }
}
