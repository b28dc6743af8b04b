using System;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// A completed or canceled handoff reopened by a CrmCollab Administrator (Update of its status, SetState) is open work
    /// again, as one CrmCollab reopens at a re-win (<see cref="HandoffCreation"/>): it shows the deal's agreed terms as they
    /// are now (an amendment approved while it was closed refreshed only the open handoffs) and is routed as new work is
    /// (the account's owner of its function, else held by the deal's owner, flagged unrouted), with a dated routing path.
    /// Before, it came back with the terms and the holder it was closed with — a salesperson or someone who left the
    /// function since — while the routing and the amendment said otherwise. One read of the deal, the routing's reads,
    /// at most two writes; CrmCollab's own reopen at a re-win does this itself and is not concerned.
    /// </summary>
    internal static class ReopenedHandoff
    {
        /// <summary>The columns the reopen is handled from (the step's post-image).</summary>
        public static readonly string[] ImageColumns =
        {
            HandoffTask.StateCode, HandoffTask.OpportunityId, HandoffTask.Function, HandoffTask.HandoffKey, HandoffTask.AgreedTerms,
            HandoffTask.OwnerId, HandoffTask.Subject, HandoffTask.RoutingPath, HandoffTask.IsUnrouted, HandoffTask.RoutingHold,
        };

        /// <param name="after">The handoff after the reopen (post-image with <see cref="ImageColumns"/>).</param>
        public static void Apply(LocalPluginContext context, Entity after)
        {
            if (after == null || !after.IsFilled(HandoffTask.HandoffKey) || after.Choice(HandoffTask.StateCode) != HandoffTask.StateOpen) return;
            Guid? dealId = after.RefId(HandoffTask.OpportunityId);
            int? function = after.Choice(HandoffTask.Function);
            if (dealId == null || function == null) return;
            IOrganizationService service = context.SystemService;
            Entity deal = service.Retrieve(Opportunity.Table, dealId.Value, new ColumnSet(Opportunity.CustomerId, Opportunity.ParentAccountId,
                Opportunity.EstimatedValue, Opportunity.DiscountPercent, Opportunity.RequestedDelivery, Opportunity.PaymentTerms,
                Opportunity.OwnerId, Opportunity.TransactionCurrencyId));
            string terms = HandoffCreation.TermsOf(deal).ToSnapshot();
            if (terms != after.Read<string>(HandoffTask.AgreedTerms))
                service.Update(new Entity(HandoffTask.Table, after.Id) { [HandoffTask.AgreedTerms] = terms });
            Guid? account = HandoffCreation.AccountOf(deal);
            var fn = (BusinessFunction)function.Value;
            // A deal with no account (its customer a contact without one) is routed as any work nobody is found for: to the
            // unrouted queue, else held by the deal's owner, flagged unrouted. Before, it stayed with who closed it, who may have left.
            var routingRepository = new RoutingRepository(service);
            OwnerResolution routing = account == null
                ? UnroutedHolding.NoAccount(fn, routingRepository.UnroutedFallback())
                : routingRepository.ResolverFor(account.Value, new[] { fn }).Resolve(fn, context.Now);
            OwnerResolution decision = UnroutedHolding.Hold(routing,
                () => HandoffCreation.HolderOf(service, deal.Read<EntityReference>(Opportunity.OwnerId)), "the deal's owner");
            // Routed afresh though it may stay where it is: held again by the deal's owner who held it before, its path, flag and
            // routing hold are those of today's routing — held because the person now named is disabled, it goes to them when
            // they are enabled (HandoverPass.WaitingSinceOwnerLeft). Before, nothing was written when the holder stayed.
            new RoutingApplication(service).Reroute(after, after.Read<EntityReference>(HandoffTask.OwnerId), decision, HandoffTask.RoutingPath,
                HandoffTask.IsUnrouted, $"Routed {context.Now:yyyy-MM-dd} when the handoff was reopened", after.Read<string>(HandoffTask.Subject),
                notesUnmoved: true);
        }
    }
}
