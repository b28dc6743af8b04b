using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>
    /// The forms of each table as a model-driven app uses them once imported (Microsoft Learn, powerapps-docs):
    /// <list type="bullet">
    /// <item>a quick-create form is displayed only when its table has Allow Quick Create on (IsQuickCreateEnabled)
    /// ("Create or edit model-driven app quick create forms"); otherwise "+ New" from a lookup or sub-grid opens the
    /// main form, and the quick-create form ships unused;</item>
    /// <item>every table must be able to show a form to any user, so at least one main form of a table the solution
    /// creates is a fallback form (&lt;DisplayConditions FallbackForm="true"&gt;) ("Manage model-driven app forms
    /// settings"). Tables the solution only extends keep their own fallback forms.</item>
    /// </list>
    /// </summary>
    public static class FormCheck
    {
        public static List<string> Check(SolutionFolder folder)
        {
            var errors = new List<string>();
            var whole = ManifestCheck.TableBehaviours(folder);
            foreach (var entity in folder.Entities)
            {
                var name = XmlFiles.Text(entity.Entity.Root, "Name");
                var info = entity.Entity.Root.Element("EntityInfo")?.Element("entity");
                foreach (var (_, file) in entity.Forms.Where(f => f.Type == "quickCreate"))
                    if (XmlFiles.Text(info, "IsQuickCreateEnabled") != "1")
                        errors.Add($"{file.Path}: quick-create form '{FormName(file)}' of table '{name}' is never shown: "
                                   + $"{entity.Entity.Path} must set IsQuickCreateEnabled to 1 (Allow Quick Create)");

                var shippedWhole = whole.TryGetValue(name?.ToLowerInvariant() ?? "", out var behavior) && behavior == "0";
                var mains = entity.Forms.Where(f => f.Type == "main").Select(f => f.File).ToList();
                if (shippedWhole && mains.Count > 0 && !mains.Any(IsFallback))
                    errors.Add($"{entity.Entity.Path}: no main form of table '{name}' is a fallback form: give one "
                               + "<DisplayConditions FallbackForm=\"true\"> so that every user has a form to open its rows");
            }
            return errors;
        }

        private static bool IsFallback(SolutionFile form) =>
            form.Root.Descendants("DisplayConditions").Any(c => string.Equals((string)c.Attribute("FallbackForm"), "true", StringComparison.OrdinalIgnoreCase));

        private static string FormName(SolutionFile form) =>
            XmlFiles.Attr(form.Root.Descendants("LocalizedName").FirstOrDefault(), "description") ?? form.Path;
    }
}
