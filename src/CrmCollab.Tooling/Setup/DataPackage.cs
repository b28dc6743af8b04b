using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Tooling.Packaging;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Tooling.Setup
{
    /// <summary>
    /// A Configuration Migration data package, the zip `pac data import` and the Configuration Migration Tool read:
    /// data_schema.xml (each table with its fields and their types, from the solution's metadata), data.xml (the
    /// records, by id) and [Content_Types].xml. Written deterministically (fixed order, no time stamp in the data).
    /// </summary>
    public static class DataPackage
    {
        public const string SchemaFile = "data_schema.xml";
        public const string DataFile = "data.xml";

        /// <summary>The package of setup/'s reference data, typed by the metadata of the solution folder.</summary>
        public static byte[] Pack(string setupFolder, string solutionFolder)
        {
            string rulesFile = System.IO.Path.Combine(setupFolder, ReferenceData.RulesFile);
            string templatesFile = System.IO.Path.Combine(setupFolder, ReferenceData.TemplatesFile);
            var rules = ReferenceData.ReadRules(rulesFile).Select(ReferenceData.Row).ToList();
            var templates = HandoffTemplateSetup.Read(templatesFile).Select(HandoffTemplateSetup.Row).ToList();
            MetadataCatalog catalog = Emulator.Solution.SolutionLoader.Load(solutionFolder).Catalog;
            ReferenceData.CheckValues("feasibility rules file", rulesFile, rules, catalog);
            ReferenceData.CheckValues("handoff templates file", templatesFile, templates, catalog);
            return Write(rules.Concat(templates).ToList(), catalog);
        }

        public static byte[] Write(IReadOnlyList<Entity> rows, MetadataCatalog catalog)
        {
            var tables = rows.Select(r => r.LogicalName).Distinct().Select(t => catalog.Table(t)
                ?? throw new PackagingException($"reference data names table '{t}', which the solution does not have")).ToList();
            var schema = new XElement("entities", tables.Select(t => new XElement("entity",
                new XAttribute("name", t.LogicalName), new XAttribute("displayname", t.DisplayName ?? t.LogicalName),
                new XAttribute("etc", t.ObjectTypeCode), new XAttribute("primaryidfield", t.PrimaryIdAttribute),
                new XAttribute("primarynamefield", t.PrimaryNameAttribute ?? ""), new XAttribute("disableplugins", "false"),
                new XElement("fields", Columns(rows, t).Select(c => new XElement("field",
                    new XAttribute("displayname", c.DisplayName ?? c.LogicalName), new XAttribute("name", c.LogicalName),
                    new XAttribute("type", TypeName(c)), c.Type == ColumnType.Lookup ? new XAttribute("lookupType", string.Join("|", c.Targets)) : null,
                    c.IsCustom ? new XAttribute("customfield", "true") : null,
                    c.LogicalName == t.PrimaryIdAttribute ? new XAttribute("primaryKey", "true") : null))))));
            var data = new XElement("entities", tables.Select(t => new XElement("entity",
                new XAttribute("name", t.LogicalName), new XAttribute("displayname", t.DisplayName ?? t.LogicalName),
                new XElement("records", rows.Where(r => r.LogicalName == t.LogicalName).Select(r => new XElement("record",
                    new XAttribute("id", r.Id.ToString("D")),
                    r.Attributes.Where(a => a.Value != null).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => Field(a.Key, a.Value))))),
                new XElement("m2mrelationships"))));
            return DeterministicZip.Write(new[]
            {
                new KeyValuePair<string, byte[]>(DataFile, Bytes(data)),
                new KeyValuePair<string, byte[]>(SchemaFile, Bytes(schema)),
                new KeyValuePair<string, byte[]>(PackagingNames.ContentTypesXml, ContentTypesWriter.Write(new[] { DataFile, SchemaFile })),
            });
        }

        /// <summary>The records of a package, typed by its data_schema.xml.</summary>
        public static List<Entity> Read(byte[] zip)
        {
            var parts = DeterministicZip.Read(zip).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            XElement Part(string name) => parts.TryGetValue(name, out var b) ? XmlFiles.Parse(b, name).Root
                : throw new PackagingException($"{name}: missing from the data package");
            var types = Part(SchemaFile).Elements("entity").ToDictionary(e => (string)e.Attribute("name"),
                e => e.Element("fields").Elements("field").ToDictionary(f => (string)f.Attribute("name"), f => f));
            var rows = new List<Entity>();
            foreach (var entity in Part(DataFile).Elements("entity"))
            {
                var table = (string)entity.Attribute("name");
                if (!types.TryGetValue(table, out var fields)) throw new PackagingException($"{DataFile}: table '{table}' is not in {SchemaFile}");
                foreach (var record in entity.Element("records")?.Elements("record") ?? Enumerable.Empty<XElement>())
                {
                    var row = new Entity(table, Guid.Parse((string)record.Attribute("id")));
                    foreach (var field in record.Elements("field"))
                    {
                        var name = (string)field.Attribute("name");
                        if (!fields.TryGetValue(name, out var type)) throw new PackagingException($"{DataFile}: {table}.{name} is not in {SchemaFile}");
                        row[name] = Value(type, field);
                    }
                    rows.Add(row);
                }
            }
            return rows;
        }

        /// <summary>Imports as the Configuration Migration Tool does: a record whose id exists is updated, else created with
        /// that id. Returns (created, updated).</summary>
        public static (int Created, int Updated) Import(IOrganizationService service, IEnumerable<Entity> rows)
        {
            int created = 0, updated = 0;
            foreach (var row in rows)
            {
                var exists = new QueryExpression(row.LogicalName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
                exists.Criteria.AddCondition(row.LogicalName + "id", ConditionOperator.Equal, row.Id);
                if (service.RetrieveMultiple(exists).Entities.Count > 0) { service.Update(row); updated++; }
                else { service.Create(row); created++; }
            }
            return (created, updated);
        }

        private static IEnumerable<ColumnDefinition> Columns(IReadOnlyList<Entity> rows, TableDefinition table) =>
            new[] { table.PrimaryIdAttribute }.Concat(rows.Where(r => r.LogicalName == table.LogicalName).SelectMany(r => r.Attributes.Keys))
                .Distinct().OrderBy(n => n, StringComparer.Ordinal)
                .Select(n => table.Column(n) ?? throw new PackagingException($"reference data names column '{table.LogicalName}.{n}', which the solution does not have"));

        private static string TypeName(ColumnDefinition c) => c.Type switch
        {
            ColumnType.Uniqueidentifier => "guid",
            ColumnType.String or ColumnType.Memo or ColumnType.EntityName => "string",
            ColumnType.Integer or ColumnType.BigInt => "number",
            ColumnType.Decimal => "decimal",
            ColumnType.Double => "float",
            ColumnType.Money => "money",
            ColumnType.Boolean => "bool",
            ColumnType.DateTime => "datetime",
            ColumnType.Picklist => "optionsetvalue",
            ColumnType.State => "state",
            ColumnType.Status => "status",
            ColumnType.Lookup or ColumnType.Owner or ColumnType.Customer => "entityreference",
            _ => throw new PackagingException($"column '{c.LogicalName}' has a type the data package does not carry ({c.Type})"),
        };

        private static XElement Field(string name, object value)
        {
            var field = new XElement("field", new XAttribute("name", name));
            switch (value)
            {
                case OptionSetValue o: field.SetAttributeValue("value", o.Value.ToString(CultureInfo.InvariantCulture)); break;
                case Money m: field.SetAttributeValue("value", m.Value.ToString(CultureInfo.InvariantCulture)); break;
                case EntityReference r:
                    field.SetAttributeValue("value", r.Id.ToString("D"));
                    field.SetAttributeValue("lookupentity", r.LogicalName);
                    if (r.Name != null) field.SetAttributeValue("lookupentityname", r.Name);
                    break;
                case bool b: field.SetAttributeValue("value", b ? "True" : "False"); break;
                case DateTime d: field.SetAttributeValue("value", d.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture)); break;
                case IFormattable f: field.SetAttributeValue("value", f.ToString(null, CultureInfo.InvariantCulture)); break;
                default: field.SetAttributeValue("value", value.ToString()); break;
            }
            return field;
        }

        private static object Value(XElement type, XElement field)
        {
            var text = (string)field.Attribute("value");
            switch ((string)type.Attribute("type"))
            {
                case "optionsetvalue": case "state": case "status": return new OptionSetValue(int.Parse(text, CultureInfo.InvariantCulture));
                case "money": return new Money(decimal.Parse(text, CultureInfo.InvariantCulture));
                case "decimal": return decimal.Parse(text, CultureInfo.InvariantCulture);
                case "float": return double.Parse(text, CultureInfo.InvariantCulture);
                case "number": return int.Parse(text, CultureInfo.InvariantCulture);
                case "bool": return string.Equals(text, "True", StringComparison.OrdinalIgnoreCase) || text == "1";
                case "datetime": return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                case "guid": return Guid.Parse(text);
                case "entityreference": return new EntityReference((string)field.Attribute("lookupentity"), Guid.Parse(text));
                default: return text;
            }
        }

        private static byte[] Bytes(XElement root) => XmlFiles.Bytes(new XDocument(new XDeclaration("1.0", "utf-8", null), root), finalNewline: false);
    }
}
