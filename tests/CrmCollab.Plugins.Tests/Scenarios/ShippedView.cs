using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>A view the solution ships, by its table folder and display name, as the app runs it: its fetch XML.</summary>
    public static class ShippedView
    {
        public static FetchExpression Named(string tableFolder, string name)
        {
            string folder = Path.Combine(CrmCollabOrg.SolutionFolder, "Entities", tableFolder, "SavedQueries");
            XElement query = Directory.GetFiles(folder, "*.xml")
                .Select(file => XDocument.Load(file).Root.Element("savedquery"))
                .Single(q => q.Descendants("LocalizedName").Any(n => (string)n.Attribute("description") == name));
            return new FetchExpression(query.Element("fetchxml").Elements().Single().ToString());
        }
    }
}
