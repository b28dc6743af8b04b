using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>Refuses a routing rule without a function or without exactly one target, at save time.</summary>
    public sealed class RoutingRuleValidation : PluginBase
    {
        public const string PreImage = "PreImage";

        public RoutingRuleValidation(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Create", RoutingRuleRow.Table, Validate);
            Register(PipelineStage.PreOperation, "Update", RoutingRuleRow.Table, Validate)
                .Filter("crmc_function", "crmc_userid", "crmc_teamid", "crmc_queueid")
                .PreImage("PreImage", "crmc_function", "crmc_userid", "crmc_teamid", "crmc_queueid");
        }

        private static void Validate(LocalPluginContext context)
        {
            Entity rule = Values.Merge(context.PreImage(PreImage), context.TargetEntity);
            int targets = new[] { RoutingRuleRow.UserId, RoutingRuleRow.TeamId, RoutingRuleRow.QueueId }.Count(c => rule.IsFilled(c));
            Throw(DedicatedOwnerRules.CheckRule(rule.Choice(RoutingRuleRow.Function), targets));
        }
    }
}
