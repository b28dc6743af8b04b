using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A test step playing a platform whose merge of accounts moves the merged-away account's field signals to the account
    /// that stays through Updates of them, as the user who merges (their Update steps then run inside the merge; no page
    /// says whether they do).
    /// </summary>
    public sealed class MergeReparentingThroughUpdates : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory));
            var master = (EntityReference)context.InputParameters["Target"];
            var mergedAway = (Guid)context.InputParameters["SubordinateId"];
            IOrganizationService system = factory.CreateOrganizationService(null), asCaller = factory.CreateOrganizationService(context.UserId);
            var query = new QueryExpression("crmc_fieldsignal") { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition("crmc_accountid", ConditionOperator.Equal, mergedAway);
            foreach (Entity signal in system.RetrieveMultiple(query).Entities)
                asCaller.Update(new Entity("crmc_fieldsignal", signal.Id) { ["crmc_accountid"] = master });
        }
    }
}
