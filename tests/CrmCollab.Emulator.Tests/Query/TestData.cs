using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Tests.Query
{
    /// <summary>A tiny in-memory source over a catalog built here (account, contact, task).</summary>
    internal sealed class InMemorySource : IQueryDataSource
    {
        private readonly Dictionary<string, List<Entity>> _rows = new Dictionary<string, List<Entity>>();
        private readonly Dictionary<(string, Guid), Entity> _byId = new Dictionary<(string, Guid), Entity>();

        public InMemorySource(MetadataCatalog catalog) => Catalog = catalog;

        public MetadataCatalog Catalog { get; }

        public IEnumerable<Entity> Scan(string table) => _rows.TryGetValue(table, out var rows) ? rows : Enumerable.Empty<Entity>();

        public bool TryGet(string table, Guid id, out Entity row) => _byId.TryGetValue((table, id), out row);

        public Entity Add(Entity entity)
        {
            if (entity.Id == Guid.Empty) entity.Id = Guid.NewGuid();
            var pk = Catalog.Table(entity.LogicalName).PrimaryIdAttribute;
            entity[pk] = entity.Id;
            if (!_rows.TryGetValue(entity.LogicalName, out var rows)) _rows[entity.LogicalName] = rows = new List<Entity>();
            rows.Add(entity);
            _byId[(entity.LogicalName, entity.Id)] = entity;
            return entity;
        }
    }

    internal static class TestData
    {
        public static readonly DateTime Now = new DateTime(2024, 6, 12, 15, 30, 0, DateTimeKind.Utc); // a Wednesday
        public static readonly Guid UserId = new Guid("11111111-1111-1111-1111-111111111111");
        public static readonly Guid OtherUserId = new Guid("22222222-2222-2222-2222-222222222222");
        public static readonly Guid BusinessUnitId = new Guid("33333333-3333-3333-3333-333333333333");

        public static MetadataCatalog Catalog()
        {
            var catalog = new MetadataCatalog();
            var industry = new OptionSetDefinition { Name = "industrycode" };
            industry.Options.Add(new OptionDefinition { Value = 1, Label = "Retail" });
            industry.Options.Add(new OptionDefinition { Value = 2, Label = "Banking" });
            industry.Options.Add(new OptionDefinition { Value = 3, Label = "Consulting" });

            var account = Table("account", "accountid", "name");
            Col(account, "name", ColumnType.String);
            Col(account, "description", ColumnType.Memo);
            Col(account, "revenue", ColumnType.Money);
            Col(account, "numberofemployees", ColumnType.Integer);
            Col(account, "rating", ColumnType.Double);
            Col(account, "creditonhold", ColumnType.Boolean);
            Col(account, "createdon", ColumnType.DateTime);
            Col(account, "industrycode", ColumnType.Picklist).OptionSet = industry;
            Col(account, "primarycontactid", ColumnType.Lookup).Targets.Add("contact");
            Col(account, "ownerid", ColumnType.Owner).Targets.Add("systemuser");
            Col(account, "owningbusinessunit", ColumnType.Lookup).Targets.Add("businessunit");
            Col(account, "categories", ColumnType.MultiSelectPicklist);
            Col(account, "sequence", ColumnType.Integer);
            catalog.Tables.Add("account", account);

            var contact = Table("contact", "contactid", "fullname");
            Col(contact, "fullname", ColumnType.String);
            Col(contact, "parentcustomerid", ColumnType.Customer).Targets.Add("account");
            Col(contact, "numberofchildren", ColumnType.Integer);
            Col(contact, "birthdate", ColumnType.DateTime);
            catalog.Tables.Add("contact", contact);

            var task = Table("task", "activityid", "subject");
            Col(task, "subject", ColumnType.String);
            Col(task, "regardingobjectid", ColumnType.Lookup).Targets.Add("contact");
            Col(task, "actualdurationminutes", ColumnType.Integer);
            catalog.Tables.Add("task", task);

            catalog.Relationships.Add(new RelationshipDefinition
            {
                SchemaName = "contact_customer_accounts", ReferencedEntity = "account", ReferencedAttribute = "accountid",
                ReferencingEntity = "contact", ReferencingAttribute = "parentcustomerid",
            });
            return catalog;
        }

        private static TableDefinition Table(string name, string pk, string primaryName)
        {
            var table = new TableDefinition { LogicalName = name, PrimaryIdAttribute = pk, PrimaryNameAttribute = primaryName };
            Col(table, pk, ColumnType.Uniqueidentifier);
            return table;
        }

        private static ColumnDefinition Col(TableDefinition table, string name, ColumnType type)
        {
            var column = new ColumnDefinition { LogicalName = name, Type = type };
            table.Columns.Add(name, column);
            return column;
        }

        public static QueryContext Context(Func<string, Entity, bool> canRead = null) => new QueryContext
        {
            CanRead = canRead, UtcNow = Now, UserId = UserId, BusinessUnitId = BusinessUnitId,
            UserTeamIds = new[] { new Guid("44444444-4444-4444-4444-444444444444") },
        };

        /// <summary>Five accounts, four contacts, three tasks: small enough to check by hand.</summary>
        public static (InMemorySource Source, Dictionary<string, Entity> Rows) Small()
        {
            var source = new InMemorySource(Catalog());
            var rows = new Dictionary<string, Entity>();
            Entity Acc(string key, string name, decimal? revenue, int? employees, int? industry, DateTime? created, Guid owner)
            {
                var e = new Entity("account", Guid.NewGuid());
                if (name != null) e["name"] = name;
                if (revenue != null) e["revenue"] = new Money(revenue.Value);
                if (employees != null) e["numberofemployees"] = employees.Value;
                if (industry != null) e["industrycode"] = new OptionSetValue(industry.Value);
                if (created != null) e["createdon"] = created.Value;
                e["ownerid"] = new EntityReference("systemuser", owner);
                e["owningbusinessunit"] = new EntityReference("businessunit", BusinessUnitId);
                rows[key] = source.Add(e);
                return e;
            }
            Acc("contoso", "Contoso", 1000m, 10, 1, Now.AddHours(-2), UserId);                  // today
            Acc("fabrikam", "Fabrikam", 2500.5m, 50, 2, Now.AddDays(-1).Date.AddHours(9), UserId); // yesterday
            Acc("adventure", "Adventure Works", 500m, null, 1, Now.AddDays(-10), OtherUserId);
            Acc("litware", "litware_inc", null, 5, null, Now.AddYears(-2), OtherUserId);
            Acc("noname", null, 750m, 20, 3, null, UserId);
            rows["contoso"]["creditonhold"] = true;
            rows["fabrikam"]["creditonhold"] = false;
            rows["contoso"]["categories"] = new OptionSetValueCollection(new List<OptionSetValue> { new OptionSetValue(1), new OptionSetValue(2) });
            rows["contoso"]["rating"] = 4.5;

            Entity Con(string key, string name, string account, int? children)
            {
                var e = new Entity("contact", Guid.NewGuid());
                e["fullname"] = name;
                if (account != null) e["parentcustomerid"] = new EntityReference("account", rows[account].Id);
                if (children != null) e["numberofchildren"] = children.Value;
                rows[key] = source.Add(e);
                return e;
            }
            Con("alice", "Alice Smith", "contoso", 2);
            Con("bob", "Bob Jones", "contoso", 0);
            Con("carol", "Carol White", "fabrikam", 3);
            Con("dave", "Dave Orphan", null, 1);
            rows["contoso"]["primarycontactid"] = new EntityReference("contact", rows["alice"].Id);
            rows["fabrikam"]["primarycontactid"] = new EntityReference("contact", rows["carol"].Id);

            Entity Task(string key, string subject, string contact, int minutes)
            {
                var e = new Entity("task", Guid.NewGuid());
                e["subject"] = subject;
                e["regardingobjectid"] = new EntityReference("contact", rows[contact].Id);
                e["actualdurationminutes"] = minutes;
                rows[key] = source.Add(e);
                return e;
            }
            Task("t1", "Call Alice", "alice", 30);
            Task("t2", "Email Alice", "alice", 15);
            Task("t3", "Call Carol", "carol", 45);
            return (source, rows);
        }

        public static List<string> Names(EntityCollection result, string column = "name") =>
            result.Entities.Select(e => e.GetAttributeValue<string>(column)).ToList();
    }
}
