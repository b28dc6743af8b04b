using System;
using System.Threading;
using CrmCollab.Tooling.Registration;
using Spectre.Console.Cli;

namespace CrmCollab.Cli.Commands
{
    /// <summary>
    /// crmcollab bpf add: the gate steps for an administrator's own business process flow on opportunity, written into
    /// the solution folder (logic: Tooling.Registration.ProcessFlowSteps). Then `pack` ships them.
    /// </summary>
    public sealed class BpfAddCommand : Command<BpfAddSettings>
    {
        public override int Execute(CommandContext context, BpfAddSettings settings, CancellationToken cancellationToken)
        {
            string solution = PackagingCommandSupport.SolutionFolder(settings.Solution);
            ProcessFlowStepsResult result;
            try
            {
                result = UserFacingException.From(() => ProcessFlowSteps.Add(solution, settings.Table, settings.Lookup ?? ProcessFlowSteps.DefaultLookup));
            }
            catch (ArgumentException bad)
            {
                throw new UsageException(bad.Message);
            }
            Console.WriteLine($"{settings.Table.Trim().ToLowerInvariant()}: {result.Written.Count} step(s) written, {result.Unchanged.Count} already there, " +
                              "declared as a dependency in Other/Solution.xml.");
            Console.WriteLine("Next: give the people who move this flow Read/Write/Create/Append/AppendTo on its table and AppendTo on processes (prvAppendToWorkflow, Global), then run crmcollab pack.");
            return ExitCodes.Ok;
        }
    }
}
