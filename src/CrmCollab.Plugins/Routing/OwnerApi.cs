using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// The Resolve Dedicated Owner custom API (<c>crmc_ResolveDedicatedOwner</c>, bound to the account, an action so that a
    /// Power Automate flow calls it through "Perform a bound action"; solution/customapis): what the workflow step of the
    /// same name answers (<see cref="OwnerAnswer"/>), for flows, which cannot run workflow steps, and any client of the Web
    /// API. Reads with the caller's rights (<see cref="CallerReads"/>); writes nothing.
    /// </summary>
    public sealed class OwnerApi : PluginBase
    {
        public const string ApiName = "crmc_ResolveDedicatedOwner";
        public const string Function = "Function";
        public const string OwnerUser = "OwnerUser", OwnerTeam = "OwnerTeam", OwnerQueue = "OwnerQueue", RoutingPath = "RoutingPath";
        private const string Name = "Resolve Dedicated Owner";

        public OwnerApi(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            RegisterCustomApi(ApiName, Run);
        }

        private static void Run(LocalPluginContext context)
        {
            EntityReference account = context.TargetReference; // the platform gives a bound API its row as Target
            int? function = context.InputParameter<OptionSetValue>(Function)?.Value;
            if (function == null || !BusinessFunctions.IsDefined(function.Value))
                throw new InvalidPluginExecutionException(CallerRefusals.FunctionUnknown(Name, function).Message);
            OwnerAnswer owner = CallerReads.Answer(context, Name, OwnerAnswer.NeededRights, "an account",
                service => OwnerAnswer.Of(service, account.Id, (BusinessFunction)function.Value, context.Now));
            ParameterCollection output = context.ExecutionContext.OutputParameters;
            output[OwnerUser] = owner.User;
            output[OwnerTeam] = owner.Team;
            output[OwnerQueue] = owner.Queue;
            output[RoutingPath] = owner.RoutingPath;
        }
    }
}
