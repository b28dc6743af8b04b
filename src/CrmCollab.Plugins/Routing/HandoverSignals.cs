using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// The field signals of a leaver's handover (<see cref="DisabledOwnerHandover"/>): the waiting signals (active, not
    /// acknowledged) a pass names (<see cref="HandoverPass.SignalsWhose"/>) go back to their account's salesperson when
    /// they can take them (<see cref="LeaverSignals.TakerFor"/>); the others stay, and follow the account when it is
    /// handed to an active salesperson (<see cref="Signals.FieldSignalIntake"/>). Read with the account's owner in the
    /// same query; one read per distinct salesperson per run (<see cref="HandoverRun.HolderOf"/>), one per team.
    /// </summary>
    internal static class HandoverSignals
    {
        private const string AccountAlias = "account";

        /// <summary>
        /// The waiting signals the pass names, with their account's owner, oldest first: at most <paramref name="top"/> in one
        /// query, or (null) every one, page by page as the caller reads them. None for a pass that takes no signals.
        /// </summary>
        public static IEnumerable<Entity> Waiting(IOrganizationService service, HandoverPass pass, int? top)
        {
            if (pass.SignalsWhose == null) return Enumerable.Empty<Entity>();
            var query = new QueryExpression(FieldSignalRow.Table) { ColumnSet = new ColumnSet(CommonColumn.OwnerId) };
            query.AddOrder(CommonColumn.CreatedOn, OrderType.Ascending);
            query.AddOrder(FieldSignalRow.Id, OrderType.Ascending);
            query.Criteria.AddCondition(FieldSignalRow.AcknowledgedOn, ConditionOperator.Null);
            query.Criteria.AddCondition(CommonColumn.StateCode, ConditionOperator.Equal, InForce.StateActive);
            LinkEntity account = query.AddLink(Account.Table, FieldSignalRow.AccountId, Account.Id);
            account.EntityAlias = AccountAlias;
            account.Columns = new ColumnSet(Account.OwnerId);
            pass.SignalsWhose(query, account);
            if (top == null) return Pages.All(service, query);
            query.TopCount = top;
            return service.RetrieveMultiple(query).Entities;
        }

        /// <summary>Each signal given to its account's salesperson when they can take it. Returns how many moved.</summary>
        public static int Handle(HandoverRun run, IEnumerable<Entity> signals)
        {
            int moved = 0;
            foreach (Entity signal in signals)
            {
                EntityReference holder = signal.Read<EntityReference>(CommonColumn.OwnerId);
                EntityReference salesperson = signal.Aliased<EntityReference>(AccountAlias + "." + Account.OwnerId);
                if (holder == null || salesperson == null) continue;
                Principal taker = LeaverSignals.TakerFor(holder.Id, run.HolderOf(salesperson), () => run.HasActiveMember(salesperson.Id));
                if (taker == null) continue;
                run.Service.Update(new Entity(FieldSignalRow.Table, signal.Id) { [CommonColumn.OwnerId] = new EntityReference(salesperson.LogicalName, taker.Id) });
                moved++;
            }
            return moved;
        }
    }
}
