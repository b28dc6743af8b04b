using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Tests.Scenarios;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The downstream side: handoff tasks accepted, their evidence filled in (the template's columns, some or all),
    /// completed with and without it, canceled (with a reason or not), reopened, passed to a colleague of the function
    /// or to someone outside it — by their owner and by others, the administrator included, through every channel a
    /// client has; and the field signals (<see cref="SignalAction"/>) and the administrator's routing changes
    /// (<see cref="AdminAction"/>).
    /// </summary>
    public sealed partial class FuzzWorld
    {
        /// <summary>Handoffs passed by hand: who they went to and the routing path they had then (CrmCollab re-routing one rewrites it).</summary>
        private readonly Dictionary<Guid, KeyValuePair<Guid, string>> _handoffsPassed = new Dictionary<Guid, KeyValuePair<Guid, string>>();

        /// <summary>Signals passed on by hand: who holds them since.</summary>
        private readonly Dictionary<Guid, Guid> _signalsPassed = new Dictionary<Guid, Guid>();

        /// <summary>Signals an administrator deleted (the only one who may).</summary>
        private readonly HashSet<Guid> _signalsMayGo = new HashSet<Guid>();

        private DownstreamInvariants _downstreamInvariants;

        /// <summary>The downstream invariants, kept from one check to the next (they remember what they saw).</summary>
        private DownstreamInvariants DownstreamChecks() => _downstreamInvariants ?? (_downstreamInvariants = new DownstreamInvariants(Org,
            _handoffsPassed, _signalsPassed, _signalsMayGo, new Dictionary<Guid, BusinessFunction>
            {
                [_downstream[0]] = BusinessFunction.Adv, [_downstream[1]] = BusinessFunction.Adv,
                [_downstream[2]] = BusinessFunction.Logistics, [_downstream[3]] = BusinessFunction.Logistics,
            }));

        private FuzzAction Downstream()
        {
            switch (_random.Next(10))
            {
                case 0: case 1: case 2: return SignalAction();
                case 3: case 4: return AdminAction();
                default: return HandoffAction();
            }
        }

        private FuzzAction HandoffAction()
        {
            var tasks = Org.System.RetrieveMultiple(new QueryExpression("task")
            {
                ColumnSet = new ColumnSet("ownerid", "statecode", "crmc_function", "crmc_requiredevidence", "crmc_routingpath", "crmc_handoffkey"),
                Criteria = { Conditions = { new ConditionExpression("crmc_handoffkey", ConditionOperator.NotNull) } },
            }).Entities;
            if (tasks.Count == 0) return Win();
            // Mostly open ones: that is where the work is.
            var open = tasks.Where(t => t.GetAttributeValue<OptionSetValue>("statecode").Value == 0).ToList();
            Entity task = open.Count > 0 && _random.Next(4) > 0 ? Pick(open) : Pick(tasks);
            Guid owner = Person(task.GetAttributeValue<EntityReference>("ownerid"));
            Guid who = _random.Next(4) > 0 ? owner : Pick(new[] { Org.Admin, Pick(_downstream), Pick(_reviewers), Pick(_reps) });
            int channel = Channel();
            string[] evidence = (task.GetAttributeValue<string>("crmc_requiredevidence") ?? "").Split(',').Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
            var change = new Entity("task", task.Id);
            string what;
            switch (_random.Next(9))
            {
                case 0:
                    change["crmc_acceptedon"] = CrmCollabOrg.Start;
                    what = "accepts";
                    break;
                case 1: case 2:
                    Evidence(change, evidence, all: _random.Next(3) > 0);
                    what = "fills evidence of";
                    break;
                case 3: case 4:
                    if (_random.Next(3) > 0) Evidence(change, evidence, all: _random.Next(4) > 0);
                    change["statecode"] = new OptionSetValue(1);
                    change["statuscode"] = new OptionSetValue(5);
                    what = "completes";
                    break;
                case 5:
                    if (_random.Next(2) == 0) who = Org.Admin; // cancelling is an administrator's: they do it, others try
                    if (_random.Next(4) > 0) change["crmc_cancelreason"] = "The customer collects it himself";
                    change["statecode"] = new OptionSetValue(2);
                    change["statuscode"] = new OptionSetValue(6);
                    what = "cancels";
                    break;
                case 6:
                    if (_random.Next(2) == 0) who = Org.Admin;
                    change["statecode"] = new OptionSetValue(0);
                    change["statuscode"] = new OptionSetValue(2);
                    what = "reopens";
                    break;
                case 7:
                    return SetHandoffState(task, who);
                default:
                    return PassHandoff(task, who);
            }
            // A time in four an integration names the handoff by its alternate key (crmc_handoffkey_key), not its id.
            string byKey = "";
            if (_random.Next(4) == 0)
            {
                var keyed = new Entity("task", "crmc_handoffkey", task.GetAttributeValue<string>("crmc_handoffkey"));
                foreach (var column in change.Attributes) keyed[column.Key] = column.Value;
                change = keyed;
                byKey = " named by its key";
            }
            return new FuzzAction($"{who} {what} handoff {task.Id}{byKey} ({string.Join(",", change.Attributes.Keys)}) by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), change, channel));
        }

        private void Evidence(Entity change, string[] columns, bool all)
        {
            foreach (string column in columns)
            {
                if (!all && _random.Next(2) == 0) continue;
                change[column] = column == "crmc_deliveredon" ? (object)CrmCollabOrg.Start.AddDays(3) : "EV-" + _random.Next(1000);
            }
        }

        /// <summary>Completed, canceled or reopened by SetState, as an older client or an integration does.</summary>
        private FuzzAction SetHandoffState(Entity task, Guid who)
        {
            int[][] moves = { new[] { 1, 5 }, new[] { 2, 6 }, new[] { 0, 2 } };
            int[] move = Pick(moves);
            return new FuzzAction($"{who} sets handoff {task.Id} to state {move[0]} by SetState", () => Org.As(who).Execute(new SetStateRequest
            {
                EntityMoniker = task.ToEntityReference(), State = new OptionSetValue(move[0]), Status = new OptionSetValue(move[1]),
            }));
        }

        /// <summary>Passed on (Assign) to a colleague of its function, to someone outside it, or to the salesperson.</summary>
        private FuzzAction PassHandoff(Entity task, Guid who)
        {
            Guid to = Pick(_downstream.Concat(_reviewers).Concat(_reps).ToArray());
            return new FuzzAction($"{who} passes handoff {task.Id} to {to}", () =>
            {
                Org.As(who).Execute(new AssignRequest { Target = task.ToEntityReference(), Assignee = new EntityReference("systemuser", to) });
                string path = Org.System.Retrieve("task", task.Id, new ColumnSet("crmc_routingpath")).GetAttributeValue<string>("crmc_routingpath");
                _handoffsPassed[task.Id] = new KeyValuePair<Guid, string>(to, path);
            });
        }
    }
}
