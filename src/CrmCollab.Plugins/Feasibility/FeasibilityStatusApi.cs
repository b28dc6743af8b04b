using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// The Get Feasibility Status custom API (<c>crmc_GetFeasibilityStatus</c>, bound to the opportunity, an action so that a
    /// Power Automate flow calls it through "Perform a bound action"; solution/customapis): what the workflow step of the
    /// same name answers (<see cref="FeasibilityAnswer"/>), for flows on stage changes, which cannot run workflow steps, and
    /// any client of the Web API. It reads the deal, its rules and reviews with the caller's rights, as the step with its
    /// user's, and writes nothing; a caller who may not read what it needs is told which roles may (<c>CRMC-CALLER-RIGHTS</c>).
    /// Who owns the deal and who is a CrmCollab Administrator it asks as SYSTEM, as the guards do: a caller may not read the
    /// role assignments that make an owner's approval count, and the answer must be the one the win will meet.
    /// </summary>
    public sealed class FeasibilityStatusApi : PluginBase
    {
        public const string ApiName = "crmc_GetFeasibilityStatus";
        public const string ActualRevenue = "ActualRevenue";
        private const string Name = "Get Feasibility Status";
        public const string IsCleared = "IsCleared", Blocking = "Blocking", NextGateStage = "NextGateStage", ClearedToMove = "ClearedToMove",
            MoveCode = "MoveCode", ClearedToWin = "ClearedToWin", WinCode = "WinCode", Reviews = "Reviews";

        public FeasibilityStatusApi(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            RegisterCustomApi(ApiName, Run);
        }

        private static void Run(LocalPluginContext context)
        {
            EntityReference deal = context.TargetReference; // the platform gives a bound API its row as Target
            decimal? revenue = context.InputParameter<Money>(ActualRevenue)?.Value;
            FeasibilityAnswer status = CallerReads.Answer(context, Name, FeasibilityAnswer.NeededRights, "an opportunity",
                service => FeasibilityAnswer.Of(service, context.TracingService, deal.Id, context.Now, revenue, directory: context.SystemService));
            ParameterCollection output = context.ExecutionContext.OutputParameters;
            output[IsCleared] = status.IsCleared;
            output[Blocking] = status.Blocking;
            output[NextGateStage] = status.NextGateStage;
            output[ClearedToMove] = status.ClearedToMove;
            output[MoveCode] = status.MoveCode;
            output[ClearedToWin] = status.ClearedToWin;
            output[WinCode] = status.WinCode;
            output[Reviews] = status.Reviews;
        }
    }
}
