using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// The Re-route Dedicated Owner Periods custom API (<c>crmc_RerouteOwnerPeriods</c>, solution/customapis): a plug-in has
    /// no timer, so the day a dedicated owner row's period begins or ends moves nothing by itself; a flow an administrator
    /// schedules once a day calls this action. It finds the active rows whose first day, or the day after whose last day,
    /// falls from the day asked for (default yesterday) through today (<see cref="OwnerPeriods"/>), and re-routes each row's
    /// account and function as a save of the row does: the open handoffs and pending reviews of the account and of the
    /// accounts below it that fall back to it, in background runs started by saves of the row's Re-routing Batch
    /// (<see cref="AccountReroute.InBackground"/>), so that the call stays short however much work moves. Running it twice
    /// moves nothing more. Only callers who may write dedicated owner rows may run it (its execute privilege).
    /// </summary>
    public sealed class OwnerPeriodRerouting : PluginBase
    {
        public const string ApiName = "crmc_RerouteOwnerPeriods";
        public const string FromDate = "FromDate", AfterRowId = "AfterRowId";
        public const string RowsApplied = "RowsApplied", BackgroundRuns = "BackgroundRuns", MoreRows = "MoreRows", LastRowId = "LastRowId";

        /// <summary>Rows one call applies: each costs a read of its accounts and a save or more, well inside the 2-minute limit.</summary>
        public const int RowsPerCall = 250;

        public OwnerPeriodRerouting(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            RegisterCustomApi(ApiName, Run);
        }

        private static void Run(LocalPluginContext context)
        {
            ParameterCollection input = context.ExecutionContext.InputParameters;
            DateTime? from = input.Contains(FromDate) ? input[FromDate] as DateTime? : null;
            Guid? after = input.Contains(AfterRowId) ? input[AfterRowId] as Guid? : null;
            DateTime today = context.Now.Date;
            Throw(OwnerPeriods.CheckFirstDay(from, today));
            DateTime first = OwnerPeriods.FirstDay(from, today);

            List<Entity> rows = RowsChanged(context.SystemService, first, today, after);
            bool more = rows.Count > RowsPerCall;
            int applied = 0, runs = 0;
            Guid last = Guid.Empty;
            var moved = new HashSet<string>(); // account and function: a row ending and its successor beginning the same day re-route once
            foreach (Entity row in rows.Take(RowsPerCall))
            {
                last = row.Id;
                Guid? account = row.RefId(DedicatedOwnerRow.AccountId);
                int? function = row.Choice(DedicatedOwnerRow.Function);
                if (account == null || function == null) continue;
                string key = account.Value.ToString("N") + "|" + function.Value;
                if (!moved.Add(key))
                {
                    applied++;
                    continue;
                }
                int started = AccountReroute.InBackground(context, account.Value, (BusinessFunction)function.Value,
                    text => new Entity(DedicatedOwnerRow.Table, row.Id) { [DedicatedOwnerRow.ReroutingBatch] = text });
                if (started == 0) // traced by the dispatch; tomorrow's run (from yesterday) tries the row again
                {
                    moved.Remove(key);
                    continue;
                }
                applied++;
                runs += started;
            }
            context.Trace("Dedicated owner periods from {0:yyyy-MM-dd} to {1:yyyy-MM-dd}: {2} row(s) applied, {3} background run(s), more: {4}.",
                first, today, applied, runs, more);
            ParameterCollection output = context.ExecutionContext.OutputParameters;
            output[RowsApplied] = applied;
            output[BackgroundRuns] = runs;
            output[MoreRows] = more;
            if (last != Guid.Empty) output[LastRowId] = last;
        }

        /// <summary>
        /// The active rows whose period began or ended from <paramref name="first"/> through <paramref name="today"/>, after
        /// <paramref name="after"/> in id order, one more than a call applies (to tell whether more remain). The server
        /// filters on both dates; <see cref="OwnerPeriods.ChangedWithin"/> decides.
        /// </summary>
        private static List<Entity> RowsChanged(IOrganizationService service, DateTime first, DateTime today, Guid? after)
        {
            var query = new QueryExpression(DedicatedOwnerRow.Table)
            {
                ColumnSet = new ColumnSet(DedicatedOwnerRow.AccountId, DedicatedOwnerRow.Function, DedicatedOwnerRow.ValidFrom, DedicatedOwnerRow.ValidTo),
                TopCount = RowsPerCall + 1,
            };
            query.Criteria.AddCondition(DedicatedOwnerRow.StateCode, ConditionOperator.Equal, 0);
            if (after.HasValue) query.Criteria.AddCondition(DedicatedOwnerRow.Id, ConditionOperator.GreaterThan, after.Value);
            var dates = new FilterExpression(LogicalOperator.Or);
            FilterExpression began = dates.AddFilter(LogicalOperator.And);
            began.AddCondition(DedicatedOwnerRow.ValidFrom, ConditionOperator.OnOrAfter, first);
            began.AddCondition(DedicatedOwnerRow.ValidFrom, ConditionOperator.OnOrBefore, today);
            FilterExpression ended = dates.AddFilter(LogicalOperator.And);
            ended.AddCondition(DedicatedOwnerRow.ValidTo, ConditionOperator.OnOrAfter, first.AddDays(-1));
            ended.AddCondition(DedicatedOwnerRow.ValidTo, ConditionOperator.OnOrBefore, today.AddDays(-1));
            query.Criteria.AddFilter(dates);
            query.AddOrder(DedicatedOwnerRow.Id, OrderType.Ascending);
            return service.RetrieveMultiple(query).Entities
                .Where(row => OwnerPeriods.ChangedWithin(row.Read<DateTime?>(DedicatedOwnerRow.ValidFrom), row.Read<DateTime?>(DedicatedOwnerRow.ValidTo), first, today))
                .ToList();
        }
    }
}
