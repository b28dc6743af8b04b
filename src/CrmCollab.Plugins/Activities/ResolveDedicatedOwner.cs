using System.Activities;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>
    /// Workflow step: who receives a function's work for an account, and why (<see cref="OwnerAnswer"/>). It reads as the
    /// workflow's user (the account and its parents, the dedicated owners, and — only when no dedicated owner answers — the
    /// routing rules and the Unrouted queue setting); a user who may not read them gets CRMC-WORKFLOW-USER-RIGHTS, never a
    /// partial answer. Flows call the custom API of the same name (<see cref="OwnerApi"/>).
    /// </summary>
    public sealed class ResolveDedicatedOwner : ActivityBase
    {
        [RequiredArgument]
        [Input("Account")]
        [ReferenceTarget(Data.Account.Table)]
        public InArgument<EntityReference> Account { get; set; }

        [RequiredArgument]
        [Input("Function")]
        [AttributeTarget(DedicatedOwnerRow.Table, DedicatedOwnerRow.Function)]
        public InArgument<OptionSetValue> Function { get; set; }

        [Output("OwnerUser")]
        [ReferenceTarget(SystemUser.Table)]
        public OutArgument<EntityReference> OwnerUser { get; set; }

        [Output("OwnerTeam")]
        [ReferenceTarget(Team.Table)]
        public OutArgument<EntityReference> OwnerTeam { get; set; }

        [Output("OwnerQueue")]
        [ReferenceTarget(Queue.Table)]
        public OutArgument<EntityReference> OwnerQueue { get; set; }

        [Output("RoutingPath")]
        public OutArgument<string> RoutingPath { get; set; }

        protected override string StepName => "Resolve Dedicated Owner";

        protected override string NeededRights => OwnerAnswer.NeededRights;

        protected override void Run(ActivityContext context)
        {
            EntityReference account = Account.Get(context.Activity);
            OptionSetValue function = Function.Get(context.Activity);
            if (account == null) throw MissingInput(StepName, "an account", "Account");
            if (function == null || !BusinessFunctions.IsDefined(function.Value))
                throw MissingInput(StepName, "one of CrmCollab's functions (ADV, Logistics, SAV, …)", "Function");
            OwnerAnswer owner = OwnerAnswer.Of(context.WorkflowUserService, account.Id, (BusinessFunction)function.Value, context.Now);
            OwnerUser.Set(context.Activity, owner.User);
            OwnerTeam.Set(context.Activity, owner.Team);
            OwnerQueue.Set(context.Activity, owner.Queue);
            RoutingPath.Set(context.Activity, owner.RoutingPath);
        }
    }
}
