using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Solution
{
    /// <summary>
    /// Reads &lt;Entity&gt; (Entities/&lt;Schema&gt;/Entity.xml or customizations.xml). A custom table is created; a
    /// built-in table only receives the custom columns (IsCustomField=1) — its standard columns stay as built in.
    /// </summary>
    internal static class EntityXmlReader
    {
        public static void Read(XElement entityElement, string file, LoadState state)
        {
            var schemaName = SolutionXml.Required(entityElement, "Name", file);
            var logicalName = schemaName.ToLowerInvariant();
            var info = entityElement.Element("EntityInfo")?.Element("entity");
            var table = state.Catalog.Table(logicalName);
            var isNew = table == null;
            if (info == null)
            {
                if (isNew) throw SolutionXml.Fail(file, entityElement, $"table '{schemaName}' is unknown and has no <EntityInfo>");
                return; // a standard table included for forms/views only
            }
            var attributes = info.Element("attributes")
                ?? throw SolutionXml.Fail(file, info, $"<entity Name=\"{schemaName}\"> lacks <attributes>");

            if (isNew)
            {
                table = new TableDefinition
                {
                    LogicalName = logicalName,
                    SchemaName = schemaName,
                    IsCustom = true,
                    Ownership = Ownership(info, file),
                    IsActivity = SolutionXml.Bool(info, "IsActivity", file) ?? false,
                    DisplayName = SolutionXml.Label(info.Element("LocalizedNames")) ?? schemaName,
                };
                table.ObjectTypeCode = SolutionXml.Int(entityElement, "ObjectTypeCode", file) ?? state.NextObjectTypeCode();
                state.Catalog.Tables[logicalName] = table;
                BuiltInTables.AddRegardingTarget(state.Catalog, logicalName,
                    activities: SolutionXml.Bool(info, "HasRelatedActivities", file) ?? false,
                    notes: SolutionXml.Bool(info, "HasRelatedNotes", file) ?? false);
            }
            state.SolutionTables[logicalName] = file;

            foreach (var attribute in attributes.Elements("attribute"))
                ReadAttribute(attribute, table, isNew, file, state);

            if (isNew)
            {
                if (table.PrimaryIdAttribute == null)
                    throw SolutionXml.Fail(file, info, $"table '{schemaName}' has no attribute of Type primarykey");
                if (table.PrimaryNameAttribute == null)
                    throw SolutionXml.Fail(file, info, $"table '{schemaName}' has no attribute whose DisplayMask contains PrimaryName");
                TableBuilder.For(state.Catalog, table).SystemColumns();
            }
            CurrencyColumns.Complete(state.Catalog, table, isNew);
            ReadKeys(info, table, file);
        }

        private static OwnershipType Ownership(XElement info, string file)
        {
            var mask = SolutionXml.Text(info, "OwnershipTypeMask");
            switch (mask)
            {
                case "UserOwned": case "TeamOwned": return OwnershipType.UserOwned;
                case "OrgOwned": case "OrganizationOwned": return OwnershipType.OrganizationOwned;
                case "BusinessOwned": return OwnershipType.BusinessOwned;
                case "None": return OwnershipType.None;
                case null: throw SolutionXml.Fail(file, info, "custom table lacks <OwnershipTypeMask>");
                default: throw SolutionXml.Fail(file, info.Element("OwnershipTypeMask"), $"unknown OwnershipTypeMask '{mask}'");
            }
        }

        private static void ReadAttribute(XElement a, TableDefinition table, bool isNewTable, string file, LoadState state)
        {
            var physical = SolutionXml.RequiredAttr(a, "PhysicalName", file);
            var logical = (SolutionXml.Text(a, "LogicalName") ?? SolutionXml.Text(a, "Name") ?? physical).ToLowerInvariant();
            var isCustom = SolutionXml.Bool(a, "IsCustomField", file) ?? false;
            // Standard columns of a built-in table keep their built-in definition (or are not modelled at all).
            if (!isNewTable && !isCustom) return;

            var typeText = SolutionXml.Required(a, "Type", file);
            if (!TryMapType(typeText, out var type, out var supported))
                throw SolutionXml.Fail(file, a, $"attribute '{logical}' has unknown Type '{typeText}'");
            if (!supported) return; // virtual/image/binary helper columns carry no data the engine needs

            var column = new ColumnDefinition
            {
                LogicalName = logical,
                SchemaName = physical,
                DisplayName = SolutionXml.Label(a.Element("displaynames")) ?? physical,
                Type = type,
                RequiredLevel = Level(SolutionXml.Text(a, "RequiredLevel"), file, a),
                IsValidForCreate = SolutionXml.Bool(a, "ValidForCreateApi", file) ?? true,
                IsValidForUpdate = SolutionXml.Bool(a, "ValidForUpdateApi", file) ?? true,
                IsCustom = isCustom,
                MaxLength = SolutionXml.Int(a, "MaxLength", file),
                MinValue = SolutionXml.Decimal(a, "MinValue", file),
                MaxValue = SolutionXml.Decimal(a, "MaxValue", file),
                Precision = SolutionXml.Int(a, "Accuracy", file),
                // Behavior 2: DateTimeBehavior.DateOnly (1 UserLocal, 3 TimeZoneIndependent).
                IsDateOnly = type == ColumnType.DateTime && SolutionXml.Int(a, "Behavior", file) == 2,
            };
            if (type == ColumnType.Uniqueidentifier && typeText == "primarykey")
            {
                table.PrimaryIdAttribute = logical;
                column.IsValidForUpdate = false;
            }
            if ((SolutionXml.Text(a, "DisplayMask") ?? "").Split('|').Contains("PrimaryName"))
                table.PrimaryNameAttribute = logical;
            if (type == ColumnType.Owner) column.Targets.AddRange(new[] { "systemuser", "team" });
            if (type == ColumnType.Customer) column.Targets.AddRange(new[] { "account", "contact" });
            foreach (var lt in a.Element("LookupTypes")?.Elements("LookupType") ?? Enumerable.Empty<XElement>())
            {
                var target = state.Catalog.Tables.Values.FirstOrDefault(t => t.ObjectTypeCode.ToString() == lt.Value.Trim());
                if (target != null && !column.Targets.Contains(target.LogicalName)) column.Targets.Add(target.LogicalName);
            }
            if (type == ColumnType.Picklist || type == ColumnType.MultiSelectPicklist ||
                type == ColumnType.State || type == ColumnType.Status)
                column.OptionSet = OptionSet(a, logical, file, state);
            column.DefaultValue = DefaultOf(type, SolutionXml.Int(a, "AppDefaultValue", file));
            table.Columns[logical] = column;
        }

        /// <summary>AppDefaultValue: a choice's default option (-1: none), a yes/no column's default (0 or 1).</summary>
        private static object DefaultOf(ColumnType type, int? appDefault)
        {
            if (type == ColumnType.Boolean) return appDefault == 1;
            if (type == ColumnType.Picklist && appDefault.HasValue && appDefault.Value != -1) return new Microsoft.Xrm.Sdk.OptionSetValue(appDefault.Value);
            return null;
        }

        private static OptionSetDefinition OptionSet(XElement a, string logical, string file, LoadState state)
        {
            var inline = a.Element("optionset");
            if (inline != null && (SolutionXml.Bool(inline, "IsGlobal", file) ?? false) == false)
                return OptionSetXmlReader.Read(inline, file);
            var name = SolutionXml.Text(a, "OptionSetName") ?? (inline == null ? null : SolutionXml.Attr(inline, "Name"));
            if (name != null && state.Catalog.GlobalOptionSets.TryGetValue(name, out var global)) return global;
            if (inline != null) return OptionSetXmlReader.Read(inline, file);
            throw SolutionXml.Fail(file, a, name == null
                ? $"choice attribute '{logical}' has neither <optionset> nor <OptionSetName>"
                : $"choice attribute '{logical}' uses global option set '{name}', which no OptionSets/*.xml defines");
        }

        private static void ReadKeys(XElement info, TableDefinition table, string file)
        {
            foreach (var key in info.Element("EntityKeys")?.Elements("EntityKey") ?? Enumerable.Empty<XElement>())
            {
                var name = (SolutionXml.Text(key, "LogicalName") ?? SolutionXml.Required(key, "Name", file)).ToLowerInvariant();
                var def = new AlternateKeyDefinition { LogicalName = name };
                foreach (var column in key.Element("EntityKeyAttributes")?.Elements("AttributeName") ?? Enumerable.Empty<XElement>())
                {
                    var logical = column.Value.Trim().ToLowerInvariant();
                    if (table.Column(logical) == null)
                        throw SolutionXml.Fail(file, column, $"alternate key '{name}' uses unknown column '{logical}' of '{table.LogicalName}'");
                    def.Columns.Add(logical);
                }
                if (def.Columns.Count == 0)
                    throw SolutionXml.Fail(file, key, $"alternate key '{name}' lists no <EntityKeyAttributes>/<AttributeName>");
                table.Keys.RemoveAll(k => k.LogicalName == name);
                table.Keys.Add(def);
            }
        }

        /// <summary>After relationships are read, every lookup the solution defines must know its target tables.</summary>
        public static void CheckLookups(LoadState state)
        {
            foreach (var (tableName, file) in state.SolutionTables)
                foreach (var column in state.Catalog.Tables[tableName].Columns.Values)
                    if (column.Type == ColumnType.Lookup && column.Targets.Count == 0 && column.IsCustom)
                        throw new SolutionLoadException(file,
                            $"lookup '{tableName}.{column.LogicalName}' has no target: no relationship names it as ReferencingAttributeName");
        }

        private static RequiredLevel Level(string text, string file, XElement at)
        {
            switch (text?.ToLowerInvariant())
            {
                case null: case "none": return RequiredLevel.None;
                case "recommended": return RequiredLevel.Recommended;
                case "required": case "applicationrequired": return RequiredLevel.ApplicationRequired;
                case "systemrequired": return RequiredLevel.SystemRequired;
                default: throw SolutionXml.Fail(file, at, $"unknown RequiredLevel '{text}'");
            }
        }

        /// <summary>CrmDataType (CustomizationsSolution.xsd) → ColumnType; supported=false for types not stored.</summary>
        private static bool TryMapType(string text, out ColumnType type, out bool supported)
        {
            supported = true;
            switch (text)
            {
                case "primarykey": case "uniqueidentifier": type = ColumnType.Uniqueidentifier; return true;
                case "char": case "nchar": case "varchar": case "nvarchar": type = ColumnType.String; return true;
                case "ntext": case "text": type = ColumnType.Memo; return true;
                case "int": case "smallint": case "tinyint": case "timezone": type = ColumnType.Integer; return true;
                case "bigint": case "timestamp": type = ColumnType.BigInt; return true;
                case "decimal": case "numeric": type = ColumnType.Decimal; return true;
                case "float": case "real": type = ColumnType.Double; return true;
                case "money": case "smallmoney": type = ColumnType.Money; return true;
                case "bit": type = ColumnType.Boolean; return true;
                case "datetime": case "smalldatetime": type = ColumnType.DateTime; return true;
                case "lookup": type = ColumnType.Lookup; return true;
                case "picklist": type = ColumnType.Picklist; return true;
                case "multiselectpicklist": type = ColumnType.MultiSelectPicklist; return true;
                case "partylist": type = ColumnType.PartyList; return true;
                case "customer": type = ColumnType.Customer; return true;
                case "owner": type = ColumnType.Owner; return true;
                case "state": type = ColumnType.State; return true;
                case "status": type = ColumnType.Status; return true;
                case "virtual": case "binary": case "varbinary": case "image": case "sql_variant":
                case "phoneticguide": case "HierarchyId": case "managedproperty":
                    type = default; supported = false; return true;
                default: type = default; return false;
            }
        }
    }
}
