using System;
using System.Collections.Generic;

namespace CrmCollab.Emulator.Metadata
{
    /// <summary>
    /// Small fluent builder for table metadata. Column methods add a column; modifiers
    /// (<see cref="ReadOnly"/>, <see cref="Required"/>, <see cref="Rel"/>...) apply to the column added last.
    /// </summary>
    public sealed class TableBuilder
    {
        private readonly MetadataCatalog _catalog;
        private ColumnDefinition _last;

        public TableDefinition Table { get; }

        private TableBuilder(MetadataCatalog catalog, TableDefinition table)
        {
            _catalog = catalog;
            Table = table;
        }

        /// <summary>Starts a table (or reopens an existing one) and adds its primary key column.</summary>
        public static TableBuilder Create(MetadataCatalog catalog, string logicalName, string schemaName,
            int objectTypeCode, OwnershipType ownership, string primaryId, string primaryName,
            bool isActivity = false, string displayName = null)
        {
            if (catalog == null) throw new ArgumentNullException(nameof(catalog));
            var table = catalog.Table(logicalName);
            if (table == null)
            {
                table = new TableDefinition { LogicalName = logicalName };
                catalog.Tables[logicalName] = table;
            }
            table.SchemaName = schemaName;
            table.DisplayName = displayName ?? schemaName;
            table.ObjectTypeCode = objectTypeCode;
            table.Ownership = ownership;
            table.PrimaryIdAttribute = primaryId;
            table.PrimaryNameAttribute = primaryName;
            table.IsActivity = isActivity;
            var builder = new TableBuilder(catalog, table);
            // The id may be supplied on Create (Dataverse honours it) but never changed.
            builder.Add(primaryId, ColumnType.Uniqueidentifier).CreateOnly().Required(RequiredLevel.SystemRequired);
            return builder;
        }

        /// <summary>Wraps an existing table, e.g. to add system columns to a table loaded from solution XML.</summary>
        public static TableBuilder For(MetadataCatalog catalog, TableDefinition table) => new TableBuilder(catalog, table);

        // ---- columns -------------------------------------------------------------------------------

        public TableBuilder String(string name, int maxLength, RequiredLevel level = RequiredLevel.None)
        {
            Add(name, ColumnType.String).Required(level);
            _last.MaxLength = maxLength;
            return this;
        }

        public TableBuilder Memo(string name, int maxLength = 2000)
        {
            Add(name, ColumnType.Memo);
            _last.MaxLength = maxLength;
            return this;
        }

        public TableBuilder Int(string name, int min = int.MinValue, int max = int.MaxValue)
        {
            Add(name, ColumnType.Integer);
            _last.MinValue = min;
            _last.MaxValue = max;
            return this;
        }

        public TableBuilder BigInt(string name) => Add(name, ColumnType.BigInt);

        public TableBuilder Decimal(string name, int precision = 2, decimal min = -100000000000m, decimal max = 100000000000m)
        {
            Add(name, ColumnType.Decimal);
            _last.Precision = precision;
            _last.MinValue = min;
            _last.MaxValue = max;
            return this;
        }

        public TableBuilder Double(string name, int precision = 2) { Add(name, ColumnType.Double); _last.Precision = precision; return this; }

        /// <summary>Money column; Dataverse's range is ±922,337,203,685,477.</summary>
        public TableBuilder Money(string name, int precision = 2)
        {
            Add(name, ColumnType.Money);
            _last.Precision = precision;
            _last.MinValue = -922337203685477m;
            _last.MaxValue = 922337203685477m;
            return this;
        }

        /// <summary>A money column plus its read-only "_base" twin (value in the base currency).</summary>
        public TableBuilder MoneyWithBase(string name) => Money(name).Money(name + "_base").ReadOnly().Last(name);

        public TableBuilder Bool(string name) => Add(name, ColumnType.Boolean);
        public TableBuilder Date(string name) => Add(name, ColumnType.DateTime);
        public TableBuilder EntityName(string name) => Add(name, ColumnType.EntityName);

        public TableBuilder Picklist(string name, params (int Value, string Label)[] options)
        {
            Add(name, ColumnType.Picklist);
            _last.OptionSet = Options(Table.LogicalName + "_" + name, options);
            return this;
        }

        public TableBuilder Picklist(string name, OptionSetDefinition optionSet)
        {
            Add(name, ColumnType.Picklist);
            _last.OptionSet = optionSet;
            return this;
        }

        public TableBuilder Lookup(string name, params string[] targets)
        {
            Add(name, ColumnType.Lookup);
            _last.Targets.AddRange(targets);
            return this;
        }

        public TableBuilder Customer(string name)
        {
            Add(name, ColumnType.Customer);
            _last.Targets.AddRange(new[] { "account", "contact" });
            return this;
        }

        /// <summary>statecode: (value, label, default statuscode of that state).</summary>
        public TableBuilder States(params (int Value, string Label, int DefaultStatus)[] states)
        {
            Add("statecode", ColumnType.State).Required(RequiredLevel.SystemRequired);
            var set = new OptionSetDefinition { Name = Table.LogicalName + "_statecode" };
            foreach (var s in states)
                set.Options.Add(new OptionDefinition { Value = s.Value, Label = s.Label, DefaultStatus = s.DefaultStatus });
            _last.OptionSet = set;
            return this;
        }

        /// <summary>statuscode: (value, label, the statecode it belongs to).</summary>
        public TableBuilder Statuses(params (int Value, string Label, int State)[] statuses)
        {
            Add("statuscode", ColumnType.Status);
            var set = new OptionSetDefinition { Name = Table.LogicalName + "_statuscode" };
            foreach (var s in statuses)
                set.Options.Add(new OptionDefinition { Value = s.Value, Label = s.Label, State = s.State });
            _last.OptionSet = set;
            return this;
        }

        /// <summary>Allowed statecode moves (empty: any move between defined states).</summary>
        public TableBuilder Transitions(params (int From, int To)[] moves)
        {
            Table.StateTransitions.AddRange(moves);
            return this;
        }

        // ---- modifiers on the last column ----------------------------------------------------------

        /// <summary>The value a Create that leaves the last column out gives it (the column's metadata default).</summary>
        public TableBuilder Default(object value)
        {
            _last.DefaultValue = value;
            return this;
        }

        /// <summary>The last (date-time) column is of Date Only behaviour: its date alone is stored.</summary>
        public TableBuilder DateOnly()
        {
            _last.IsDateOnly = true;
            return this;
        }

        /// <summary>Platform-maintained: not valid for Create nor Update.</summary>
        public TableBuilder ReadOnly() { _last.IsValidForCreate = false; _last.IsValidForUpdate = false; return this; }

        /// <summary>Settable on Update only (IsValidForCreate False, IsValidForUpdate True in Microsoft's table reference).</summary>
        public TableBuilder UpdateOnly() { _last.IsValidForCreate = false; _last.IsValidForUpdate = true; return this; }

        /// <summary>Settable on Create only.</summary>
        public TableBuilder CreateOnly() { _last.IsValidForCreate = true; _last.IsValidForUpdate = false; return this; }

        public TableBuilder Required(RequiredLevel level = RequiredLevel.ApplicationRequired) { _last.RequiredLevel = level; return this; }

        public TableBuilder Display(string displayName) { _last.DisplayName = displayName; return this; }

        /// <summary>Declares the 1:N relationship behind the last lookup (target defaults to its first target).</summary>
        public TableBuilder Rel(string schemaName, string target = null, string cascadeDelete = "RemoveLink", string cascadeAssign = "NoCascade")
        {
            _catalog.Relationships.Add(new RelationshipDefinition
            {
                SchemaName = schemaName,
                ReferencedEntity = target ?? _last.Targets[0],
                ReferencingEntity = Table.LogicalName,
                ReferencingAttribute = _last.LogicalName,
                CascadeDelete = cascadeDelete,
                CascadeAssign = cascadeAssign,
                // ReferencedAttribute is filled once every table exists (see BuiltInTables.ResolveRelationships).
            });
            return this;
        }

        private TableBuilder Last(string name) { _last = Table.Column(name); return this; }

        // ---- system columns ------------------------------------------------------------------------

        /// <summary>Adds the columns the platform maintains on every table, skipping any already present.</summary>
        public TableBuilder SystemColumns()
        {
            var keep = _last;
            AddIfMissing("createdon", ColumnType.DateTime, ro: true);
            AddIfMissing("createdby", ColumnType.Lookup, ro: true, "systemuser");
            AddIfMissing("createdonbehalfby", ColumnType.Lookup, ro: true, "systemuser");
            AddIfMissing("modifiedon", ColumnType.DateTime, ro: true);
            AddIfMissing("modifiedby", ColumnType.Lookup, ro: true, "systemuser");
            AddIfMissing("modifiedonbehalfby", ColumnType.Lookup, ro: true, "systemuser");
            AddIfMissing("versionnumber", ColumnType.BigInt, ro: true);
            // Data migration columns: Create only.
            if (AddIfMissing("overriddencreatedon", ColumnType.DateTime, ro: false)) CreateOnly();
            if (AddIfMissing("importsequencenumber", ColumnType.Integer, ro: false)) CreateOnly();
            switch (Table.Ownership)
            {
                case OwnershipType.UserOwned:
                    if (AddIfMissing("ownerid", ColumnType.Owner, ro: false, "systemuser", "team"))
                        Required(RequiredLevel.SystemRequired);
                    AddIfMissing("owninguser", ColumnType.Lookup, ro: true, "systemuser");
                    AddIfMissing("owningteam", ColumnType.Lookup, ro: true, "team");
                    AddIfMissing("owningbusinessunit", ColumnType.Lookup, ro: true, "businessunit");
                    break;
                case OwnershipType.OrganizationOwned:
                case OwnershipType.BusinessOwned:
                    AddIfMissing("organizationid", ColumnType.Lookup, ro: true, "organization");
                    break;
            }
            _last = keep;
            return this;
        }

        private bool AddIfMissing(string name, ColumnType type, bool ro, params string[] targets)
        {
            if (Table.Columns.TryGetValue(name, out var existing))
            {
                // Present (e.g. read from solution XML) but without lookup targets: give it the standard ones.
                if (existing.Targets.Count == 0) existing.Targets.AddRange(targets);
                return false;
            }
            Add(name, type);
            _last.Targets.AddRange(targets);
            if (ro) ReadOnly();
            return true;
        }

        private TableBuilder Add(string name, ColumnType type)
        {
            _last = new ColumnDefinition { LogicalName = name, SchemaName = name, DisplayName = name, Type = type };
            Table.Columns[name] = _last;
            return this;
        }

        internal static OptionSetDefinition Options(string name, (int Value, string Label)[] options)
        {
            var set = new OptionSetDefinition { Name = name };
            foreach (var o in options) set.Options.Add(new OptionDefinition { Value = o.Value, Label = o.Label });
            return set;
        }

        /// <summary>A global choice shared by several columns.</summary>
        public static OptionSetDefinition Global(MetadataCatalog catalog, string name, params (int Value, string Label)[] options)
        {
            var set = Options(name, options);
            set.IsGlobal = true;
            catalog.GlobalOptionSets[name] = set;
            return set;
        }

        public static void ManyToMany(MetadataCatalog catalog, string schemaName, string intersect,
            string entity1, string attribute1, string entity2, string attribute2)
        {
            catalog.Relationships.Add(new RelationshipDefinition
            {
                SchemaName = schemaName,
                IsManyToMany = true,
                IntersectEntity = intersect,
                Entity1 = entity1,
                Entity1IntersectAttribute = attribute1,
                Entity2 = entity2,
                Entity2IntersectAttribute = attribute2,
            });
        }
    }
}
