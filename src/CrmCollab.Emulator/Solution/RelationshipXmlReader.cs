using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Solution
{
    /// <summary>
    /// Reads &lt;EntityRelationship&gt; elements. Unpacked, Other/Relationships.xml is an index of names and
    /// Other/Relationships/&lt;Entity&gt;.xml hold the definitions; a packed customizations.xml holds them inline.
    /// </summary>
    internal static class RelationshipXmlReader
    {
        public static void ReadAll(LoadState state, XElement customizations)
        {
            var defined = new HashSet<string>(state.Catalog.Relationships.Select(r => r.SchemaName),
                System.StringComparer.OrdinalIgnoreCase);
            foreach (var (file, root) in state.LoadAll("Other/Relationships", "*.xml", "EntityRelationships"))
                foreach (var rel in root.Elements("EntityRelationship"))
                    Read(rel, file, state, defined);

            foreach (var rel in customizations.Element("EntityRelationships")?.Elements("EntityRelationship")
                                 ?? Enumerable.Empty<XElement>())
                if (rel.HasElements) Read(rel, state.CustomizationsFile, state, defined);

            const string index = "Other/Relationships.xml";
            var indexRoot = state.Load(index, "EntityRelationships", required: false);
            if (indexRoot == null) return;
            foreach (var rel in indexRoot.Elements("EntityRelationship"))
            {
                if (rel.HasElements) { Read(rel, index, state, defined); continue; }
                var name = SolutionXml.RequiredAttr(rel, "Name", index);
                if (!defined.Contains(name))
                    throw SolutionXml.Fail(index, rel, $"lists relationship '{name}' but no Other/Relationships/*.xml defines it");
            }
        }

        private static void Read(XElement rel, string file, LoadState state, HashSet<string> defined)
        {
            var name = SolutionXml.RequiredAttr(rel, "Name", file);
            if (!defined.Add(name)) return; // already read from another file (first definition wins)
            var kind = SolutionXml.Required(rel, "EntityRelationshipType", file);
            if (kind == "OneToMany") ReadOneToMany(rel, name, file, state);
            else if (kind == "ManyToMany") ReadManyToMany(rel, name, file, state);
            else throw SolutionXml.Fail(file, rel, $"relationship '{name}' has EntityRelationshipType '{kind}'");
        }

        private static void ReadOneToMany(XElement rel, string name, string file, LoadState state)
        {
            var referencing = Table(rel, "ReferencingEntityName", name, file, state);
            var referenced = Table(rel, "ReferencedEntityName", name, file, state);
            var attribute = SolutionXml.Required(rel, "ReferencingAttributeName", file).ToLowerInvariant();
            var column = state.Catalog.Table(referencing).Column(attribute)
                ?? throw SolutionXml.Fail(file, rel, $"relationship '{name}': '{referencing}' has no column '{attribute}'");
            if (column.Type != ColumnType.Lookup && column.Type != ColumnType.Customer && column.Type != ColumnType.Owner)
                throw SolutionXml.Fail(file, rel, $"relationship '{name}': '{referencing}.{attribute}' is {column.Type}, not a lookup");
            if (!column.Targets.Contains(referenced)) column.Targets.Add(referenced);

            var cascade = SolutionXml.Text(rel, "CascadeDelete") ?? "RemoveLink";
            if (cascade != "Cascade" && cascade != "RemoveLink" && cascade != "Restrict" && cascade != "NoCascade")
                throw SolutionXml.Fail(file, rel, $"relationship '{name}' has CascadeDelete '{cascade}'");
            var assign = SolutionXml.Text(rel, "CascadeAssign") ?? "NoCascade";
            if (assign != "Cascade" && assign != "Active" && assign != "UserOwned" && assign != "NoCascade")
                throw SolutionXml.Fail(file, rel, $"relationship '{name}' has CascadeAssign '{assign}'");
            state.Catalog.Relationships.Add(new RelationshipDefinition
            {
                SchemaName = name,
                CascadeAssign = assign,
                ReferencedEntity = referenced,
                ReferencedAttribute = state.Catalog.Table(referenced).PrimaryIdAttribute,
                ReferencingEntity = referencing,
                ReferencingAttribute = attribute,
                CascadeDelete = cascade,
            });
        }

        private static void ReadManyToMany(XElement rel, string name, string file, LoadState state)
        {
            var first = Table(rel, "FirstEntityName", name, file, state);
            var second = Table(rel, "SecondEntityName", name, file, state);
            var intersect = SolutionXml.Required(rel, "IntersectEntityName", file).ToLowerInvariant();
            var id1 = state.Catalog.Table(first).PrimaryIdAttribute;
            var id2 = state.Catalog.Table(second).PrimaryIdAttribute;
            if (first == second) { id1 += "one"; id2 += "two"; } // self-referencing N:N
            state.Catalog.Relationships.Add(new RelationshipDefinition
            {
                SchemaName = name,
                IsManyToMany = true,
                IntersectEntity = intersect,
                Entity1 = first,
                Entity1IntersectAttribute = id1,
                Entity2 = second,
                Entity2IntersectAttribute = id2,
            });
            if (state.Catalog.Table(intersect) != null) return;
            // Dataverse creates a hidden intersect table for every N:N; queries may link through it.
            var table = TableBuilder.Create(state.Catalog, intersect, intersect, state.NextObjectTypeCode(),
                OwnershipType.None, intersect + "id", null).Table;
            table.IsCustom = true;
            table.Column(table.PrimaryIdAttribute).IsValidForCreate = false;
            table.Columns[id1] = BuiltInTables.IntersectColumn(id1);
            table.Columns[id2] = BuiltInTables.IntersectColumn(id2);
        }

        private static string Table(XElement rel, string element, string relationship, string file, LoadState state)
        {
            var text = SolutionXml.Required(rel, element, file);
            return state.TableName(text)
                ?? throw SolutionXml.Fail(file, rel.Element(element), $"relationship '{relationship}': {element} '{text}' is not a known table");
        }
    }
}
