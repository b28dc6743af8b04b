namespace CrmCollab.Emulator.Metadata
{
    // Processes (workflow, processstage, the opportunity sales process BPF) and environment variables.
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

            // Instance table of the "Opportunity Sales Process" business process flow. Its object type code
            // is assigned per organisation (BPF tables are generated), so none is given here.
            Table(c, "opportunitysalesprocess", "OpportunitySalesProcess", 0, OwnershipType.OrganizationOwned,
                    "name", "businessprocessflowinstanceid")
                .String("name", 200, RequiredLevel.ApplicationRequired)
                .Lookup("opportunityid", "opportunity")
                    .Rel("bpf_opportunity_opportunitysalesprocess", cascadeDelete: "Cascade")
                .Lookup("activestageid", "processstage").Rel("lk_opportunitysalesprocess_activestageid")
                .Date("activestagestartedon")
                .Lookup("processid", "workflow").Rel("lk_opportunitysalesprocess_processid")
                .String("traversedpath", 1250)
                .Date("completedon")
                .Int("duration", 0, int.MaxValue).ReadOnly()
                .States((0, "Active", 1), (1, "Inactive", 2))
                .Statuses((1, "Active", 0), (2, "Finished", 1), (3, "Aborted", 1))
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
