using System.Xml.Linq;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>
    /// solution.xml: the folder's Other/Solution.xml (its identity is checked against pac.config by the
    /// manifest check) with &lt;Managed&gt; set to 1 for the managed package and 0 for the unmanaged one.
    /// </summary>
    public static class SolutionManifestWriter
    {
        public static XDocument Write(SolutionFolder folder, bool managed)
        {
            var doc = new XDocument(folder.Manifest);
            var manifest = doc.Root.Element("SolutionManifest")
                ?? throw new PackagingException("Other/Solution.xml: <ImportExportXml> lacks <SolutionManifest>");
            var flag = manifest.Element("Managed");
            if (flag == null) throw new PackagingException("Other/Solution.xml: <SolutionManifest> lacks <Managed>");
            flag.Value = managed ? "1" : "0";
            if (manifest.Element("MissingDependencies") == null) manifest.Add(new XElement("MissingDependencies"));
            return doc;
        }
    }
}
