namespace CrmCollab.Emulator.Metadata
{
    // Processes (workflow, processstage, the out-of-box process flows' instance tables) and environment variables.
    public static partial class BuiltInTables
    {
        /// <summary>environmentvariabledefinition.type: the real choice values.</summary>
        public static readonly (int Value, string Label)[] EnvironmentVariableTypes =
        {
            (100000000, "String"), (100000001, "Number"), (100000002, "Boolean"), (100000003, "JSON"),
            (100000004, "Data source"), (100000005, "Secret"),
        };

        private static void AddProcess(MetadataCatalog c)
        {
            Table(c, "workflow", "Workflow", 4703, OwnershipType.UserOwned, "name")
                .String("name", 100, RequiredLevel.SystemRequired)
                .String("uniquename", 256)
                .Picklist("category", (0, "Workflow"), (1, "Dialog"), (2, "Business Rule"), (3, "Action"),
                    (4, "Business Process Flow"), (5, "Modern Flow"), (6, "Desktop Flow"), (7, "AI Flow"))
                    .CreateOnly()
                .Picklist("type", (1, "Definition"), (2, "Activation"), (3, "Template")).CreateOnly()
                .EntityName("primaryentity").CreateOnly()
                .Memo("xaml", 1073741823)
                .Memo("clientdata", 1073741823)
                .Memo("description")
                .States((0, "Draft", 1), (1, "Activated", 2), (2, "Suspended", 3))
                .Statuses((1, "Draft", 0), (2, "Activated", 1), (3, "Company DLP Violation", 2))
                .SystemColumns();

            Table(c, "processstage", "ProcessStage", 4724, OwnershipType.OrganizationOwned, "stagename")
                .String("stagename", 100)
                .Lookup("processid", "workflow").Rel("process_processstage", cascadeDelete: "Cascade")
                .Picklist("stagecategory", (0, "Qualify"), (1, "Develop"), (2, "Propose"), (3, "Close"),
                    (4, "Identify"), (5, "Research"), (6, "Resolve"), (7, "Approval"))
                .EntityName("primaryentitytypecode")
                .Memo("clientdata", 1073741823)
                .SystemColumns();

            // The out-of-box process flows' instance tables (organization-owned, as the Sales table references give
            // them). Their object type codes are assigned per organisation (BPF tables are generated), so none is given.
            BusinessProcessFlowTables.Instance(c, "opportunitysalesprocess", "OpportunitySalesProcess", "name", "Opportunity Sales Process")
                // Its own delete cascade is not in the stored references: it follows its record as the
                // lead-to-opportunity flow follows its lead (Cascade).
                .Lookup("opportunityid", "opportunity")
                    .Rel("lk_opportunitysalesprocess_opportunityid", cascadeDelete: "Cascade")
                .Int("duration", 0, int.MaxValue).ReadOnly()
                .SystemColumns();

            // Delete cascades as documented: a lead takes its instances with it; the opportunity relationship is
            // "NoCascade", which the engine's store models as RemoveLink (the instance stays, without its opportunity).
            BusinessProcessFlowTables.Instance(c, "leadtoopportunitysalesprocess", "LeadToOpportunitySalesProcess", "name",
                    "Lead To Opportunity Sales Process")
                .Lookup("leadid", "lead").Rel("lk_leadtoopportunitysalesprocess_leadid", cascadeDelete: "Cascade")
                .Lookup("opportunityid", "opportunity").Rel("lk_leadtoopportunitysalesprocess_opportunityid")
                .Int("duration", 0, int.MaxValue).ReadOnly()
                .SystemColumns();

            var activeInactive = ActiveInactiveStates;
            Table(c, "environmentvariabledefinition", "EnvironmentVariableDefinition", 380, OwnershipType.UserOwned,
                    "schemaname")
                .String("schemaname", 100, RequiredLevel.SystemRequired).CreateOnly()
                .String("displayname", 100, RequiredLevel.SystemRequired)
                .Memo("description", 2000)
                .Picklist("type", EnvironmentVariableTypes).Required(RequiredLevel.SystemRequired).CreateOnly()
                .Memo("defaultvalue", 2000)
                .Bool("isrequired")
                .Memo("valueschema", 2000)
                .Picklist("secretstore", (0, "Azure Key Vault"), (1, "Microsoft Dataverse"))
                .States(activeInactive).Statuses(ActiveInactiveStatuses)
                .SystemColumns();

            Table(c, "environmentvariablevalue", "EnvironmentVariableValue", 381, OwnershipType.UserOwned, "schemaname")
                .String("schemaname", 100)
                .Memo("value", 2000)
                .Lookup("environmentvariabledefinitionid", "environmentvariabledefinition")
                    .Rel("environmentvariabledefinition_environmentvariablevalue", cascadeDelete: "Cascade")
                .States(activeInactive).Statuses(ActiveInactiveStatuses)
                .SystemColumns();
        }
    }
}
