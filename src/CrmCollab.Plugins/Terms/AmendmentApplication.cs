using System.Collections.Generic;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// Applies an approved amendment in the approval's own transaction (synchronous PostOperation): the deal's
    /// terms, the agreed-terms snapshot of its open handoffs and a note on each of them. Any failure undoes
    /// everything, the amendment's approval included.
    /// </summary>
    public sealed class AmendmentApplication : PluginBase
    {
        public const string PostImage = "PostImage";

        public AmendmentApplication(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PostOperation, "Update", AmendmentRow.Table, OnDecided)
                .Filter(AmendmentRow.State)
                .PostImage(PostImage, AmendmentRow.State, AmendmentRow.Reason, AmendmentRow.OpportunityId, AmendmentRow.NewEstimatedValue,
                    AmendmentRow.NewDiscountPercent, AmendmentRow.NewRequestedDelivery, AmendmentRow.NewPaymentTerms, AmendmentRow.Name);
        }

        private static void OnDecided(LocalPluginContext context)
        {
            // Only AmendmentValidation sets Applied (clients are refused), and only on an approval.
            if (context.TargetEntity.Choice(AmendmentRow.State) != (int)AmendmentState.Applied) return;
            Entity amendment = context.PostImage(PostImage)
                ?? throw new InvalidPluginExecutionException(Domain.StepFailure.Misconfigured("the image of the amendment it is registered with").Message);
            EntityReference deal = amendment.Read<EntityReference>(AmendmentRow.OpportunityId);
            IOrganizationService service = context.SystemService;

            var change = new Entity(Opportunity.Table, deal.Id);
            foreach (KeyValuePair<string, string> proposal in AmendmentRow.Proposals)
                if (amendment.IsFilled(proposal.Key)) change[proposal.Value] = amendment[proposal.Key];
            service.Update(change); // passes the lock: see AmendmentPath

            Entity updated = service.Retrieve(Opportunity.Table, deal.Id, new ColumnSet(Opportunity.EstimatedValue,
                Opportunity.DiscountPercent, Opportunity.RequestedDelivery, Opportunity.PaymentTerms, Opportunity.TransactionCurrencyId));
            string terms = HandoffCreation.TermsOf(updated).ToSnapshot();
            int refreshed = 0;
            foreach (Entity task in OpenHandoffs(service, deal.Id))
            {
                string before = task.Read<string>(HandoffTask.AgreedTerms);
                if (before == terms) continue;
                service.Update(new Entity(HandoffTask.Table, task.Id) { [HandoffTask.AgreedTerms] = terms });
                service.Create(new Entity(Annotation.Table)
                {
                    [Annotation.Subject] = "Agreed terms amended",
                    [Annotation.NoteText] = $"Agreed terms amended: {terms}. Before: {before ?? "not recorded"}. " +
                        $"Reason: {amendment.Read<string>(AmendmentRow.Reason)} (amendment '{amendment.Read<string>(AmendmentRow.Name)}').",
                    [Annotation.ObjectId] = task.ToEntityReference(),
                });
                refreshed++;
            }
            context.Trace("Amendment applied to {0}; {1} open handoff(s) refreshed.", deal.Id, refreshed);
        }

        /// <summary>The deal's open handoff tasks, in one query.</summary>
        private static IEnumerable<Entity> OpenHandoffs(IOrganizationService service, System.Guid dealId)
        {
            var query = new QueryExpression(HandoffTask.Table) { ColumnSet = new ColumnSet(HandoffTask.AgreedTerms) };
            query.Criteria.AddCondition(HandoffTask.OpportunityId, ConditionOperator.Equal, dealId);
            query.Criteria.AddCondition(HandoffTask.StateCode, ConditionOperator.Equal, HandoffTask.StateOpen);
            query.Criteria.AddCondition(HandoffTask.HandoffKey, ConditionOperator.NotNull); // kept when its template is deleted
            return service.RetrieveMultiple(query).Entities;
        }
    }
}
