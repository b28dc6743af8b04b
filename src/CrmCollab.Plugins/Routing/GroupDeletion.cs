using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// An account deleted with accounts directly below it (a group and its plants): the platform clears their Parent Account
    /// (account_parent_account: Delete RemoveLink) and deletes the group's dedicated owners (Cascade), below the plants' own
    /// steps, which no page says run. So, before the delete, CrmCollab clears each plant's parent itself, through the SYSTEM
    /// service in the delete's transaction: the plant's own Update of its parent runs, and with it the re-routing a change of
    /// parent starts (<see cref="Feasibility.FeasibilityRuleActivation"/>, in the background once the delete is committed,
    /// when the group and its owners are gone): the plants' open handoffs and pending reviews follow their routing. The platform
    /// then finds nothing left to unlink. One query, and one save per plant directly below.
    /// </summary>
    internal static class GroupDeletion
    {
        public static int UnlinkPlants(LocalPluginContext context, Guid accountId)
        {
            var query = new QueryExpression(Account.Table) { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition(Account.ParentAccountId, ConditionOperator.Equal, accountId);
            query.AddOrder(Account.Id, OrderType.Ascending);
            int unlinked = 0;
            foreach (Guid plant in Pages.All(context.SystemService, query).Select(a => a.Id).ToList())
            {
                context.SystemService.Update(new Entity(Account.Table, plant) { [Account.ParentAccountId] = null });
                unlinked++;
            }
            context.Trace("Account {0} deleted: {1} account(s) below it unlinked, their work re-routed in the background.", accountId, unlinked);
            return unlinked;
        }
    }
}
