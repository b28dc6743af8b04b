using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// Whether a deal is won and has every post-sale handoff its templates in force call for (CrmCollab creates them in the
    /// background a few moments after the win; a template put in force after the deal's latest win is not asked of it): read with
    /// the rights of the service given (the workflow's user for the Create Post-Sale Handoff step, the caller for the Get
    /// Handoff Status custom API), so a handoff hidden from the reader counts as missing. Writes nothing.
    /// </summary>
    public sealed class HandoffStatusAnswer
    {
        /// <summary>What the reader must be allowed to do, and which shipped roles allow it, as one clause.</summary>
        public const string NeededRights =
            "read the deal, the handoff templates and every task and close of the deal (the CrmCollab Salesperson role on their own deals, or CrmCollab Administrator)";

        public string DealName { get; private set; }

        public bool IsWon { get; private set; }

        /// <summary>The handoffs missing, each as its function and subject ("ADV 'Draw up the contract'"); none for a deal not won.</summary>
        public IReadOnlyList<string> Missing { get; private set; }

        public static HandoffStatusAnswer Of(IOrganizationService service, ITracingService tracing, Guid dealId)
        {
            Entity deal = service.Retrieve(Opportunity.Table, dealId, new ColumnSet(Opportunity.Name, Opportunity.StateCode));
            bool won = deal.Choice(Opportunity.StateCode) == Opportunity.StateWon;
            return new HandoffStatusAnswer
            {
                DealName = deal.Read<string>(Opportunity.Name),
                IsWon = won,
                Missing = won
                    ? new HandoffCreation(service, tracing).MissingHandoffs(dealId).Select(t => $"{t.Function.Label()} '{t.Subject}'").ToList()
                    : new List<string>(),
            };
        }
    }
}
