using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>How solution XML is read and written: UTF-8 without BOM, two-space indent, LF, a final newline
    /// in the folder layout (the convention of solution/), and the xsi namespace declared on each root.</summary>
    public static class XmlFiles
    {
        public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

        private static readonly XmlReaderSettings ReaderSettings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = true, // layout is re-made on write (indentation differs between file and package)
        };

        public static XDocument Load(string path, string relative)
        {
            try
            {
                using var reader = XmlReader.Create(path, ReaderSettings);
                return XDocument.Load(reader);
            }
            catch (XmlException e)
            {
                throw new PackagingException($"{relative}: not well-formed XML: {e.Message}");
            }
        }

        public static XDocument Parse(byte[] bytes, string relative)
        {
            try
            {
                using var stream = new MemoryStream(bytes);
                using var reader = XmlReader.Create(stream, ReaderSettings);
                return XDocument.Load(reader);
            }
            catch (XmlException e)
            {
                throw new PackagingException($"{relative}: not well-formed XML: {e.Message}");
            }
        }

        /// <summary>A copy of an element without namespace declarations (they live on the enclosing root).</summary>
        public static XElement Detached(XElement element)
        {
            var copy = new XElement(element);
            copy.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
            return copy;
        }

        /// <summary>An element as the root of its own file: the xsi declaration comes last, as in exports.</summary>
        public static XDocument AsFileRoot(XElement element, bool declareXsi = true)
        {
            var root = Detached(element);
            if (declareXsi) root.Add(new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName));
            return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        }

        /// <summary>Bytes of a document: indented, UTF-8 without BOM, LF line ends; <paramref name="finalNewline"/>
        /// for the folder layout.</summary>
        public static byte[] Bytes(XDocument doc, bool finalNewline)
        {
            var settings = new XmlWriterSettings
            {
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                NewLineHandling = NewLineHandling.Replace,
                Encoding = new UTF8Encoding(false),
            };
            using var stream = new MemoryStream();
            using (var writer = XmlWriter.Create(stream, settings)) doc.Save(writer);
            if (finalNewline) stream.WriteByte((byte)'\n');
            return stream.ToArray();
        }

        public static void Write(string path, XDocument doc)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllBytes(path, Bytes(doc, finalNewline: true));
        }

        /// <summary>Structural equality ignoring formatting and namespace declarations.</summary>
        public static bool SameContent(XDocument a, XDocument b) =>
            XNode.DeepEquals(Canonical(a.Root), Canonical(b.Root));

        private static XElement Canonical(XElement e)
        {
            var copy = Detached(e);
            foreach (var d in copy.Descendants()) d.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
            foreach (var t in copy.DescendantNodes().OfType<XText>().Where(t => string.IsNullOrWhiteSpace(t.Value)).ToList()) t.Remove();
            foreach (var x in copy.DescendantsAndSelf().Where(x => !x.HasElements && x.IsEmpty)) x.Value = "";
            return copy;
        }

        public static string Text(XElement parent, string name)
        {
            var value = parent?.Element(name)?.Value.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        public static string Attr(XElement e, string name)
        {
            var value = e?.Attribute(name)?.Value.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }
    }

    /// <summary>A problem with packaging input the user can fix; the message starts with the offending file.</summary>
    public sealed class PackagingException : Exception
    {
        public PackagingException(string message) : base(message) { }
    }
}
