using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// The Get Handoff Status custom API (<c>crmc_GetHandoffStatus</c>, bound to the opportunity, an action for "Perform a
    /// bound action"; solution/customapis): whether the deal is won and has every post-sale handoff yet
    /// (<see cref="HandoffStatusAnswer"/>), so that a flow started by the win waits until CrmCollab's background job has
    /// made them ("Do until" IsComplete) before it tells the downstream teams. What the Create Post-Sale Handoff workflow
    /// step checks, answered instead of failed. Reads with the caller's rights (<see cref="CallerReads"/>); writes nothing.
    /// </summary>
    public sealed class HandoffStatusApi : PluginBase
    {
        public const string ApiName = "crmc_GetHandoffStatus";
        public const string IsWon = "IsWon", IsComplete = "IsComplete", MissingCount = "MissingCount", Missing = "Missing";
        private const string Name = "Get Handoff Status";

        public HandoffStatusApi(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            RegisterCustomApi(ApiName, Run);
        }

        private static void Run(LocalPluginContext context)
        {
            EntityReference deal = context.TargetReference; // the platform gives a bound API its row as Target
            HandoffStatusAnswer status = CallerReads.Answer(context, Name, HandoffStatusAnswer.NeededRights, "an opportunity",
                service => HandoffStatusAnswer.Of(service, context.TracingService, deal.Id));
            ParameterCollection output = context.ExecutionContext.OutputParameters;
            output[IsWon] = status.IsWon;
            output[IsComplete] = status.IsWon && status.Missing.Count == 0;
            output[MissingCount] = status.Missing.Count;
            output[Missing] = string.Join("; ", status.Missing);
        }
    }
}
