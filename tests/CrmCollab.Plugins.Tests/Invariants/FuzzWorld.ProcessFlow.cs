using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Engine;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// A deal's business process flows (the Opportunity Sales Process and the Lead to Opportunity one, each its own table):
    /// an instance started on a deal at any stage (a second one on the same deal too), its active stage moved forward,
    /// back or past the gate in one jump, on open, won and lost deals, an instance re-pointed to another deal — mostly by
    /// the deal's owner, sometimes by a colleague or a reviewer — through every channel; and a deal's stage saved together
    /// with its state.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private static readonly string[] FlowTables = { WellKnownProcesses.OpportunitySalesProcessName, WellKnownProcesses.LeadToOpportunitySalesProcessName };

        private static readonly Guid[][] FlowStages =
        {
            new[] { WellKnownProcesses.OpportunityQualifyStageId, WellKnownProcesses.OpportunityDevelopStageId, WellKnownProcesses.OpportunityProposeStageId, WellKnownProcesses.OpportunityCloseStageId },
            new[] { WellKnownProcesses.LeadQualifyStageId, WellKnownProcesses.LeadDevelopStageId, WellKnownProcesses.LeadProposeStageId, WellKnownProcesses.LeadCloseStageId },
        };

        private static readonly Guid[] FlowProcesses = { WellKnownProcesses.OpportunitySalesProcessId, WellKnownProcesses.LeadToOpportunitySalesProcessId };

        /// <summary>The sales stage (0 Qualify … 3 Close) an out-of-box flow stage stands for.</summary>
        public static int FlowStageOf(Guid stageId)
        {
            foreach (Guid[] stages in FlowStages)
                for (int i = 0; i < stages.Length; i++)
                    if (stages[i] == stageId) return i;
            throw new ArgumentOutOfRangeException(nameof(stageId));
        }

        /// <summary>Every flow instance of a deal, both tables: table, id, deal, stage.</summary>
        public static List<Entity> FlowInstances(IOrganizationService service) =>
            FlowTables.SelectMany(t => service.RetrieveMultiple(new QueryExpression(t) { ColumnSet = new ColumnSet("opportunityid", "activestageid") }).Entities).ToList();

        /// <summary>Mostly the deal's owner; now and then a colleague or a reviewer, who should be refused.</summary>
        private Guid ActorFor(Guid deal) => _random.Next(5) == 0 ? Pick(_reps.Concat(_reviewers).ToArray()) : OwnerOf(deal);

        private FuzzAction StartFlow()
        {
            Guid deal = Pick(_deals);
            int flow = _random.Next(2), stage = _random.Next(3) == 0 ? _random.Next(4) : _random.Next(2);
            Guid who = ActorFor(deal);
            int channel = Channel();
            var instance = new Entity(FlowTables[flow])
            {
                ["name"] = "Sales flow", ["opportunityid"] = new EntityReference("opportunity", deal),
                ["processid"] = new EntityReference("workflow", FlowProcesses[flow]),
                ["activestageid"] = new EntityReference("processstage", FlowStages[flow][stage]),
            };
            Guid id = NewId();
            return new FuzzAction($"{who} starts {FlowTables[flow]} on {deal} at stage {stage} by {FuzzChannel.CreateNames[channel]}",
                () => FuzzChannel.Create(Org.As(who), instance, channel, id));
        }

        private FuzzAction MoveFlow()
        {
            var instances = FlowInstances(Org.System).Where(i => i.Contains("opportunityid")).ToList();
            if (instances.Count == 0) return StartFlow();
            Entity instance = Pick(instances);
            int flow = Array.IndexOf(FlowTables, instance.LogicalName);
            Guid deal = instance.GetAttributeValue<EntityReference>("opportunityid").Id;
            int from = FlowStageOf(instance.GetAttributeValue<EntityReference>("activestageid").Id);
            // Forward or back by one, or a jump past the gate (Qualify or Develop to Close).
            int to = _random.Next(4) == 0 ? 3 : Math.Max(0, Math.Min(3, from + (_random.Next(3) == 0 ? -1 : 1)));
            Guid who = ActorFor(deal);
            var move = new Entity(instance.LogicalName, instance.Id) { ["activestageid"] = new EntityReference("processstage", FlowStages[flow][to]) };
            switch (_random.Next(4))
            {
                case 0: return FormNextStage(who, move, deal, to);
                case 1: return MoveInDealSave(who, move, flow, deal, to);
            }
            int channel = Channel();
            return new FuzzAction($"{who} moves {instance.LogicalName} {instance.Id} of {deal} from {from} to {to} by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), move, channel));
        }

        /// <summary>
        /// The form's Next stage: the flow instance's stage and the deal's pipeline phase (stepname "3-Propose") in one change
        /// set, which the engine runs as an ExecuteTransaction; in either order (a client's batch may send them either way).
        /// </summary>
        private FuzzAction FormNextStage(Guid who, Entity move, Guid deal, int to)
        {
            var phase = new Entity("opportunity", deal) { ["stepname"] = $"{to + 1}-{CrmCollab.Plugins.Domain.Feasibility.SalesStage.Label(to)}" };
            var requests = new OrganizationRequestCollection { new UpdateRequest { Target = move }, new UpdateRequest { Target = phase } };
            bool phaseFirst = _random.Next(2) == 0;
            if (phaseFirst) requests = new OrganizationRequestCollection { requests[1], requests[0] };
            return new FuzzAction($"{who} moves {move.LogicalName} {move.Id} of {deal} to {to} with the deal's phase{(phaseFirst ? " first" : "")}, as the form's Next stage",
                () => Org.As(who).Execute(new ExecuteTransactionRequest { Requests = requests }));
        }

        /// <summary>
        /// The flow's move sent as a related row of a save of its deal, which the platform processes after writing the deal and
        /// before the deal's own PostOperation steps: the save changes the deal's terms, moves it (not won) to another customer,
        /// changes one of its product lines too, or only its description.
        /// </summary>
        private FuzzAction MoveInDealSave(Guid who, Entity move, int flow, Guid deal, int to)
        {
            var save = new Entity("opportunity", deal);
            bool flowFirst = _random.Next(2) == 0; // the platform's order among related rows is not documented
            if (flowFirst) Relate(save, FlowsOf[flow], move);
            string with;
            switch (_random.Next(4))
            {
                case 0:
                    foreach (var term in TermsChange(deal).Attributes) save[term.Key] = term.Value;
                    with = "new terms";
                    break;
                case 1 when State(deal) != 1:
                    save["customerid"] = Pick(Customers);
                    with = "another customer";
                    break;
                case 2 when RowOf(Rows("opportunityproduct", "opportunityid"), deal) is Entity line:
                    save["description"] = "Products revised";
                    Relate(save, LinesOf, new Entity("opportunityproduct", line.Id) { ["quantity"] = (decimal)(1 + _random.Next(5)) });
                    with = $"line {line.Id}";
                    break;
                default:
                    save["description"] = "Moving on";
                    with = "its description";
                    break;
            }
            if (!flowFirst) Relate(save, FlowsOf[flow], move);
            int channel = RelatedChannel();
            return new FuzzAction($"{who} moves {move.LogicalName} {move.Id} of {deal} to {to} inside a save of the deal with {with} by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), save, channel));
        }

        /// <summary>An instance's deal lookup retargeted to another deal (with a stage now and then); a lead-to-opportunity
        /// instance whose deal was deleted keeps no deal (its lookup is cleared) and may be given one.</summary>
        private FuzzAction RepointFlow()
        {
            var instances = FlowInstances(Org.System);
            if (instances.Count == 0) return StartFlow();
            Entity instance = Pick(instances);
            int flow = Array.IndexOf(FlowTables, instance.LogicalName);
            Guid from = instance.GetAttributeValue<EntityReference>("opportunityid")?.Id ?? Guid.Empty, to = Pick(_deals);
            Guid who = _random.Next(2) == 0 || from == Guid.Empty ? ActorFor(to) : ActorFor(from);
            var change = new Entity(instance.LogicalName, instance.Id) { ["opportunityid"] = new EntityReference("opportunity", to) };
            if (_random.Next(3) == 0) change["activestageid"] = new EntityReference("processstage", FlowStages[flow][_random.Next(4)]);
            int channel = Channel();
            return new FuzzAction($"{who} re-points {instance.LogicalName} {instance.Id} from {from} to {to}" +
                $"{(change.Contains("activestageid") ? " with a stage" : "")} by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), change, channel));
        }

        /// <summary>A deal (mostly a won one) handed to the sales manager, a CrmCollab Administrator, who acts as its owner
        /// until someone hands it on (<see cref="Assign"/>); half the time instead she reopens a won deal she holds, to amend
        /// that sale: its lines stay locked (docs/guards.md, OpportunityProductGuard: won once).</summary>
        private FuzzAction HandToManager()
        {
            var won = _deals.Where(d => State(d) == 1).ToList();
            var held = won.Where(d => OwnerOf(d) == _manager).ToList();
            if (held.Count > 0 && _random.Next(2) == 0)
            {
                Guid reopened = Pick(held);
                return new FuzzAction($"the manager reopens won deal {reopened}", () => Org.As(_manager).Execute(new SetStateRequest
                {
                    EntityMoniker = new EntityReference("opportunity", reopened), State = new OptionSetValue(0), Status = new OptionSetValue(-1),
                }));
            }
            Guid deal = won.Count > 0 && _random.Next(3) > 0 ? Pick(won) : Pick(_deals);
            return new FuzzAction($"assign {deal} to the manager", () => Org.As(OwnerOf(deal)).Execute(new AssignRequest
            {
                Target = new EntityReference("opportunity", deal), Assignee = new EntityReference("systemuser", _manager),
            }));
        }

        /// <summary>The deal's stage saved with its state: a lost deal reopened at another stage, an open deal saved open
        /// again, an attempt to close one by Update (the platform closes only through Win and Lose), or a SetState reopen.</summary>
        private FuzzAction StageWithState()
        {
            Guid deal = Pick(_deals);
            Guid who = _random.Next(6) == 0 ? _manager : OwnerOf(deal);
            int stage = _random.Next(4);
            if (_random.Next(4) == 0)
                return new FuzzAction($"{who} reopens {deal} by SetState and moves it to {stage} in one transaction", () =>
                    Org.As(who).Execute(new ExecuteTransactionRequest
                    {
                        Requests = new OrganizationRequestCollection
                        {
                            new SetStateRequest { EntityMoniker = new EntityReference("opportunity", deal), State = new OptionSetValue(0), Status = new OptionSetValue(1) },
                            new UpdateRequest { Target = new Entity("opportunity", deal) { ["salesstage"] = new OptionSetValue(stage) } },
                        },
                    }));
            int state = _random.Next(5) == 0 ? 2 : 0;
            var change = new Entity("opportunity", deal)
            {
                ["statecode"] = new OptionSetValue(state), ["statuscode"] = new OptionSetValue(state == 2 ? 4 : 1 + _random.Next(2)),
                ["salesstage"] = new OptionSetValue(stage),
            };
            int channel = Channel();
            return new FuzzAction($"{who} saves {deal} state {state} with stage {stage} by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), change, channel));
        }
    }
}
