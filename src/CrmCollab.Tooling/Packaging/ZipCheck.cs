using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>The package itself: required parts, forward-slash names, and a content type for every part.</summary>
    public static class ZipCheck
    {
        public static List<string> Parts(List<KeyValuePair<string, byte[]>> entries)
        {
            var errors = new List<string>();
            var names = entries.Select(e => e.Key).ToList();
            foreach (var required in new[] { PackagingNames.SolutionXml, PackagingNames.CustomizationsXml, PackagingNames.ContentTypesXml })
                if (!names.Contains(required)) errors.Add($"{required}: missing from the package");
            foreach (var name in names.Where(n => n.Contains('\\')))
                errors.Add($"{name}: zip entry names use forward slashes");
            var types = entries.FirstOrDefault(e => e.Key == PackagingNames.ContentTypesXml).Value;
            if (types == null) return errors;
            XElement root;
            try
            {
                root = XmlFiles.Parse(types, PackagingNames.ContentTypesXml).Root;
            }
            catch (PackagingException e)
            {
                errors.Add(e.Message);
                return errors;
            }
            XNamespace ns = ContentTypesWriter.Namespace;
            var defaults = root.Elements(ns + "Default").Select(d => ((string)d.Attribute("Extension"))?.ToLowerInvariant()).ToHashSet();
            var overrides = root.Elements(ns + "Override").Select(o => ((string)o.Attribute("PartName"))?.TrimStart('/')).ToHashSet();
            foreach (var name in names)
            {
                var extension = ContentTypesWriter.Extension(name);
                if (extension == null ? !overrides.Contains(name) : !defaults.Contains(extension))
                    errors.Add($"{PackagingNames.ContentTypesXml}: no content type for part '{name}'");
            }
            return errors;
        }
    }
}
