using System;
using System.Activities;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Feasibility;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>
    /// Workflow step: request the reviews the deal needs at its current stage, and withdraw the pending ones it no longer
    /// needs. Microsoft documents that a custom workflow activity's calls all run as the workflow's user, so the step
    /// writes nothing of CrmCollab's itself (its review and status writes would be a user's, refused): it saves the
    /// deal's stage again, as the rep saving the deal would, and CrmCollab's <see cref="FeasibilityRequest"/> step on
    /// that Update does the work as CrmCollab's server code, inside an operation on the deal. The step then reads what
    /// was requested.
    /// </summary>
    public sealed class RequestFeasibilityReviews : ActivityBase
    {
        [RequiredArgument]
        [Input("Opportunity")]
        [ReferenceTarget(Data.Opportunity.Table)]
        public InArgument<EntityReference> Opportunity { get; set; }

        [Output("RequestedCount")]
        public OutArgument<int> RequestedCount { get; set; }

        [Output("Functions")]
        public OutArgument<string> Functions { get; set; }

        protected override string StepName => "Request Feasibility Reviews";

        protected override string NeededRights =>
            "read and save the deal and read its feasibility reviews (the CrmCollab Salesperson role on their own deals)";

        protected override void Run(ActivityContext context)
        {
            EntityReference reference = Opportunity.Get(context.Activity)
                ?? throw MissingInput(StepName, "an opportunity", "Opportunity");
            IOrganizationService service = context.WorkflowUserService;
            Entity deal = service.Retrieve(Data.Opportunity.Table, reference.Id, new ColumnSet(Data.Opportunity.StateCode, Data.Opportunity.SalesStage));
            var requested = new List<BusinessFunction>();
            // A closed deal needs no review (a won deal's are final, a lost deal's were withdrawn): nothing to save.
            if (deal.Choice(Data.Opportunity.StateCode) == Data.Opportunity.StateOpen)
            {
                var repository = new FeasibilityRepository(service);
                var before = new HashSet<Guid>(repository.Reviews(reference.Id).Select(r => r.Id));
                service.Update(new Entity(Data.Opportunity.Table, reference.Id)
                {
                    [Data.Opportunity.SalesStage] = deal.Read<OptionSetValue>(Data.Opportunity.SalesStage),
                });
                requested.AddRange(repository.Reviews(reference.Id).Where(r => !before.Contains(r.Id))
                    .Select(FeasibilityRepository.ToState).Where(r => r.IsCurrent).Select(r => r.Function));
            }
            context.Tracing?.Trace("{0} review(s) requested.", requested.Count);
            RequestedCount.Set(context.Activity, requested.Count);
            Functions.Set(context.Activity, string.Join(", ", requested.Select(f => f.Label())));
        }
    }
}
