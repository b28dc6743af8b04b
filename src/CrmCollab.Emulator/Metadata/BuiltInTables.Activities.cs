namespace CrmCollab.Emulator.Metadata
{
    // Activities (task, opportunityclose) and notes (annotation).
    public static partial class BuiltInTables
    {
        /// <summary>Standard tables a task/note may be attached to; custom tables with activities/notes enabled
        /// are appended by the solution loader.</summary>
        private static readonly string[] RegardingTargets = { "account", "contact", "lead", "opportunity", "competitor" };

        /// <summary>Notes attach to the same tables and to tasks (Task_Annotation), as in Dataverse.</summary>
        private static readonly string[] NoteTargets = { "account", "contact", "lead", "opportunity", "competitor", "task" };

        private static void AddActivities(MetadataCatalog c)
        {
            var priority = new[] { (0, "Low"), (1, "Normal"), (2, "High") };

            Activity(c, "task", "Task", 4212)
                .String("subject", 200, RequiredLevel.ApplicationRequired)
                .Memo("description", 2000)
                // Assign: Cascade on Account_Tasks, Lead_Tasks and Opportunity_Tasks, as the table references list them
                // (learn.microsoft.com .../reference/entities/account, .../dynamics365/developer/reference/entities/task);
                // Contact_Tasks and Competitor_Tasks: no Assign cascade found documented, left NoCascade.
                .Lookup("regardingobjectid", RegardingTargets)
                    .Rel("Account_Tasks", "account", "Cascade", cascadeAssign: "Cascade")
                    .Rel("Contact_Tasks", "contact", "Cascade")
                    .Rel("Lead_Tasks", "lead", "Cascade", cascadeAssign: "Cascade")
                    .Rel("Opportunity_Tasks", "opportunity", "Cascade", cascadeAssign: "Cascade")
                    .Rel("Competitor_Tasks", "competitor", "Cascade")
                .Date("scheduledstart")
                .Date("scheduledend").Display("Due")
                .Date("actualstart")
                .Date("actualend")
                .Int("scheduleddurationminutes", 0, 2147483647)
                .Int("actualdurationminutes", 0, 2147483647)
                .Int("percentcomplete", 0, 100)
                .Picklist("prioritycode", priority)
                .String("category", 250)
                .String("subcategory", 250)
                .States((0, "Open", 2), (1, "Completed", 5), (2, "Canceled", 6))
                .Statuses((2, "Not Started", 0), (3, "In Progress", 0), (4, "Waiting on someone else", 0),
                    (7, "Deferred", 0), (5, "Completed", 1), (6, "Canceled", 2))
                // Closed activities can be reopened.
                .Transitions((0, 1), (0, 2), (1, 0), (2, 0))
                .SystemColumns();

            Activity(c, "opportunityclose", "OpportunityClose", 4208)
                .String("subject", 200)
                // Writable on Update too (listed writable, IsValidForUpdate not false: OpportunityClose table reference);
                // Opportunity_OpportunityClose cascades Assign and Delete (Opportunity table reference, CascadeConfiguration).
                .Lookup("opportunityid", "opportunity")
                    .Rel("Opportunity_OpportunityClose", cascadeDelete: "Cascade", cascadeAssign: "Cascade")
                .MoneyWithBase("actualrevenue")
                .Date("actualend")
                .Date("actualstart")
                .Lookup("competitorid", "competitor").Rel("competitor_opportunity_activities")
                // A currency a close is in cannot be deleted (OpportunityClose table reference: Delete Restrict).
                .Lookup("transactioncurrencyid", "transactioncurrency").Rel("transactioncurrency_opportunityclose", cascadeDelete: "Restrict")
                .Memo("description", 2000)
                .States((0, "Open", 1), (1, "Completed", 2), (2, "Canceled", 3))
                .Statuses((1, "Open", 0), (2, "Completed", 1), (3, "Canceled", 2))
                .SystemColumns();

            Table(c, "annotation", "Annotation", 5, OwnershipType.UserOwned, "subject")
                .String("subject", 500).Display("Title")
                .Memo("notetext", 100000)
                .Lookup("objectid", NoteTargets)
                    .Rel("Account_Annotation", "account", "Cascade")
                    .Rel("Contact_Annotation", "contact", "Cascade")
                    .Rel("Lead_Annotation", "lead", "Cascade")
                    .Rel("Opportunity_Annotation", "opportunity", "Cascade")
                    .Rel("Competitor_Annotation", "competitor", "Cascade")
                    .Rel("Task_Annotation", "task", "Cascade")
                .EntityName("objecttypecode")
                .Bool("isdocument")
                .String("filename", 255)
                .String("mimetype", 256)
                .Memo("documentbody", 1073741823)
                .Int("filesize", 0, int.MaxValue).ReadOnly()
                .SystemColumns();
        }

        /// <summary>An activity table: activityid primary key, subject primary name, activitytypecode.</summary>
        private static TableBuilder Activity(MetadataCatalog c, string logicalName, string schemaName, int otc) =>
            Table(c, logicalName, schemaName, otc, OwnershipType.UserOwned, "subject", "activityid", isActivity: true)
                .EntityName("activitytypecode").ReadOnly()
                .Bool("isregularactivity").ReadOnly()
                .Bool("isbilled")
                .Bool("isworkflowcreated").ReadOnly();

        /// <summary>Adds a table to the "regarding" targets of tasks and/or notes (custom tables enabling them).</summary>
        public static void AddRegardingTarget(MetadataCatalog catalog, string tableLogicalName, bool activities, bool notes)
        {
            if (activities) AddTarget(catalog, "task", "regardingobjectid", tableLogicalName);
            if (notes) AddTarget(catalog, "annotation", "objectid", tableLogicalName);
        }

        private static void AddTarget(MetadataCatalog catalog, string table, string column, string target)
        {
            var col = catalog.Table(table)?.Column(column);
            if (col != null && !col.Targets.Contains(target)) col.Targets.Add(target);
        }
    }
}
