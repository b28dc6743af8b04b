using System.Activities;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>
    /// Workflow step: checks that a won deal has all its post-sale handoff tasks. Microsoft documents that a custom
    /// workflow activity's calls all run as the workflow's user, and only CrmCollab's step after the win may create a
    /// handoff (its key, template, routing are server columns, <see cref="Terms.HandoffGuard"/>); a won deal cannot be
    /// changed, so no save of it could let that step run again. The step therefore writes nothing: it reads the deal,
    /// the active templates and the deal's tasks as its user, succeeds with nothing created when every handoff is
    /// there, and otherwise fails naming the missing ones (CRMC-HANDOFF-MISSING) and who can help
    /// (<see cref="HandoffStatusAnswer"/>). Flows ask the Get Handoff Status custom API (<see cref="HandoffStatusApi"/>).
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

        protected override string NeededRights => HandoffStatusAnswer.NeededRights;

        protected override void Run(ActivityContext context)
        {
            EntityReference reference = Opportunity.Get(context.Activity)
                ?? throw MissingInput(StepName, "an opportunity", "Opportunity");
            HandoffStatusAnswer status = HandoffStatusAnswer.Of(context.WorkflowUserService, context.Tracing, reference.Id);
            if (!status.IsWon) throw new InvalidPluginExecutionException(HandoffCreationRules.NotWon(status.DealName).Message);
            if (status.Missing.Count > 0)
                throw new InvalidPluginExecutionException(HandoffCreationRules.MissingForStep(status.DealName, status.Missing).Message);
            context.Tracing?.Trace("Every handoff of {0} is there.", reference.Id);
            TasksCreated.Set(context.Activity, 0);
            Unrouted.Set(context.Activity, 0);
        }
    }
}
