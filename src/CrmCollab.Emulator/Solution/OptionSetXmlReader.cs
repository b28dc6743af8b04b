using System.Globalization;
using System.Xml.Linq;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Solution
{
    /// <summary>Reads &lt;optionset&gt; elements (optionsettype): global choices and the inline choices of columns.</summary>
    internal static class OptionSetXmlReader
    {
        public static void ReadGlobal(XElement element, string file, LoadState state)
        {
            var set = Read(element, file);
            set.IsGlobal = true;
            state.Catalog.GlobalOptionSets[set.Name] = set;
        }

        public static OptionSetDefinition Read(XElement element, string file)
        {
            var name = SolutionXml.RequiredAttr(element, "Name", file);
            var kind = SolutionXml.Text(element, "OptionSetType") ?? "picklist";
            var set = new OptionSetDefinition
            {
                Name = name,
                IsGlobal = SolutionXml.Bool(element, "IsGlobal", file) ?? false,
            };
            switch (kind)
            {
                case "picklist":
                case "bit":
                    foreach (var option in Items(element, "options", "option"))
                        set.Options.Add(new OptionDefinition { Value = Value(option, file), Label = Label(option) });
                    break;
                case "state":
                    foreach (var state in Items(element, "states", "state"))
                        set.Options.Add(new OptionDefinition
                        {
                            Value = Value(state, file),
                            Label = Label(state) ?? SolutionXml.Attr(state, "invariantname"),
                            DefaultStatus = IntAttr(state, "defaultstatus", file),
                        });
                    break;
                case "status":
                    foreach (var status in Items(element, "statuses", "status"))
                        set.Options.Add(new OptionDefinition
                        {
                            Value = Value(status, file),
                            Label = Label(status),
                            State = IntAttr(status, "state", file),
                        });
                    break;
                default:
                    throw SolutionXml.Fail(file, element,
                        $"option set '{name}' has OptionSetType '{kind}' (expected picklist, state, status or bit)");
            }
            for (var i = 0; i < set.Options.Count; i++)
                for (var j = i + 1; j < set.Options.Count; j++)
                    if (set.Options[i].Value == set.Options[j].Value)
                        throw SolutionXml.Fail(file, element, $"option set '{name}' repeats value {set.Options[i].Value}");
            return set;
        }

        private static System.Collections.Generic.IEnumerable<XElement> Items(XElement set, string container, string item) =>
            set.Element(container)?.Elements(item) ?? System.Linq.Enumerable.Empty<XElement>();

        private static string Label(XElement option) => SolutionXml.Label(option.Element("labels"));

        private static int Value(XElement option, string file) =>
            IntAttr(option, "value", file) ?? throw SolutionXml.Fail(file, option, $"<{option.Name.LocalName}> lacks value");

        private static int? IntAttr(XElement e, string name, string file)
        {
            var text = SolutionXml.Attr(e, name);
            if (text == null) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
            throw SolutionXml.Fail(file, e, $"attribute {name}='{text}' is not an integer");
        }
    }
}
