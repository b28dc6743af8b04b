namespace CrmCollab.Emulator.Metadata
{
    // Organisation structure and security principals: businessunit, systemuser, team, role, the N:N
    // intersects between them, queue, territory, transactioncurrency, usersettings.
    public static partial class BuiltInTables
    {
        private static void AddCore(MetadataCatalog c)
        {
            Table(c, "businessunit", "BusinessUnit", 10, OwnershipType.BusinessOwned, "name")
                .String("name", 160, RequiredLevel.SystemRequired)
                .Lookup("parentbusinessunitid", "businessunit")
                    .Rel("business_unit_parent_business_unit", cascadeDelete: "Restrict")
                .Bool("isdisabled").ReadOnly() // changed through SetState, not Update
                .String("divisionname", 100)
                .String("emailaddress", 100)
                .Memo("description")
                .SystemColumns();

            Table(c, "systemuser", "SystemUser", 8, OwnershipType.BusinessOwned, "fullname")
                .String("firstname", 256)
                .String("lastname", 256)
                .String("fullname", 200).ReadOnly() // composed from first/last name by the platform
                .String("domainname", 1024, RequiredLevel.SystemRequired)
                .String("internalemailaddress", 100)
                .String("title", 128)
                // Boolean, DefaultValue False (systemuser table reference): a user added without a status is enabled.
                .Bool("isdisabled").Default(false)
                .Lookup("businessunitid", "businessunit").Required(RequiredLevel.SystemRequired)
                    .Rel("business_unit_system_users", cascadeDelete: "Restrict")
                .Lookup("territoryid", "territory").Rel("territory_system_users")
                .Lookup("parentsystemuserid", "systemuser").Rel("user_parent_user")
                .Lookup("queueid", "queue")
                .Picklist("accessmode", (0, "Read-Write"), (1, "Administrative"), (2, "Read"), (3, "Support User"),
                    (4, "Non-interactive"), (5, "Delegated Admin"))
                .SystemColumns();

            Table(c, "team", "Team", 9, OwnershipType.BusinessOwned, "name")
                .String("name", 160, RequiredLevel.SystemRequired)
                .Picklist("teamtype", (0, "Owner"), (1, "Access"), (2, "Security Group"), (3, "Office Group"))
                    .CreateOnly()
                .Lookup("businessunitid", "businessunit").Required(RequiredLevel.SystemRequired)
                    .Rel("business_unit_teams", cascadeDelete: "Restrict")
                .Lookup("administratorid", "systemuser").Required(RequiredLevel.SystemRequired)
                .Bool("isdefault").ReadOnly() // the business unit's default team
                .Lookup("queueid", "queue")
                .String("emailaddress", 100)
                .Memo("description")
                .SystemColumns();

            Table(c, "queue", "Queue", 2020, OwnershipType.UserOwned, "name")
                .String("name", 400, RequiredLevel.SystemRequired)
                .String("emailaddress", 100)
                .Picklist("queueviewtype", (0, "Public"), (1, "Private"))
                .Memo("description")
                .States(ActiveInactiveStates).Statuses(ActiveInactiveStatuses)
                .SystemColumns();

            // A row in a queue: how work that nobody owns yet waits for someone to pick it (objectid: the work item).
            Table(c, "queueitem", "QueueItem", 2029, OwnershipType.UserOwned, "title")
                .String("title", 300)
                .Lookup("queueid", "queue").Required(RequiredLevel.SystemRequired).Rel("queue_entries", cascadeDelete: "Cascade")
                .Lookup("objectid", "task").Required(RequiredLevel.SystemRequired).Rel("Task_QueueItem", cascadeDelete: "Cascade")
                .Lookup("workerid", "systemuser")
                .States(ActiveInactiveStates).Statuses(ActiveInactiveStatuses)
                .SystemColumns();

            Table(c, "territory", "Territory", 2013, OwnershipType.OrganizationOwned, "name")
                .String("name", 200, RequiredLevel.ApplicationRequired)
                .Lookup("managerid", "systemuser").Rel("system_user_territories")
                .Lookup("parentterritoryid", "territory")
                .Memo("description")
                .SystemColumns();

            Table(c, "transactioncurrency", "TransactionCurrency", 9105, OwnershipType.OrganizationOwned, "currencyname")
                .String("currencyname", 100, RequiredLevel.SystemRequired)
                .String("isocurrencycode", 5, RequiredLevel.SystemRequired).CreateOnly()
                .String("currencysymbol", 10, RequiredLevel.SystemRequired)
                .Decimal("exchangerate", 10, 0.0000000001m, 100000000000m).Required(RequiredLevel.SystemRequired)
                .Int("currencyprecision", 0, 4)
                .States(ActiveInactiveStates).Statuses(ActiveInactiveStatuses)
                .SystemColumns();

            // A user's preferred settings, one row per user keyed by the user's id (UserSettings table reference: primary
            // key systemuserid; messages Retrieve, RetrieveMultiple, Update, no Create: the platform makes the row with the
            // user, UserSettingsRows). Only the default currency is modelled ("Unique identifier of the default currency
            // of the user"; Personal Options, "Select a default currency").
            // A currency a user chose as default cannot be deleted (transactioncurrency_usersettings: Delete Restrict,
            // powerapps-docs transactioncurrency.md, One-To-Many relationships).
            Table(c, "usersettings", "UserSettings", 150, OwnershipType.BusinessOwned, null, primaryId: "systemuserid")
                .Lookup("transactioncurrencyid", "transactioncurrency").Display("Currency")
                    .Rel("transactioncurrency_usersettings", cascadeDelete: "Restrict")
                .SystemColumns();
        }

        private static void AddSecurity(MetadataCatalog c)
        {
            Table(c, "role", "Role", 1036, OwnershipType.BusinessOwned, "name")
                .String("name", 100, RequiredLevel.SystemRequired)
                .Lookup("businessunitid", "businessunit").Required(RequiredLevel.SystemRequired)
                    .Rel("business_unit_roles", cascadeDelete: "Cascade")
                .Lookup("parentroleid", "role").ReadOnly()     // copies inherited by child business units
                .Lookup("parentrootroleid", "role").ReadOnly()
                .Lookup("roletemplateid", "roletemplate").ReadOnly() // the platform's standard roles (SecuritySnapshot)
                // Member's privilege inheritance (reference/entities/role.md: SystemRequired, default 1): TeamRoleInheritance.
                .Picklist("isinherited", (0, "Team privileges only"), (1, "Direct User (Basic) access level and Team privileges"))
                    .Default(new Microsoft.Xrm.Sdk.OptionSetValue(1))
                .SystemColumns();

            // N:N intersect tables: only the platform writes them (Associate/Disassociate).
            Intersect(c, "teammembership", "TeamMembership", 23, "systemuserid", "teamid");
            Intersect(c, "systemuserroles", "SystemUserRoles", 15, "systemuserid", "roleid", "systemuserroleid");
            Intersect(c, "teamroles", "TeamRoles", 40, "teamid", "roleid", "teamroleid");

            TableBuilder.ManyToMany(c, "teammembership_association", "teammembership",
                "systemuser", "systemuserid", "team", "teamid");
            TableBuilder.ManyToMany(c, "systemuserroles_association", "systemuserroles",
                "systemuser", "systemuserid", "role", "roleid");
            TableBuilder.ManyToMany(c, "teamroles_association", "teamroles",
                "team", "teamid", "role", "roleid");
        }

        private static void Intersect(MetadataCatalog c, string logicalName, string schemaName, int otc,
            string attribute1, string attribute2, string primaryId = null)
        {
            var b = TableBuilder.Create(c, logicalName, schemaName, otc, OwnershipType.None,
                primaryId ?? logicalName + "id", null);
            b.Table.Column(b.Table.PrimaryIdAttribute).IsValidForCreate = false;
            b.Table.Columns[attribute1] = IntersectColumn(attribute1);
            b.Table.Columns[attribute2] = IntersectColumn(attribute2);
            b.BigInt("versionnumber").ReadOnly();
        }

        internal static ColumnDefinition IntersectColumn(string name) => new ColumnDefinition
        {
            LogicalName = name, SchemaName = name, DisplayName = name, Type = ColumnType.Uniqueidentifier,
            RequiredLevel = RequiredLevel.SystemRequired, IsValidForCreate = false, IsValidForUpdate = false,
        };
    }
}
