using System.Activities;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>
    /// Workflow step: checks that a won deal has all its post-sale handoff tasks. Microsoft documents that a custom
    /// workflow activity's calls all run as the workflow's user, and only CrmCollab's step after the win may create a
    /// handoff (its key, template, routing are server columns, <see cref="Terms.HandoffGuard"/>); a won deal cannot be
    /// changed, so no save of it could let that step run again. The step therefore writes nothing: it reads the deal,
    /// the active templates and the deal's tasks as its user, succeeds with nothing created when every handoff is
    /// there, and otherwise fails naming the missing ones (CRMC-HANDOFF-MISSING) and who can help.
    /// </summary>
    public sealed class CreatePostSaleHandoff : ActivityBase
    {
        [RequiredArgument]
        [Input("Opportunity")]
        [ReferenceTarget(Data.Opportunity.Table)]
        public InArgument<EntityReference> Opportunity { get; set; }

        /// <summary>Tasks this run created: always 0 (CrmCollab's step after the win creates them).</summary>
        [Output("TasksCreated")]
        public OutArgument<int> TasksCreated { get; set; }

        /// <summary>Unrouted tasks among those created: always 0.</summary>
        [Output("Unrouted")]
        public OutArgument<int> Unrouted { get; set; }

        protected override string StepName => "Create Post-Sale Handoff";

        protected override string NeededRights =>
            "read the deal, the handoff templates and every task of the deal (the CrmCollab Salesperson role on their own deals, or CrmCollab Administrator)";

        protected override void Run(ActivityContext context)
        {
            EntityReference reference = Opportunity.Get(context.Activity)
                ?? throw MissingInput(StepName, "an opportunity", "Opportunity");
            IOrganizationService service = context.WorkflowUserService;
            Entity deal = service.Retrieve(Data.Opportunity.Table, reference.Id, new ColumnSet(Data.Opportunity.Name, Data.Opportunity.StateCode));
            string name = deal.Read<string>(Data.Opportunity.Name);
            if (deal.Choice(Data.Opportunity.StateCode) != Data.Opportunity.StateWon)
                throw new InvalidPluginExecutionException(HandoffCreationRules.NotWon(name).Message);

            IReadOnlyList<HandoffTemplate> missing = new HandoffCreation(service, context.Tracing).MissingHandoffs(reference.Id);
            if (missing.Count > 0)
                throw new InvalidPluginExecutionException(HandoffCreationRules.MissingForStep(name,
                    missing.Select(t => $"{t.Function.Label()} '{t.Subject}'").ToList()).Message);
            context.Tracing?.Trace("Every handoff of {0} is there.", reference.Id);
            TasksCreated.Set(context.Activity, 0);
            Unrouted.Set(context.Activity, 0);
        }
    }
}
