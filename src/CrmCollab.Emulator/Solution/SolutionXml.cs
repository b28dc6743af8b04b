using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace CrmCollab.Emulator.Solution
{
    /// <summary>Reading helpers that turn every problem into a <see cref="SolutionLoadException"/> naming the file.</summary>
    internal static class SolutionXml
    {
        private static readonly XmlReaderSettings Settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            IgnoreComments = true,
            XmlResolver = null,
        };

        public static XElement LoadRoot(string path, string file, string expectedRoot)
        {
            XDocument doc;
            try
            {
                using (var reader = XmlReader.Create(path, Settings))
                    doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
            }
            catch (XmlException e)
            {
                throw new SolutionLoadException(file, "not well-formed XML: " + e.Message, e);
            }
            catch (IOException e)
            {
                throw new SolutionLoadException(file, "cannot be read: " + e.Message, e);
            }
            if (expectedRoot != null && doc.Root.Name.LocalName != expectedRoot)
                throw new SolutionLoadException(file,
                    $"root element is <{doc.Root.Name.LocalName}>, expected <{expectedRoot}>");
            return doc.Root;
        }

        public static SolutionLoadException Fail(string file, XObject at, string problem)
        {
            var line = at is IXmlLineInfo info && info.HasLineInfo() ? $" (line {info.LineNumber})" : "";
            return new SolutionLoadException(file, problem + line);
        }

        /// <summary>Trimmed text of a child element; null when absent or empty.</summary>
        public static string Text(XElement parent, string name)
        {
            var value = parent.Element(name)?.Value.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        public static string Required(XElement parent, string name, string file) =>
            Text(parent, name) ?? throw Fail(file, parent, $"<{parent.Name.LocalName}> lacks required <{name}>");

        public static string Attr(XElement e, string name)
        {
            var value = e.Attribute(name)?.Value.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        public static string RequiredAttr(XElement e, string name, string file) =>
            Attr(e, name) ?? throw Fail(file, e, $"<{e.Name.LocalName}> lacks required attribute {name}");

        /// <summary>Customization XML writes booleans as 0/1 (TrueFalse01Type) or True/False (TrueFalseType).</summary>
        public static bool? Bool(XElement parent, string name, string file)
        {
            var text = Text(parent, name);
            switch (text?.ToLowerInvariant())
            {
                case null: return null;
                case "1": case "true": return true;
                case "0": case "false": return false;
                default: throw Fail(file, parent.Element(name), $"<{name}> is '{text}', expected 0/1 or True/False");
            }
        }

        public static int? Int(XElement parent, string name, string file)
        {
            var text = Text(parent, name);
            if (text == null) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            throw Fail(file, parent.Element(name), $"<{name}> is '{text}', expected an integer");
        }

        public static decimal? Decimal(XElement parent, string name, string file)
        {
            var text = Text(parent, name);
            if (text == null) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                return value >= (double)decimal.MaxValue ? decimal.MaxValue
                    : value <= (double)decimal.MinValue ? decimal.MinValue : (decimal)value;
            throw Fail(file, parent.Element(name), $"<{name}> is '{text}', expected a number");
        }

        public static Guid ParseGuid(string text, string file, XObject at, string what)
        {
            if (Guid.TryParse(text, out var id)) return id;
            throw Fail(file, at, $"{what} '{text}' is not a GUID");
        }

        /// <summary>The English (1033) label of a labels/displaynames container, else its first label.</summary>
        public static string Label(XElement container)
        {
            if (container == null) return null;
            var labels = container.Elements().Where(e => e.Attribute("description") != null).ToList();
            var label = labels.FirstOrDefault(e => (string)e.Attribute("languagecode") == "1033") ?? labels.FirstOrDefault();
            return label == null ? null : (string)label.Attribute("description");
        }

        public static string Relative(string root, string path) =>
            Path.GetRelativePath(root, path).Replace('\\', '/');
    }
}
