using System;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Solution
{
    /// <summary>Reads &lt;SdkMessageProcessingStep&gt; (SdkMessageProcessingSteps/{id}.xml) into a StepDefinition.</summary>
    internal static class StepXmlReader
    {
        public static void Read(XElement e, string file, LoadState state)
        {
            var idText = SolutionXml.RequiredAttr(e, "SdkMessageProcessingStepId", file);
            var step = new StepDefinition
            {
                Id = SolutionXml.ParseGuid(idText, file, e, "SdkMessageProcessingStepId"),
                Name = SolutionXml.Attr(e, "Name"),
                UnsecureConfiguration = SolutionXml.Text(e, "Configuration"),
                AsyncAutoDelete = SolutionXml.Bool(e, "AsyncAutoDelete", file) ?? false,
                Rank = SolutionXml.Int(e, "Rank", file) ?? 1,
            };
            if (state.Definition.Steps.Any(s => s.Id == step.Id))
                throw SolutionXml.Fail(file, e, $"step {step.Id} is defined twice");

            var messageText = SolutionXml.Required(e, "SdkMessageId", file);
            var messageId = SolutionXml.ParseGuid(messageText, file, e.Element("SdkMessageId"), "SdkMessageId");
            step.MessageName = SdkMessages.Resolve(messageId, step.Name)
                ?? throw SolutionXml.Fail(file, e.Element("SdkMessageId"),
                    $"unknown SdkMessageId {messageId}: not a well-known message and the step Name does not read '<type>: <Message> of <table>'");

            // Registered as an assembly-qualified name; the engine matches on the type's full name.
            var typeName = SolutionXml.Required(e, "PluginTypeName", file);
            step.PluginTypeName = typeName.Split(',')[0].Trim();
            if (state.KnownTypes.Count > 0 && !state.KnownTypes.Contains(step.PluginTypeName))
                throw SolutionXml.Fail(file, e.Element("PluginTypeName"),
                    $"plugin type '{step.PluginTypeName}' is not in any PluginAssemblies/*.dll.data.xml");

            var entity = SolutionXml.Text(e, "PrimaryEntity");
            if (entity != null && !string.Equals(entity, "none", StringComparison.OrdinalIgnoreCase))
            {
                // A step on a table the solution declares as a dependency, which this organisation does not have:
                // Dataverse would refuse the import until the table exists; offline the step is left out.
                if (state.TableName(entity) == null && state.DependencyTables.Contains(entity.ToLowerInvariant())) return;
                step.PrimaryEntity = state.TableName(entity)
                    ?? throw SolutionXml.Fail(file, e.Element("PrimaryEntity"), $"PrimaryEntity '{entity}' is not a known table");
            }

            var stage = SolutionXml.Int(e, "Stage", file) ?? throw SolutionXml.Fail(file, e, "<SdkMessageProcessingStep> lacks <Stage>");
            if (stage != 10 && stage != 20 && stage != 40)
                throw SolutionXml.Fail(file, e.Element("Stage"), $"Stage {stage} is not 10 (PreValidation), 20 (PreOperation) or 40 (PostOperation)");
            step.Stage = (StepStage)stage;
            var mode = SolutionXml.Int(e, "Mode", file) ?? 0;
            if (mode != 0 && mode != 1) throw SolutionXml.Fail(file, e.Element("Mode"), $"Mode {mode} is not 0 (sync) or 1 (async)");
            step.Mode = (StepMode)mode;
            if (step.Mode == StepMode.Asynchronous && step.Stage != StepStage.PostOperation)
                throw SolutionXml.Fail(file, e.Element("Mode"), "asynchronous steps must be registered on stage 40 (PostOperation)");

            var impersonating = SolutionXml.Text(e, "ImpersonatingUserId"); // not in the 9.0 XSD; tolerated if present
            if (impersonating != null)
                step.RunAsUserId = SolutionXml.ParseGuid(impersonating, file, e.Element("ImpersonatingUserId"), "ImpersonatingUserId");

            var table = step.PrimaryEntity == null ? null : state.Catalog.Table(step.PrimaryEntity);
            foreach (var column in Columns(SolutionXml.Text(e, "FilteringAttributes")))
            {
                Check(table, column, file, e.Element("FilteringAttributes"), "FilteringAttributes");
                step.FilteringAttributes.Add(column);
            }

            foreach (var img in e.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage")
                                 ?? Enumerable.Empty<XElement>())
                step.Images.Add(ReadImage(img, step, table, file));

            state.Definition.Steps.Add(step);
        }

        private static StepImageDefinition ReadImage(XElement img, StepDefinition step, TableDefinition table, string file)
        {
            var image = new StepImageDefinition
            {
                Name = SolutionXml.Attr(img, "Name"),
                EntityAlias = SolutionXml.Required(img, "EntityAlias", file),
                MessagePropertyName = SolutionXml.Text(img, "MessagePropertyName") ?? "Target",
            };
            image.Name ??= image.EntityAlias;
            var type = SolutionXml.Int(img, "ImageType", file) ?? 0;
            if (type < 0 || type > 2) throw SolutionXml.Fail(file, img, $"image '{image.EntityAlias}' has ImageType {type}");
            image.ImageType = (ImageType)type;
            // Platform rules: no pre-image on Create, no post-image before the main operation.
            if (step.MessageName == "Create" && image.ImageType != ImageType.PostImage)
                throw SolutionXml.Fail(file, img, $"image '{image.EntityAlias}': a Create step cannot have a pre-image");
            if (step.Stage != StepStage.PostOperation && image.ImageType != ImageType.PreImage)
                throw SolutionXml.Fail(file, img, $"image '{image.EntityAlias}': post-images exist only on stage 40");
            foreach (var column in Columns(SolutionXml.Text(img, "Attributes")))
            {
                Check(table, column, file, img, $"image '{image.EntityAlias}' Attributes");
                image.Attributes.Add(column);
            }
            return image;
        }

        private static string[] Columns(string list) =>
            list == null ? Array.Empty<string>()
                : list.Split(',').Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct().ToArray();

        private static void Check(TableDefinition table, string column, string file, XObject at, string what)
        {
            if (table != null && table.Column(column) == null)
                throw SolutionXml.Fail(file, at, $"{what} names '{column}', which '{table.LogicalName}' does not have");
        }
    }
}
