using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>
    /// [Content_Types].xml as Dataverse writes it: UTF-8 with BOM, one line, a Default per file extension and an
    /// Override per extension-less part (web resources), all application/octet-stream.
    /// </summary>
    public static class ContentTypesWriter
    {
        public const string Namespace = "http://schemas.openxmlformats.org/package/2006/content-types";
        public const string OctetStream = "application/octet-stream";

        public static byte[] Write(IEnumerable<string> partNames)
        {
            var parts = partNames.Concat(new[] { PackagingNames.ContentTypesXml }).ToList();
            var extensions = parts.Select(Extension).Where(e => e != null).Distinct(StringComparer.Ordinal)
                .OrderBy(e => e == "xml" ? "" : e, StringComparer.Ordinal); // xml first, as exports do
            var overrides = parts.Where(p => Extension(p) == null).OrderBy(p => p, StringComparer.Ordinal);

            var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            text.Append("<Types xmlns=\"").Append(Namespace).Append("\">");
            foreach (var extension in extensions)
                text.Append("<Default Extension=\"").Append(Escape(extension)).Append("\" ContentType=\"").Append(OctetStream).Append("\" />");
            foreach (var part in overrides)
                text.Append("<Override PartName=\"/").Append(Escape(part)).Append("\" ContentType=\"").Append(OctetStream).Append("\" />");
            text.Append("</Types>");
            return new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        }

        /// <summary>Lower-case extension of a part's last segment, or null when it has none.</summary>
        public static string Extension(string part)
        {
            var name = part.Substring(part.LastIndexOf('/') + 1);
            var dot = name.LastIndexOf('.');
            return dot <= 0 || dot == name.Length - 1 ? null : name.Substring(dot + 1).ToLowerInvariant();
        }

        private static string Escape(string value) =>
            value.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
