using System;
using System.Collections.Generic;
using System.ServiceModel;
using CrmCollab.Emulator.Workflow;
using CrmCollab.Plugins.Activities;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Xrm.Sdk;
using Xunit.Sdk;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// A classic workflow runs one of CrmCollab's steps, as its user, in the background or in real time: the steps that
    /// write (Request Feasibility Reviews saves the deal, Raise Field Signal creates a signal) are held to every invariant
    /// like any other write, a refused run must leave everything as it was (a background workflow has no transaction
    /// around a step's calls), and the steps that answer must answer what the routing and the handoffs say.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private FuzzAction WorkflowStep()
        {
            Guid deal = Pick(_deals);
            Guid account = Pick(new[] { _account, _otherAccount });
            Guid user = _random.Next(3) == 0 ? Pick(new[] { _manager, Org.Admin, Pick(_reps), Pick(_downstream), Pick(_reviewers) }) : OwnerOf(deal);
            int mode = _random.Next(2); // 0: background, 1: real time
            var opportunity = new EntityReference("opportunity", deal);
            switch (_random.Next(5))
            {
                case 0:
                    return Step<RequestFeasibilityReviews>($"a workflow of {user} requests the reviews of {deal} (mode {mode})", user, mode, opportunity,
                        new Dictionary<string, object> { ["Opportunity"] = opportunity }, _ => { });
                case 1:
                    var kind = Pick(new[] { SignalKind.Lead, SignalKind.ChurnRisk, SignalKind.CompetitorPresence, SignalKind.Expansion });
                    var inputs = new Dictionary<string, object>
                    {
                        ["Account"] = new EntityReference("account", account), ["Kind"] = new OptionSetValue((int)kind), ["Description"] = "Seen on site",
                    };
                    if (kind == SignalKind.CompetitorPresence && _random.Next(4) > 0) inputs["Competitor"] = new EntityReference("competitor", _competitor);
                    user = _random.Next(4) > 0 ? Pick(_downstream) : user;
                    return Step<RaiseFieldSignal>($"a workflow of {user} raises a {kind} signal on {account} (mode {mode})", user, mode,
                        new EntityReference("account", account), inputs, _ => { });
                case 2:
                    return Step<CreatePostSaleHandoff>($"a workflow of {user} checks the handoffs of {deal} (mode {mode})", user, mode, opportunity,
                        new Dictionary<string, object> { ["Opportunity"] = opportunity }, outputs =>
                        {
                            if (State(deal) != 1) throw new XunitException($"Create Post-Sale Handoff succeeded on deal {deal}, which is not won");
                        }, code =>
                        {
                            if (code == RefusalCodes.HandoffMissing && user == OwnerOf(deal) && !_wonHandoffs.PlacesMovedSinceReWin(deal))
                                throw new XunitException($"Create Post-Sale Handoff told the owner of won deal {deal} that handoffs are missing");
                        });
                case 3:
                    // As a workflow on the deal's owner would before it wins it: the win must then go as the step answered.
                    Guid owner = OwnerOf(deal);
                    return Step<GetFeasibilityStatus>($"a workflow of {owner} asks Get Feasibility Status of {deal} (mode {mode}), then {owner} wins it", owner, mode,
                        opportunity, new Dictionary<string, object> { ["Opportunity"] = opportunity }, outputs =>
                        {
                            var answer = new ParameterCollection();
                            foreach (var output in outputs) answer[output.Key] = output.Value;
                            FeasibilityAnswers.AssertWinGoesAsAnswered(answer, () => Org.As(owner).Execute(WinRequest(deal)));
                        });
                default:
                    var function = Pick(new[] { BusinessFunction.Adv, BusinessFunction.Logistics, BusinessFunction.Finance, BusinessFunction.Sav });
                    var reference = new EntityReference("account", account);
                    return Step<ResolveDedicatedOwner>($"a workflow of {user} resolves the {function} owner of {account} (mode {mode})", user, mode, reference,
                        new Dictionary<string, object> { ["Account"] = reference, ["Function"] = new OptionSetValue((int)function) },
                        outputs => AssertRoutingPicks("the Resolve Dedicated Owner step", account, function, outputs), code =>
                        {
                            if (IsAdministrator(user)) throw new XunitException($"the Resolve Dedicated Owner step refused an administrator with {code}");
                        });
            }
        }

        /// <summary>
        /// Runs the step; its refusal reaches the random operations as a refused request does, so they check that nothing
        /// changed. A refusal carries CrmCollab's code: a disabled user's, the one that says so; an active user's, one that says
        /// what to change (never the catch-all of a step that failed for a reason it could not name).
        /// </summary>
        private FuzzAction Step<T>(string name, Guid user, int mode, EntityReference primary, IDictionary<string, object> inputs,
            Action<IReadOnlyDictionary<string, object>> check, Action<string> refusedWith = null) where T : System.Activities.Activity, new() =>
            new FuzzAction(name, () =>
            {
                WorkflowRunResult result;
                try
                {
                    result = new WorkflowActivityRunner().Run<T>(inputs, new WorkflowRunContext
                    {
                        UserId = user, PrimaryEntity = primary, ServiceFactory = Org.Engine.ServiceFactory, UtcNow = Org.Engine.Clock.UtcNow,
                        WorkflowMode = mode,
                    });
                }
                catch (InvalidPluginExecutionException refused)
                {
                    string code = Refusal.CodeOf(refused.Message);
                    bool disabled = IsDisabled(user);
                    if (disabled ? code != RefusalCodes.WorkflowUserDisabled : code == null || code == RefusalCodes.WorkflowUserDisabled || code == RefusalCodes.WorkflowStepFailed)
                        throw new XunitException($"{typeof(T).Name} refused {(disabled ? "a disabled" : "an active")} user {user} with {code ?? "no code"}: {refused.Message}");
                    refusedWith?.Invoke(code);
                    throw new FaultException<OrganizationServiceFault>(new OrganizationServiceFault { Message = refused.Message }, refused.Message);
                }
                check(result.Outputs);
            });
    }
}
