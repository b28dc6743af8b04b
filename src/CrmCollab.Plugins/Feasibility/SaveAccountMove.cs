using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// Whether a deal's save moves it to another account, told to the operations of the rows sent with it (a flow moved in
    /// that save is judged after the deal is written, when the former account is gone). The deal's own PreOperation guard,
    /// which has the account before, records it in the save's SharedVariables (Microsoft's way of passing data along a
    /// pipeline); a related row's operation reads it through its ParentContext. Where it finds none, it guesses from what
    /// the save sends (<see cref="AccountChangeRule.MovedBySave"/>).
    /// </summary>
    public static class SaveAccountMove
    {
        public const string Variable = "crmc_save_movesaccount";

        /// <summary>In the deal's PreOperation Update: records the move when the save sends the columns the account is read from.</summary>
        public static void Remember(LocalPluginContext context, Entity before, Entity target)
        {
            if (!target.Contains(Opportunity.CustomerId) && !target.Contains(Opportunity.ParentAccountId)) return;
            Entity after = Values.Merge(before, target);
            context.ExecutionContext.SharedVariables[Variable] =
                AccountChangeRule.Moves(Routing.HandoffCreation.AccountOf(before), Routing.HandoffCreation.AccountOf(after));
        }

        /// <summary>In a related row's operation: whether <paramref name="dealSave"/> (its context up the chain) moves the deal, now <paramref name="dealNow"/>.</summary>
        public static bool Of(IPluginExecutionContext dealSave, Entity dealNow)
        {
            var target = (Entity)dealSave.InputParameters["Target"];
            bool? recorded = dealSave.SharedVariables != null && dealSave.SharedVariables.TryGetValue(Variable, out object value) && value is bool moves
                ? moves : (bool?)null;
            return AccountChangeRule.MovedBySave(recorded, target.Contains(Opportunity.CustomerId), target.Contains(Opportunity.ParentAccountId),
                dealNow.Read<EntityReference>(Opportunity.CustomerId)?.LogicalName == Account.Table);
        }
    }
}
