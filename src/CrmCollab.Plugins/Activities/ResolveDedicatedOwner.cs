using System.Activities;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>
    /// Workflow step: who receives a function's work for an account, and why. It reads as the workflow's user (the
    /// account and its parents, the dedicated owners, and — only when no dedicated owner answers — the routing rules and
    /// the Unrouted queue setting); a user who may not read them gets CRMC-WORKFLOW-USER-RIGHTS, never a partial answer.
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

        protected override string NeededRights =>
            "read the account and its parent accounts, CrmCollab's dedicated owners and routing rules, and the Unrouted queue setting " +
            "(the CrmCollab Administrator role; a salesperson's rights suffice for their own accounts when a dedicated owner is set)";

        protected override void Run(ActivityContext context)
        {
            EntityReference account = Account.Get(context.Activity);
            OptionSetValue function = Function.Get(context.Activity);
            if (account == null) throw MissingInput(StepName, "an account", "Account");
            if (function == null || !BusinessFunctions.IsDefined(function.Value))
                throw MissingInput(StepName, "one of CrmCollab's functions (ADV, Logistics, SAV, …)", "Function");
            OwnerResolution routing = new RoutingRepository(context.WorkflowUserService).ResolverFor(account.Id, new[] { (BusinessFunction)function.Value })
                .Resolve((BusinessFunction)function.Value, context.Now);
            Principal owner = routing.Owner;
            OwnerUser.Set(context.Activity, owner?.Kind == PrincipalKind.User ? new EntityReference(SystemUser.Table, owner.Id) : null);
            OwnerTeam.Set(context.Activity, owner?.Kind == PrincipalKind.Team ? new EntityReference(Team.Table, owner.Id) : null);
            OwnerQueue.Set(context.Activity, owner?.Kind == PrincipalKind.Queue ? new EntityReference(Queue.Table, owner.Id) : null);
            RoutingPath.Set(context.Activity, routing.RoutingPath);
        }
    }
}
