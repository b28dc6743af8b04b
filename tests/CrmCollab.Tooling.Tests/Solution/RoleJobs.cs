using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Tooling.Tests.Solution
{
    /// <summary>
    /// What the people in each shipped role do — in the app and in the scenario tests (tests/CrmCollab.Plugins.Tests) —
    /// and the privileges each job takes. A role must hold exactly the union of its jobs: nothing missing, nothing more.
    /// </summary>
    internal static class RoleJobs
    {
        public sealed class Job
        {
            public Job(string what, string[] privileges) { What = what; Privileges = privileges; }
            public string What { get; }
            /// <summary>"prvReadAccount:Global": privilege name and depth.</summary>
            public string[] Privileges { get; }
        }

        private static Job J(string what, params string[] privileges) => new Job(what, privileges);

        private static readonly string[] OpensTheApp =
        {
            "prvReadQuery:Global", "prvReadSystemForm:Global", "prvReadSavedQueryVisualizations:Global", "prvReadAppModule:Global",
            "prvReadWebResource:Global", "prvReadOrganization:Global", "prvReadUserQuery:Basic", "prvCreateUserQuery:Basic",
            "prvWriteUserQuery:Basic", "prvDeleteUserQuery:Basic", "prvReadUserSettings:Basic", "prvWriteUserSettings:Basic",
            "prvReadUser:Global", "prvReadTeam:Global", "prvReadBusinessUnit:Global", "prvReadTransactionCurrency:Global",
        };

        private static Job App() => J("opens the app: its views, forms, charts, dashboard, web resources, own settings and saved views", OpensTheApp);

        /// <summary>ADV, logistics and SAV do the same kind of work for their own function.</summary>
        private static Job[] Downstream() => new[]
        {
            App(),
            J("reads any account it serves; links its signals to it", "prvReadAccount:Global", "prvAppendToAccount:Global"),
            J("reads the won deal behind a handoff", "prvReadOpportunity:Global"),
            ReadsCatalogue("of the won deal it delivers"),
            J("reads the customer contacts it works with", "prvReadContact:Global"),
            J("accepts, works, passes on and closes its own handoff tasks; reads its business unit's", "prvCreateActivity:Basic",
                "prvReadActivity:Local", "prvWriteActivity:Basic", "prvAppendActivity:Basic", "prvAppendToActivity:Basic", "prvAssignActivity:Basic", "prvShareActivity:Basic"),
            ReadsNotes("on its handoff tasks (amended terms, evidence set aside when a deal is won again)"),
            J("names a competitor in a signal", "prvReadCompetitor:Global", "prvAppendToCompetitor:Global"),
            J("reads its queues", "prvReadQueue:Local"),
            // A queue item's privileges are its queue's: prvReadQueue reads the items, prvAppendToQueue creates, updates and
            // deletes them (powerapps-docs queue-entities.md, Inherit privileges); a queue item has none of its own to give.
            // Basic: the queues they or their team own (their desk's). Nothing guards a queue item, so at Local anyone of the
            // business unit could pick or remove (RemoveFromQueue) another desk's items, a review desk's pending reviews too.
            // The app's Pick (and Release, Remove) on a queue item sends PickFromQueue (ReleaseToQueue, RemoveFromQueue), whose
            // privilege is Write on the queue (Microsoft's message privilege pages: prvWriteQueue).
            J("picks handoffs up from its desk's queues, the ones it or its team owns (the item then names them as its worker: Append To on their user record)",
                "prvAppendToQueue:Basic", "prvWriteQueue:Basic", "prvAppendToUser:Global"),
            J("sees which accounts it is dedicated to (read only)", "prvReadcrmc_DedicatedOwner:Global"),
            J("reads (and links tasks to) the templates behind its handoffs", "prvReadcrmc_HandoffTemplate:Global", "prvAppendTocrmc_HandoffTemplate:Global"),
            J("reads the reviews behind the terms it delivers", "prvReadcrmc_FeasibilityReview:Global"),
            ReadsRules(),
            ReadsSettings(),
            J("raises signals to the account's salesperson (the signal then belongs to them) and keeps those not yet routed", "prvCreatecrmc_FieldSignal:Basic", "prvReadcrmc_FieldSignal:Basic",
                "prvWritecrmc_FieldSignal:Basic", "prvAppendcrmc_FieldSignal:Basic"),
            StampedAsTheUser("a signal's raised-by"),
        };

        /// <summary>
        /// CrmCollab tells people things in notes it leaves on a deal or a handoff task (an unrouted handoff, handoffs that could
        /// not be created, amended terms, evidence set aside at a re-win). Its SYSTEM service writes them, so they are SYSTEM's
        /// rows: only Global reaches them, the depth Microsoft's own default roles read notes at (Salesperson included).
        /// </summary>
        private static Job ReadsNotes(string what) => J($"reads the notes CrmCollab leaves {what}", "prvReadNote:Global");

        /// <summary>
        /// A deal's catalogue lines name a product and its unit, priced from a price list: the product catalogue is the
        /// organization's (product, price list and unit group are organization-owned: Global only), and the Product
        /// privileges are also the price list's and the unit group's (CRM SDK, "Product entity privileges": entity type
        /// codes 1024, 1022, 1056, 1080; "no specific privileges" for price lists and price list items). The engine reaches
        /// a price list item through its price list and a unit through its unit group.
        /// </summary>
        private static Job ReadsCatalogue(string whose) =>
            J($"reads the catalogue products, units and price lists {whose}", "prvReadProduct:Global");

        /// <summary>The Get Feasibility Status workflow step answers what the gate would decide, from the rules in force.</summary>
        private static Job ReadsRules() =>
            J("reads the feasibility rules (read only), which the Get Feasibility Status workflow step weighs as the gate does", "prvReadcrmc_FeasibilityRule:Global");

        /// <summary>The Get Feasibility Status workflow step answers what the win meets, the data crmc_StageRequirements asks for included.</summary>
        private static Job ReadsSettings() =>
            J("reads CrmCollab's settings (environment variables, read only), which the Get Feasibility Status workflow step weighs as the win does",
                "prvReadEnvironmentVariableDefinition:Global");

        /// <summary>
        /// A CrmCollab step records who acted (a signal's raiser, a review's or an amendment's decider) in the user's own
        /// save, at PreOperation: the lookup to the user is written with their rights, and setting a lookup takes AppendTo on
        /// the row it points at (Microsoft's "Security roles and privileges": append to a record is WRITE, READ, APPENDTO).
        /// </summary>
        private static Job StampedAsTheUser(string what) =>
            J($"is recorded as {what} in their own save (a lookup to their user record)", "prvAppendToUser:Global");

        private static Job Maintains(string table, bool userOwned) => J($"maintains every {table} row (Administration area, data package import)",
            new[] { "Create", "Read", "Write", "Delete", "Append", "AppendTo" }.Concat(userOwned ? new[] { "Assign", "Share" } : new string[0])
                .Select(r => $"prv{r}{table}:Global").ToArray());

        /// <summary>
        /// A flow row names its process (processid, a workflow row the platform owns): setting that lookup takes Append To on
        /// the process, at Global since no salesperson owns it. The active stage (a processstage row) asks nothing: no
        /// Microsoft privilege list names a ProcessStage privilege, and the engine asks none. The form's process bar reads the
        /// process (its definition, stages and conditions): without Read on Process a role holding the flow table's
        /// privileges sees at most the first stage (Power Users community, "Users cannot see Business Process Flow stages
        /// with custom security role"), so the mover reads it too, at Global for the same reason.
        /// </summary>
        private static Job Bpf(string table, string process) => J($"moves deals through the {process} (organization-owned BPF table: Global only)",
            new[] { "Create", "Read", "Write", "Append", "AppendTo" }.Select(r => $"prv{r}{table}:Global")
                .Append("prvAppendToWorkflow:Global").Append("prvReadWorkflow:Global").ToArray());

        public static readonly IReadOnlyDictionary<string, Job[]> ByRole = new Dictionary<string, Job[]>
        {
            ["CrmCollab Salesperson"] = new[]
            {
                App(),
                J("works their accounts: creates and edits their own, reads the business unit's, links deals and signals to them", "prvCreateAccount:Basic",
                    "prvReadAccount:Local", "prvWriteAccount:Basic", "prvDeleteAccount:Basic", "prvAppendAccount:Local", "prvAppendToAccount:Local", "prvAssignAccount:Basic", "prvShareAccount:Basic"),
                J("keeps the customer contacts of their accounts", "prvCreateContact:Basic", "prvReadContact:Local", "prvWriteContact:Basic", "prvDeleteContact:Basic",
                    "prvAppendContact:Local", "prvAppendToContact:Local", "prvAssignContact:Basic", "prvShareContact:Basic"),
                J("merges a duplicate account or contact into the one that stays (Microsoft's merge privilege)", "prvMerge:Global"),
                J("creates, edits, assigns, shares and (unwon) deletes their deals; reads the business unit's", "prvCreateOpportunity:Basic", "prvReadOpportunity:Local",
                    "prvWriteOpportunity:Basic", "prvDeleteOpportunity:Basic", "prvAppendOpportunity:Local", "prvAppendToOpportunity:Local", "prvAssignOpportunity:Basic", "prvShareOpportunity:Basic"),
                J("works the leads signals create and qualifies them", "prvCreateLead:Basic", "prvReadLead:Local", "prvWriteLead:Basic", "prvDeleteLead:Basic",
                    "prvAppendLead:Local", "prvAppendToLead:Local", "prvAssignLead:Basic", "prvShareLead:Basic"),
                J("wins deals (the opportunityclose activity) and reads every handoff task of their deals", "prvCreateActivity:Basic", "prvReadActivity:Global",
                    "prvWriteActivity:Basic", "prvDeleteActivity:Basic", "prvAppendActivity:Basic", "prvAppendToActivity:Basic", "prvAssignActivity:Basic", "prvShareActivity:Basic"),
                ReadsNotes("on their won deals (a handoff nobody was found for)"),
                J("names the competitor on a deal or signal", "prvReadCompetitor:Global", "prvAppendToCompetitor:Global"),
                J("prices a deal in the customer's currency (the deal's currency lookup; every currency is the organisation's)",
                    "prvReadTransactionCurrency:Global", "prvAppendToTransactionCurrency:Global"),
                J("reads territories (routing context on the account)", "prvReadTerritory:Global"),
                ReadsCatalogue("it sells from"),
                J("adds catalogue products to their deals and gives a deal its price list (the line's product and the deal's price list lookups: Append To on the catalogue; it changes no product or price)",
                    "prvAppendToProduct:Global"),
                J("reads the unrouted queue", "prvReadQueue:Local"),
                J("sees who receives each function's handoffs for their accounts (read only)", "prvReadcrmc_DedicatedOwner:Global"),
                J("sees which tasks a win will create (read only)", "prvReadcrmc_HandoffTemplate:Global"),
                J("follows the reviews of their deals (read only: reviewers decide)", "prvReadcrmc_FeasibilityReview:Global"),
                ReadsRules(),
                ReadsSettings(),
                J("proposes, edits and withdraws amendments to their won deals", "prvCreatecrmc_Amendment:Basic", "prvReadcrmc_Amendment:Local",
                    "prvWritecrmc_Amendment:Basic", "prvDeletecrmc_Amendment:Basic", "prvAppendcrmc_Amendment:Basic"),
                J("reads the signals raised to them, acknowledges them, raises and passes them on", "prvCreatecrmc_FieldSignal:Basic", "prvReadcrmc_FieldSignal:Local",
                    "prvWritecrmc_FieldSignal:Basic", "prvAppendcrmc_FieldSignal:Basic", "prvAssigncrmc_FieldSignal:Basic", "prvSharecrmc_FieldSignal:Basic"),
                StampedAsTheUser("a signal's raised-by"),
                Bpf("OpportunitySalesProcess", "Opportunity Sales Process"),
                Bpf("LeadToOpportunitySalesProcess", "Lead to Opportunity Sales Process (deals qualified from a lead)"),
            },
            ["CrmCollab Reviewer"] = new[]
            {
                App(),
                J("reads the account of the deal under review", "prvReadAccount:Global"),
                J("reads the deal under review", "prvReadOpportunity:Global"),
                ReadsCatalogue("on the deal under review"),
                J("reads the customer contacts", "prvReadContact:Global"),
                J("reads its own tasks", "prvReadActivity:Basic"),
                J("reads every review, decides (writes) its own, passes one on (assign, share)", "prvReadcrmc_FeasibilityReview:Global",
                    "prvWritecrmc_FeasibilityReview:Basic", "prvAppendcrmc_FeasibilityReview:Basic", "prvAssigncrmc_FeasibilityReview:Basic", "prvSharecrmc_FeasibilityReview:Basic"),
                J("reads amendments and approves or rejects them (the approval records its approver: Append on the amendment)", "prvReadcrmc_Amendment:Global",
                    "prvWritecrmc_Amendment:Global", "prvAppendcrmc_Amendment:Global"),
                StampedAsTheUser("a review's decided-by or an amendment's approved-by"),
                J("reads dedicated owners (whom to pass a review to)", "prvReadcrmc_DedicatedOwner:Global"),
                // A review routed to a desk's queue is held by the queue's owner (a reviewers' team, or the desk's keeper):
                // the owner must read queues to hold one, and the desk's reviewers open its items (prvReadQueue) and pick
                // one up (prvAppendToQueue; the app's Pick sends PickFromQueue, which asks prvWriteQueue; the item names them
                // as its worker: Append To on users, held above).
                J("keeps or belongs to a review desk: opens the queues it or its team owns and picks reviews up from them",
                    "prvReadQueue:Basic", "prvAppendToQueue:Basic", "prvWriteQueue:Basic"),
                ReadsRules(),
                ReadsSettings(),
            },
            ["CrmCollab ADV"] = Downstream(),
            ["CrmCollab Logistics"] = Downstream(),
            ["CrmCollab SAV"] = Downstream(),
            ["CrmCollab Administrator"] = new[]
            {
                App(),
                Maintains("crmc_DedicatedOwner", true), Maintains("crmc_FeasibilityReview", true), Maintains("crmc_Amendment", true),
                Maintains("crmc_FieldSignal", true), Maintains("crmc_RoutingRule", false), Maintains("crmc_HandoffTemplate", false),
                Maintains("crmc_FeasibilityRule", false),
                // The only role that changes the catalogue (products, price lists and their items, unit groups and units): a
                // salesperson writing a price list item would set the list price of their own deal's lines.
                Maintains("Product", false),
                J("raises amendments and sets rules' minimum amounts in a currency (the row's currency lookup: an amendment takes its deal's)",
                    "prvAppendToTransactionCurrency:Global"),
                J("reads accounts, deals, contacts and leads, and links owners, rules and reviews to them", "prvReadAccount:Global", "prvAppendToAccount:Global",
                    "prvReadOpportunity:Global", "prvAppendToOpportunity:Global", "prvReadContact:Global", "prvReadLead:Global", "prvAppendToLead:Global"),
                J("reads, fixes and re-routes (assigns) any handoff task", "prvReadActivity:Global", "prvWriteActivity:Global", "prvAppendActivity:Global",
                    "prvAppendToActivity:Global", "prvAssignActivity:Global"),
                ReadsNotes("on deals and handoff tasks (the handoffs that could not be created and why)"),
                J("reads CrmCollab's settings (environment variables), as the workflow steps it runs do", "prvReadEnvironmentVariableDefinition:Global"),
                J("names competitors, territories, queues, users and teams in rules and owners", "prvReadCompetitor:Global", "prvAppendToCompetitor:Global",
                    "prvReadTerritory:Global", "prvAppendToTerritory:Global", "prvReadQueue:Global", "prvAppendToQueue:Global", "prvAppendToUser:Global", "prvAppendToTeam:Global"),
                // Keeps the unrouted desk and steps in at any desk: the app's Pick, Release and Remove on a queue item send
                // PickFromQueue, ReleaseToQueue and RemoveFromQueue, whose privilege is Write on the queue (prvWriteQueue).
                J("picks up, releases and removes the items of any desk's queue", "prvWriteQueue:Global"),
            },
        };
    }
}
