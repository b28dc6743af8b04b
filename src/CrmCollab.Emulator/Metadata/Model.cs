using System;
using System.Collections.Generic;

namespace CrmCollab.Emulator.Metadata
{
    // The engine's view of table metadata, filled from built-in definitions and from solution/.
    // Plain data: loaders fill it, the store, query engine, pipeline and security read it.

    public enum ColumnType
    {
        Uniqueidentifier, // the primary key
        String,
        Memo,
        Integer,
        BigInt,
        Decimal,
        Double,
        Money,
        Boolean,
        DateTime,
        Picklist,          // OptionSetValue
        MultiSelectPicklist, // OptionSetValueCollection
        State,             // statecode, OptionSetValue
        Status,            // statuscode, OptionSetValue
        Lookup,            // EntityReference to one or more targets
        Owner,             // ownerid: systemuser or team
        Customer,          // account or contact
        EntityName,        // a logical name as string (e.g. objecttypecode)
        PartyList,         // EntityCollection of activityparty
    }

    public enum RequiredLevel { None, Recommended, ApplicationRequired, SystemRequired }

    public enum OwnershipType { UserOwned, OrganizationOwned, BusinessOwned, None }

    public sealed class OptionDefinition
    {
        public int Value { get; set; }
        public string Label { get; set; }
        /// <summary>For statuscode options: the statecode they belong to.</summary>
        public int? State { get; set; }
        /// <summary>For statecode options: the default statuscode of that state.</summary>
        public int? DefaultStatus { get; set; }
    }

    public sealed class OptionSetDefinition
    {
        public string Name { get; set; }
        public bool IsGlobal { get; set; }
        public List<OptionDefinition> Options { get; } = new List<OptionDefinition>();
        public OptionDefinition Find(int value)
        {
            // A loop, not List.Find: no closure per lookup (labels are looked up for every formatted choice).
            foreach (var option in Options)
                if (option.Value == value) return option;
            return null;
        }
    }

    public sealed class ColumnDefinition
    {
        public string LogicalName { get; set; }
        public string SchemaName { get; set; }
        public string DisplayName { get; set; }
        public ColumnType Type { get; set; }
        public RequiredLevel RequiredLevel { get; set; }
        /// <summary>Lookup/Owner/Customer: the tables it may point to.</summary>
        public List<string> Targets { get; } = new List<string>();
        public OptionSetDefinition OptionSet { get; set; }
        public int? MaxLength { get; set; }
        public decimal? MinValue { get; set; }
        public decimal? MaxValue { get; set; }
        public int? Precision { get; set; }
        /// <summary>False for columns only the platform writes (createdon, versionnumber...).</summary>
        public bool IsValidForCreate { get; set; } = true;
        public bool IsValidForUpdate { get; set; } = true;
        public bool IsCustom { get; set; }
        /// <summary>What the platform stores when a Create leaves the column out (choice and yes/no defaults).</summary>
        public object DefaultValue { get; set; }
        /// <summary>A date-time column of Date Only behaviour (DateTimeBehavior.DateOnly; solution XML Behavior 2): its date
        /// alone is stored, with the time as 12:00 AM (Microsoft Learn, "Behavior and format of the Date and Time column").</summary>
        public bool IsDateOnly { get; set; }
    }

    public sealed class AlternateKeyDefinition
    {
        public string LogicalName { get; set; }
        public List<string> Columns { get; } = new List<string>();
    }

    public sealed class RelationshipDefinition
    {
        public string SchemaName { get; set; }
        public bool IsManyToMany { get; set; }
        // 1:N
        public string ReferencedEntity { get; set; }
        public string ReferencedAttribute { get; set; }
        public string ReferencingEntity { get; set; }
        public string ReferencingAttribute { get; set; }
        /// <summary>What deleting the referenced row does: Cascade, RemoveLink or Restrict.</summary>
        public string CascadeDelete { get; set; } = "RemoveLink";
        /// <summary>
        /// What assigning the referenced row does to its children (CascadeConfiguration.Assign): Cascade (all), Active
        /// (those in an active state), UserOwned (those the parent's owner owned before the assign) or NoCascade.
        /// </summary>
        public string CascadeAssign { get; set; } = "NoCascade";
        // N:N
        public string IntersectEntity { get; set; }
        public string Entity1 { get; set; }
        public string Entity1IntersectAttribute { get; set; }
        public string Entity2 { get; set; }
        public string Entity2IntersectAttribute { get; set; }
    }

    public sealed class TableDefinition
    {
        public string LogicalName { get; set; }
        public string SchemaName { get; set; }
        public string DisplayName { get; set; }
        public string PrimaryIdAttribute { get; set; }
        public string PrimaryNameAttribute { get; set; }
        public OwnershipType Ownership { get; set; }
        public bool IsActivity { get; set; }
        public bool IsCustom { get; set; }
        /// <summary>EntityMetadata.IsBPFEntity: the table holds the instances of one business process flow.</summary>
        public bool IsBusinessProcessFlow { get; set; }
        public int ObjectTypeCode { get; set; }
        /// <summary>
        /// EntityMetadata.IsOptimisticConcurrencyEnabled: an Update or Delete may ask IfRowVersionMatches. True by default
        /// for custom tables and on out-of-box tables enabled for offline sync (powerapps-docs optimistic-concurrency.md);
        /// which out-of-box tables those are is not listed, so every table of the engine is enabled unless set otherwise.
        /// </summary>
        public bool IsOptimisticConcurrencyEnabled { get; set; } = true;
        public Dictionary<string, ColumnDefinition> Columns { get; } =
            new Dictionary<string, ColumnDefinition>(StringComparer.Ordinal);
        public List<AlternateKeyDefinition> Keys { get; } = new List<AlternateKeyDefinition>();
        /// <summary>Allowed statecode → statecode moves; empty means any move between defined states.</summary>
        public List<(int From, int To)> StateTransitions { get; } = new List<(int, int)>();

        public ColumnDefinition Column(string logicalName) =>
            logicalName != null && Columns.TryGetValue(logicalName, out var column) ? column : null;

        private List<ColumnDefinition> _defaulted;

        /// <summary>Columns with a default value; computed once, after the catalog is complete.</summary>
        public IReadOnlyList<ColumnDefinition> DefaultedColumns =>
            _defaulted ??= new List<ColumnDefinition>(System.Linq.Enumerable.Where(Columns.Values, c => c.DefaultValue != null));
    }

    /// <summary>All metadata of one organisation.</summary>
    public sealed class MetadataCatalog
    {
        public Dictionary<string, TableDefinition> Tables { get; } =
            new Dictionary<string, TableDefinition>(StringComparer.Ordinal);
        public Dictionary<string, OptionSetDefinition> GlobalOptionSets { get; } =
            new Dictionary<string, OptionSetDefinition>(StringComparer.Ordinal);
        public List<RelationshipDefinition> Relationships { get; } = new List<RelationshipDefinition>();

        public TableDefinition Table(string logicalName) =>
            logicalName != null && Tables.TryGetValue(logicalName, out var table) ? table : null;

        public RelationshipDefinition Relationship(string schemaName) =>
            Relationships.Find(r => string.Equals(r.SchemaName, schemaName, StringComparison.OrdinalIgnoreCase));
    }
}
