using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Xunit.Sdk;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// A flow asks what CrmCollab's custom APIs answer, between the people's actions (every background job has run since
    /// the last one): Get Handoff Status, as the deal's owner, must say a won deal has every handoff (the invariants count
    /// them) and any other deal is not won; Resolve Dedicated Owner, as anyone, must name whom the routing picks today — a
    /// CrmCollab Administrator always gets the answer, anyone else the answer or the coded refusal for their rights, never
    /// another owner because a row was hidden from them.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        /// <summary>The world's CrmCollab Administrators: the administrator, the sales manager and, once there, the data steward.</summary>
        private bool IsAdministrator(Guid who) => who == Org.Admin || who == _manager || who == _steward;

        private bool IsDisabled(Guid user) =>
            Org.System.Retrieve("systemuser", user, new Microsoft.Xrm.Sdk.Query.ColumnSet("isdisabled")).GetAttributeValue<bool>("isdisabled");

        private FuzzAction AskHandoffStatus()
        {
            Guid deal = Pick(_deals);
            return new FuzzAction($"ask Get Handoff Status of {deal} as its owner", () =>
            {
                bool won = State(deal) == 1;
                Guid owner = OwnerOf(deal);
                ParameterCollection answer;
                try
                {
                    answer = Org.As(owner).Execute(new OrganizationRequest(HandoffStatusApi.ApiName)
                        { ["Target"] = new EntityReference("opportunity", deal) }).Results;
                }
                catch (FaultException<OrganizationServiceFault> refused) when (!IsDisabled(owner)) // a salesperson who left: the platform's refusal
                {
                    throw new XunitException($"Get Handoff Status refused the owner of deal {deal}: {refused.Detail?.Message}");
                }
                bool saidWon = (bool)answer[HandoffStatusApi.IsWon], complete = (bool)answer[HandoffStatusApi.IsComplete];
                int missing = (int)answer[HandoffStatusApi.MissingCount];
                if (won && saidWon && _wonHandoffs.PlacesMovedSinceReWin(deal)) return; // which template a retired handoff stood for is not recorded
                if (saidWon != won || complete != won || missing != 0 || !string.IsNullOrEmpty((string)answer[HandoffStatusApi.Missing]))
                    throw new XunitException($"Get Handoff Status said won={saidWon}, complete={complete}, {missing} missing " +
                        $"('{answer[HandoffStatusApi.Missing]}') of deal {deal}, which is {(won ? "won with every handoff" : "not won")}");
            });
        }

        private FuzzAction AskDedicatedOwner()
        {
            Guid account = Pick(new[] { _account, _otherAccount });
            var function = (BusinessFunction)Pick(Enum.GetValues(typeof(BusinessFunction)).Cast<int>().ToArray());
            Guid caller = Pick(new[] { _manager, Org.Admin, Pick(_reps), Pick(_downstream), Pick(_reviewers) });
            bool administrator = IsAdministrator(caller);
            return new FuzzAction($"{caller} asks Resolve Dedicated Owner of account {account} for {function}", () =>
            {
                ParameterCollection answer;
                try
                {
                    answer = Org.As(caller).Execute(new OrganizationRequest(OwnerApi.ApiName)
                        { ["Target"] = new EntityReference("account", account), [OwnerApi.Function] = new OptionSetValue((int)function) }).Results;
                }
                catch (FaultException<OrganizationServiceFault> refused)
                {
                    string code = Refusal.CodeOf(refused.Detail?.Message);
                    if (code == null || (code == RefusalCodes.CallerRights && !administrator)) throw; // the platform's own (a disabled caller), or rights the caller lacks
                    throw new XunitException($"Resolve Dedicated Owner refused {(administrator ? "an administrator" : "a caller")} with {code}: {refused.Detail.Message}");
                }
                AssertRoutingPicks("Resolve Dedicated Owner", account, function, answer.ToDictionary(pair => pair.Key, pair => pair.Value));
            });
        }

        /// <summary>
        /// What Resolve Dedicated Owner (the action or the step: the same outputs) answered is whom the routing picks today
        /// for the account and function, read as SYSTEM, with the same routing path; else a broken promise.
        /// </summary>
        private void AssertRoutingPicks(string asker, Guid account, BusinessFunction function, IReadOnlyDictionary<string, object> answer)
        {
            OwnerResolution routing = new RoutingRepository(Org.System).ResolverFor(account).Resolve(function, Org.Engine.Clock.UtcNow);
            var said = (EntityReference)(answer[OwnerApi.OwnerUser] ?? answer[OwnerApi.OwnerTeam] ?? answer[OwnerApi.OwnerQueue]);
            if (said?.Id != routing.Owner?.Id || (string)answer[OwnerApi.RoutingPath] != routing.RoutingPath)
                throw new XunitException($"{asker} said {said?.LogicalName} {said?.Id} ('{answer[OwnerApi.RoutingPath]}') for {function} of account " +
                    $"{account}, where the routing picks {routing.Owner?.Kind} {routing.Owner?.Id} ('{routing.RoutingPath}')");
        }
    }
}
