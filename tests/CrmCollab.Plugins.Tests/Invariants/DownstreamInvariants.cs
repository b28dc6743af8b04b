using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Routing;
using CrmCollab.Plugins.Tests.Scenarios;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// What must hold of handoffs and field signals whatever people did, read as SYSTEM after every action. It keeps a
    /// few facts from one check to the next (the handoffs and signals seen, each acceptance and acknowledgement), since
    /// "never deleted" and "stays accepted" are about history.
    /// </summary>
    public sealed class DownstreamInvariants
    {
        private readonly CrmCollabOrg _org;
        private readonly Dictionary<Guid, KeyValuePair<Guid, string>> _handoffsPassed;
        private readonly Dictionary<Guid, Guid> _signalsPassed;
        private readonly ISet<Guid> _signalsMayGo;
        private readonly Dictionary<Guid, Guid> _handoffDeal = new Dictionary<Guid, Guid>();
        private readonly Dictionary<Guid, string> _accepted = new Dictionary<Guid, string>();
        private readonly Dictionary<Guid, string> _sequence = new Dictionary<Guid, string>();
        private readonly Dictionary<Guid, DateTime> _acknowledged = new Dictionary<Guid, DateTime>();
        private readonly HashSet<Guid> _signalsSeen = new HashSet<Guid>();
        private Dictionary<Guid, string> _routedNow = new Dictionary<Guid, string>(), _routedBefore = new Dictionary<Guid, string>();
        private readonly Dictionary<Guid, string> _keptAtEnable = new Dictionary<Guid, string>();

        /// <summary>A user was enabled: the open handoffs routed to someone active at the last check may stay with them (<see cref="HeldAsRouted"/>).</summary>
        public void UserEnabled()
        {
            foreach (var routed in _routedBefore) _keptAtEnable[routed.Key] = routed.Value;
        }

        private readonly IReadOnlyDictionary<Guid, BusinessFunction> _roleFunction;

        /// <param name="roleFunction">The people whose CrmCollab function role says which function their signals count for.</param>
        public DownstreamInvariants(CrmCollabOrg org, Dictionary<Guid, KeyValuePair<Guid, string>> handoffsPassed, Dictionary<Guid, Guid> signalsPassed,
            ISet<Guid> signalsMayGo, IReadOnlyDictionary<Guid, BusinessFunction> roleFunction)
        {
            _roleFunction = roleFunction;
            _org = org;
            _handoffsPassed = handoffsPassed;
            _signalsPassed = signalsPassed;
            _signalsMayGo = signalsMayGo;
        }

        private IOrganizationService System => _org.System;

        private List<Entity> All(string table, params string[] columns) =>
            System.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(columns) }).Entities.ToList();

        public void AssertAll()
        {
            var users = All("systemuser", "isdisabled").ToDictionary(u => u.Id, u => u.GetAttributeValue<bool>("isdisabled"));
            _routedNow = new Dictionary<Guid, string>();
            Handoffs(users);
            _routedBefore = _routedNow;
            Signals(users);
        }

        private void Handoffs(Dictionary<Guid, bool> disabled)
        {
            var templates = All("crmc_handofftemplate", "crmc_requiredevidence").ToDictionary(t => t.Id, t => t.GetAttributeValue<string>("crmc_requiredevidence"));
            var tasks = All("task", "crmc_opportunityid", "crmc_handofftemplateid", "crmc_handoffkey", "statecode", "ownerid", "crmc_function",
                    "crmc_requiredevidence", "crmc_contractnumber", "crmc_trackingnumber", "crmc_deliveredon", "crmc_servicereference", "crmc_cancelreason",
                    "crmc_isunrouted", "crmc_routingpath", "crmc_acceptedon", "crmc_handedoffon", "actualend", "scheduledend", "crmc_handoffsequence")
                .ToList();
            foreach (Entity plain in tasks.Where(t => !t.Contains("crmc_handoffkey")))
                Assert.False(plain.Contains("crmc_handoffsequence"), $"plain task {plain.Id} carries a handoff sequence");
            tasks = tasks.Where(t => t.Contains("crmc_handoffkey")).ToList();
            var deals = All("opportunity", "statecode", "ownerid", "customerid", "parentaccountid").ToDictionary(d => d.Id);
            var present = new HashSet<Guid>(tasks.Select(t => t.Id));
            foreach (var seen in _handoffDeal)
                Assert.True(present.Contains(seen.Key) || !deals.ContainsKey(seen.Value), $"handoff {seen.Key} of deal {seen.Value} was deleted while its deal stays");
            foreach (Entity task in tasks)
            {
                Guid deal = task.GetAttributeValue<EntityReference>("crmc_opportunityid").Id;
                _handoffDeal[task.Id] = deal;
                int state = task.GetAttributeValue<OptionSetValue>("statecode").Value;
                Assert.True(task.Contains("scheduledend"), $"handoff {task.Id} has no due date"); // set at the win, the server's since
                if (state == 1) CompletedHasItsEvidence(task, templates);
                // Accepting is taking on open work: a completed handoff was not accepted after its close (the time to accept).
                if (state == 1 && task.GetAttributeValue<DateTime?>("crmc_acceptedon") is DateTime acceptedOn)
                    Assert.True(acceptedOn <= task.GetAttributeValue<DateTime>("actualend"), $"completed handoff {task.Id} was accepted after its close");
                if (state == 2) Assert.False(string.IsNullOrWhiteSpace(task.GetAttributeValue<string>("crmc_cancelreason")), $"canceled handoff {task.Id} has no reason");
                AcceptanceStays(task);
                SequenceStays(task);
                if (state != 0) continue;
                RememberRouted(task, disabled);
                if (deals.TryGetValue(deal, out Entity row) && row.GetAttributeValue<OptionSetValue>("statecode").Value == 1)
                    HeldAsRouted(task, row, disabled);
            }
        }

        /// <summary>The evidence the task's copy of its template's requirement names, and the template's own (templates are not edited here).</summary>
        private static void CompletedHasItsEvidence(Entity task, Dictionary<Guid, string> templates)
        {
            string copy = task.GetAttributeValue<string>("crmc_requiredevidence");
            Guid? template = task.GetAttributeValue<EntityReference>("crmc_handofftemplateid")?.Id;
            string own = template.HasValue && templates.TryGetValue(template.Value, out string required) ? required : null;
            foreach (string column in (copy + "," + own).Split(',').Select(c => c.Trim()).Where(c => c.Length > 0).Distinct())
                Assert.True(task.Contains(column) && task[column] != null && !(task[column] is string s && string.IsNullOrWhiteSpace(s)),
                    $"completed handoff {task.Id} has no {column}, which its template requires");
        }

        /// <summary>An acceptance stays as it was dated, until the handoff is handed off again (a canceled one reopened at a re-win).</summary>
        /// <summary>The place a handoff records is written by CrmCollab when it hands the work off (again, at a re-win: its template's place then).</summary>
        private void SequenceStays(Entity task)
        {
            string handedOff = task.GetAttributeValue<DateTime?>("crmc_handedoffon")?.ToString("o") + "|";
            string now = handedOff + task.GetAttributeValue<int?>("crmc_handoffsequence");
            if (_sequence.TryGetValue(task.Id, out string before) && before.StartsWith(handedOff, StringComparison.Ordinal))
                Assert.True(before == now, $"handoff {task.Id}'s sequence went from {before} to {now} while it was not handed off again");
            _sequence[task.Id] = now;
        }

        private void AcceptanceStays(Entity task)
        {
            DateTime? accepted = task.GetAttributeValue<DateTime?>("crmc_acceptedon");
            string handedOff = task.GetAttributeValue<DateTime?>("crmc_handedoffon")?.ToString("o");
            if (_accepted.TryGetValue(task.Id, out string before) && before.StartsWith(handedOff + "|", StringComparison.Ordinal) && !before.EndsWith("|", StringComparison.Ordinal))
                Assert.True(before == handedOff + "|" + accepted?.ToString("o"), $"handoff {task.Id}'s acceptance '{before}' became '{accepted}'");
            if (accepted != null || !_accepted.ContainsKey(task.Id) || !_accepted[task.Id].StartsWith(handedOff + "|", StringComparison.Ordinal))
                _accepted[task.Id] = handedOff + "|" + accepted?.ToString("o");
        }

        /// <summary>
        /// An open handoff routed to someone active, whatever its deal's state: a won deal reopened by an administrator keeps
        /// its open handoffs, which DisabledOwnerHandover routes as a won deal's (past a disabled owner to the backup), and
        /// which stay with who holds them at the re-win; so an enable keeps them as it keeps a won deal's (<see cref="UserEnabled"/>).
        /// </summary>
        private void RememberRouted(Entity task, Dictionary<Guid, bool> disabled)
        {
            EntityReference owner = task.GetAttributeValue<EntityReference>("ownerid");
            string path = task.GetAttributeValue<string>("crmc_routingpath");
            if (_handoffsPassed.TryGetValue(task.Id, out var passed) && passed.Key == owner.Id && passed.Value == path) return;
            bool holderActive = !(disabled.TryGetValue(owner.Id, out bool holderDisabled) && holderDisabled);
            if (!task.GetAttributeValue<bool>("crmc_isunrouted") && holderActive) _routedNow[task.Id] = owner.Id + "|" + path;
        }

        /// <summary>
        /// An open handoff of a won deal is held by whoever the routing picks for its deal's account and function; nobody
        /// picked, it is flagged unrouted with its routing path (held by the deal's owner at the win, left where it was by a
        /// re-routing: docs/guards.md, RoutingApplication.Reroute), never by a disabled user while the deal's owner is active
        /// (UnroutedHolding). One passed by hand stays with who it was passed to until CrmCollab routes it again (its path changes).
        /// </summary>
        private void HeldAsRouted(Entity task, Entity deal, Dictionary<Guid, bool> disabled)
        {
            EntityReference owner = task.GetAttributeValue<EntityReference>("ownerid");
            string path = task.GetAttributeValue<string>("crmc_routingpath");
            bool unrouted = task.GetAttributeValue<bool>("crmc_isunrouted");
            Assert.False(string.IsNullOrWhiteSpace(path), $"open handoff {task.Id} has no routing path");
            if (_handoffsPassed.TryGetValue(task.Id, out var passed) && passed.Key == owner.Id && passed.Value == path) return;
            bool holderActive = !(disabled.TryGetValue(owner.Id, out bool holderDisabled) && holderDisabled);
            string held = owner.Id + "|" + path;
            // Routed to someone active (past a disabled person: the backup, the next rule), it stays with them when that person is
            // enabled again: by design, an enable re-routes only work held by disabled users or waiting unrouted (DisabledOwnerHandover,
            // docs/guards.md), and the one who took the work over may well have started it. Until CrmCollab routes it again.
            if (_keptAtEnable.TryGetValue(task.Id, out string kept) && kept == held && holderActive && !unrouted) return;
            var function = (BusinessFunction)task.GetAttributeValue<OptionSetValue>("crmc_function").Value;
            Guid account = HandoffCreation.AccountOf(deal).Value;
            OwnerResolution routing = new RoutingRepository(System).ResolverFor(account).Resolve(function, _org.Engine.Clock.UtcNow);
            if (routing.Owner != null)
            {
                Principal expected = routing.Owner.Kind == PrincipalKind.Queue ? routing.Owner.Holder : routing.Owner;
                Assert.True(expected == null || expected.Id == owner.Id,
                    $"open handoff {task.Id} ({function}) is held by {owner.LogicalName} {owner.Id}, but the routing picks {routing.Owner} ({routing.RoutingPath}); its path: {path}");
                Assert.True(unrouted == routing.IsUnrouted, $"open handoff {task.Id} is flagged unrouted={unrouted}, routed by '{routing.RoutingPath}'");
                return;
            }
            Assert.True(unrouted, $"open handoff {task.Id} ({function}) is not flagged unrouted though nobody is routed ({routing.RoutingPath}); held by {owner.Id}, path: {path}");
            Guid dealOwner = deal.GetAttributeValue<EntityReference>("ownerid").Id;
            bool ownerDisabled = disabled.TryGetValue(owner.Id, out bool d) && d;
            bool dealOwnerActive = disabled.TryGetValue(dealOwner, out bool o) && !o;
            Assert.False(ownerDisabled && dealOwnerActive, $"unrouted handoff {task.Id} stays with disabled user {owner.Id} while the deal's owner {dealOwner} could hold it");
        }

        private void Signals(Dictionary<Guid, bool> disabled)
        {
            var accounts = All("account", "ownerid", "crmc_churnrisk", "crmc_lastsignalon").ToDictionary(a => a.Id);
            var signals = All("crmc_fieldsignal", "ownerid", "crmc_accountid", "crmc_kind", "crmc_description", "crmc_competitorid", "crmc_raisedby",
                "crmc_duedate", "crmc_leadid", "crmc_acknowledgedon", "statecode", "crmc_raisedbyfunction");
            var present = new HashSet<Guid>(signals.Select(s => s.Id));
            foreach (Guid seen in _signalsSeen)
                Assert.True(present.Contains(seen) || _signalsMayGo.Contains(seen), $"signal {seen} was deleted by someone other than an administrator");
            foreach (Entity signal in signals)
            {
                _signalsSeen.Add(signal.Id);
                var kind = (SignalKind)signal.GetAttributeValue<OptionSetValue>("crmc_kind").Value;
                Assert.False(string.IsNullOrWhiteSpace(signal.GetAttributeValue<string>("crmc_description")), $"signal {signal.Id} says nothing");
                Assert.True(kind != SignalKind.CompetitorPresence || signal.Contains("crmc_competitorid"), $"competitor signal {signal.Id} names no competitor");
                Assert.True(signal.Contains("crmc_raisedby") && signal.Contains("crmc_duedate"), $"signal {signal.Id} lost who raised it or its due date");
                // Credited to the raiser's function by their role (docs/guards.md: FieldSignalIntake), whatever the client sent.
                if (_roleFunction.TryGetValue(signal.GetAttributeValue<EntityReference>("crmc_raisedby").Id, out BusinessFunction function))
                    Assert.True(signal.GetAttributeValue<OptionSetValue>("crmc_raisedbyfunction")?.Value == (int)function,
                        $"signal {signal.Id} raised by a {function} person is credited to {signal.GetAttributeValue<OptionSetValue>("crmc_raisedbyfunction")?.Value}");
                Assert.True(FieldSignalRules.CreatesLead(kind) == signal.Contains("crmc_leadid"), $"signal {signal.Id} ({kind}) has lead={signal.Contains("crmc_leadid")}");
                Guid account = signal.GetAttributeValue<EntityReference>("crmc_accountid").Id;
                DateTime? acknowledged = signal.GetAttributeValue<DateTime?>("crmc_acknowledgedon");
                if (_acknowledged.TryGetValue(signal.Id, out DateTime first))
                    Assert.True(acknowledged == first, $"signal {signal.Id} acknowledged on {first:o} now reads {acknowledged:o}");
                else if (acknowledged != null) _acknowledged[signal.Id] = acknowledged.Value;
                if (acknowledged != null) continue;
                Assert.True(signal.GetAttributeValue<OptionSetValue>("statecode").Value == 0, $"signal {signal.Id} is inactive but not acknowledged");
                Guid holder = signal.GetAttributeValue<EntityReference>("ownerid").Id;
                Guid salesperson = accounts[account].GetAttributeValue<EntityReference>("ownerid").Id;
                Assert.True(holder == salesperson || (_signalsPassed.TryGetValue(signal.Id, out Guid passedTo) && passedTo == holder),
                    $"unacknowledged signal {signal.Id} is held by {holder}, not by its account's salesperson {salesperson} nor passed to them");
                // A leaver's waiting signal goes back to the account's salesperson when they can read it (LeaverSignals).
                bool holderDisabled = disabled.TryGetValue(holder, out bool h) && h;
                bool salespersonActive = disabled.TryGetValue(salesperson, out bool sd) && !sd;
                Assert.False(holderDisabled && salespersonActive && holder != salesperson,
                    $"unacknowledged signal {signal.Id} stays with disabled user {holder} while its account's salesperson {salesperson} could read it");
                if (kind == SignalKind.ChurnRisk)
                    Assert.True(accounts[account].GetAttributeValue<bool>("crmc_churnrisk"), $"account {account}'s churn mark is off while churn-risk signal {signal.Id} waits");
                Assert.True(accounts[account].Contains("crmc_lastsignalon"), $"account {account} has signals but no last signal date");
            }
        }
    }
}
