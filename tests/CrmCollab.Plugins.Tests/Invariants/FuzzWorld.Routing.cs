using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Routing;
using CrmCollab.Plugins.Tests.Scenarios;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The administrator's routing changes: an account's dedicated owner row given another user or backup, ended or
    /// deactivated, made again; a routing rule (a segment fallback) created, retargeted (to a user, a team or a desk's queue),
    /// retired or made active again; a person added to or removed from a desk team a rule names; a desk's queue given to
    /// another keeper. Sometimes someone else tries (refused by the platform or
    /// CrmCollab).
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private Guid _advDesk, _logisticsDesk, _advQueue, _logisticsQueue, _competitor, _pound;

        /// <summary>The desks and the competitor the downstream actions use (constructor set-up).</summary>
        private void SetUpDownstream()
        {
            _advDesk = Org.Setup.CreateTeam("ADV desk", Org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab ADV");
            _logisticsDesk = Org.Setup.CreateTeam("Logistics desk", Org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Logistics");
            Org.Setup.AddMembers(_advDesk, _downstream[0]);
            Org.Setup.AddMembers(_logisticsDesk, _downstream[2]);
            // Each desk team keeps a queue a routing rule may route to: the queue's owner holds what waits in it.
            _advQueue = Org.System.Create(new Entity("queue") { ["name"] = "ADV desk queue", ["ownerid"] = new EntityReference("team", _advDesk) });
            _logisticsQueue = Org.System.Create(new Entity("queue") { ["name"] = "Logistics desk queue", ["ownerid"] = new EntityReference("team", _logisticsDesk) });
            // The accounts' logistics contacts both review custom deals and plan their deliveries.
            Org.Setup.AssignRole(_reviewers[0], "CrmCollab Logistics");
            Org.Setup.AssignRole(_reviewers[1], "CrmCollab Logistics");
            _competitor = Org.System.Create(new Entity("competitor") { ["name"] = "Rival Machines" });
            // Some deals are in pounds (0.85 pounds to the euro, the base currency), and some rules' minimums.
            _pound = Org.System.Create(new Entity("transactioncurrency")
                { ["currencyname"] = "Pound Sterling", ["isocurrencycode"] = "GBP", ["currencysymbol"] = "£", ["exchangerate"] = 0.85m });
        }

        private static readonly BusinessFunction[] HandedOff = { BusinessFunction.Adv, BusinessFunction.Logistics };

        private Guid Admin() => _random.Next(8) == 0 ? Pick(_reps.Concat(_downstream).Append(_sysadmin).ToArray()) : Org.Admin;

        /// <summary>Someone who may work for <paramref name="function"/> (or, now and then, someone who may not).</summary>
        private EntityReference Worker(BusinessFunction function, bool teams = true)
        {
            if (teams && _random.Next(4) == 0) return new EntityReference("team", function == BusinessFunction.Adv ? _advDesk : _logisticsDesk);
            Guid[] people = function == BusinessFunction.Adv ? new[] { _downstream[0], _downstream[1] }
                : new[] { _downstream[2], _downstream[3], _reviewers[0], _reviewers[1] };
            return new EntityReference("systemuser", _random.Next(10) == 0 ? Pick(_reps) : Pick(people));
        }

        private FuzzAction AdminAction()
        {
            switch (_random.Next(5))
            {
                case 0: return DedicatedOwnerChange();
                case 1: case 2: return RoutingRuleChange();
                case 3: return MorningRun();
                default: switch (_random.Next(4)) { case 0: return DeskChange(); case 1: return RuleQueueKeeper(); case 2: return QueueItemTakenOut(); default: return DeskMembership(); }
            }
        }

        private FuzzAction DedicatedOwnerChange()
        {
            var rows = Org.System.RetrieveMultiple(new QueryExpression("crmc_dedicatedowner")
            {
                ColumnSet = new ColumnSet("crmc_accountid", "crmc_function", "statecode", "crmc_validto"),
            }).Entities.Where(r => HandedOff.Contains((BusinessFunction)r.GetAttributeValue<OptionSetValue>("crmc_function").Value)).ToList();
            Guid who = Admin();
            if (rows.Count == 0 || _random.Next(6) == 0)
            {
                Guid account = Pick(new[] { _account, _otherAccount });
                BusinessFunction function = Pick(HandedOff);
                EntityReference owner = Worker(function);
                var row = new Entity("crmc_dedicatedowner")
                {
                    ["crmc_name"] = $"{function.Label()} owner", ["crmc_accountid"] = new EntityReference("account", account),
                    ["crmc_function"] = new OptionSetValue((int)function),
                    // Most from the start; some from tomorrow, a successor to a row that ends today (else refused as an overlap).
                    ["crmc_validfrom"] = _random.Next(3) == 0 ? Today.AddDays(1) : CrmCollabOrg.Start.Date,
                    [owner.LogicalName == "team" ? "crmc_teamid" : "crmc_userid"] = owner,
                };
                return new FuzzAction($"{who} makes {function} owner row of {account} for {owner.Id}", () => Org.As(who).Create(row));
            }
            Entity target = Pick(rows);
            var fn = (BusinessFunction)target.GetAttributeValue<OptionSetValue>("crmc_function").Value;
            var change = new Entity("crmc_dedicatedowner", target.Id);
            switch (_random.Next(6))
            {
                case 0:
                    EntityReference owner = Worker(fn);
                    change["crmc_userid"] = owner.LogicalName == "systemuser" ? owner : null;
                    change["crmc_teamid"] = owner.LogicalName == "team" ? owner : null;
                    break;
                case 1: change["crmc_backupuserid"] = _random.Next(4) == 0 ? null : Worker(fn, teams: false); break;
                case 2: change["crmc_validto"] = CrmCollabOrg.Start.Date.AddDays(-1); break; // ended yesterday
                case 3: change["crmc_validto"] = null; break; // its end taken back
                case 4: change["crmc_validto"] = Today; break; // today is its last day: the morning run after the night moves its work
                default:
                    return new FuzzAction($"{who} sets {fn} owner row {target.Id} to state {Flipped(target)}", () => Flip(who, target));
            }
            int channel = Channel();
            return new FuzzAction($"{who} changes {fn} owner row {target.Id} ({string.Join(",", change.Attributes.Keys)}) by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), change, channel));
        }

        private DateTime Today => Org.Engine.Clock.UtcNow.Date;

        /// <summary>The state a set-up row (a rule, a template, an owner row) goes to from the grid: Deactivate, or Activate.</summary>
        private static int Flipped(Entity row) => row.GetAttributeValue<OptionSetValue>("statecode").Value == 0 ? 1 : 0;

        /// <summary>The grid's Deactivate or Activate of a set-up row, as <paramref name="who"/> (SetState, status 2 or 1).</summary>
        private void Flip(Guid who, Entity row)
        {
            int state = Flipped(row);
            Org.As(who).Execute(new SetStateRequest
            {
                EntityMoniker = row.ToEntityReference(), State = new OptionSetValue(state), Status = new OptionSetValue(state == 0 ? 1 : 2),
            });
        }

        /// <summary>
        /// The administrator's scheduled flow: a night passes and, in the morning, it calls Re-route Dedicated Owner Periods
        /// (again while the answer says more rows remain), so the open work follows the rows whose period began or ended. Now
        /// and then someone who may not run it tries, in the day, and is refused.
        /// </summary>
        private FuzzAction MorningRun()
        {
            Guid who = Admin();
            if (who != Org.Admin)
                return new FuzzAction($"{who} runs the dedicated owner periods' re-routing", () => Org.As(who).Execute(new OrganizationRequest(OwnerPeriodRerouting.ApiName)));
            return new FuzzAction("a night passes; the morning flow runs the dedicated owner periods' re-routing", () =>
            {
                Org.Engine.Clock.Set(Today.AddDays(1).AddHours(6));
                OrganizationResponse answer = Org.As(who).Execute(new OrganizationRequest(OwnerPeriodRerouting.ApiName));
                while ((bool)answer.Results[OwnerPeriodRerouting.MoreRows])
                    answer = Org.As(who).Execute(new OrganizationRequest(OwnerPeriodRerouting.ApiName)
                        { [OwnerPeriodRerouting.AfterRowId] = answer.Results[OwnerPeriodRerouting.LastRowId] });
            });
        }

        private FuzzAction RoutingRuleChange()
        {
            var rules = Org.System.RetrieveMultiple(new QueryExpression("crmc_routingrule")
            {
                ColumnSet = new ColumnSet("crmc_function", "crmc_isactive", "statecode"),
            }).Entities;
            Guid who = Admin();
            if (rules.Count < 2 || _random.Next(5) == 0)
            {
                BusinessFunction function = Pick(HandedOff);
                EntityReference target = RuleTarget(function);
                int priority = Pick(new[] { 1, 10, 100 });
                var rule = new Entity("crmc_routingrule")
                {
                    ["crmc_name"] = $"{function.Label()} fallback {priority}", ["crmc_function"] = new OptionSetValue((int)function),
                    [TargetColumn(target)] = target, ["crmc_priority"] = priority, ["crmc_isactive"] = true,
                };
                return new FuzzAction($"{who} makes {function} rule at {priority} to {target.LogicalName} {target.Id}", () => Org.As(who).Create(rule));
            }
            Entity existing = Pick(rules);
            var fn = (BusinessFunction)existing.GetAttributeValue<OptionSetValue>("crmc_function").Value;
            var change = new Entity("crmc_routingrule", existing.Id);
            switch (_random.Next(5))
            {
                case 0: case 1:
                    EntityReference target = RuleTarget(fn);
                    foreach (string column in new[] { "crmc_userid", "crmc_teamid", "crmc_queueid" }) change[column] = TargetColumn(target) == column ? target : null;
                    break;
                case 2: change["crmc_isactive"] = !existing.GetAttributeValue<bool>("crmc_isactive"); break;
                case 3: change["crmc_priority"] = Pick(new[] { 1, 10, 100 }); break;
                default:
                    return new FuzzAction($"{who} sets {fn} rule {existing.Id} to state {Flipped(existing)}", () => Flip(who, existing));
            }
            int channel = Channel();
            return new FuzzAction($"{who} changes {fn} rule {existing.Id} ({string.Join(",", change.Attributes.Keys)}) by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), change, channel));
        }

        /// <summary>Whom a rule routes to: now and then its function's desk queue, else someone who may work for it (<see cref="Worker"/>).</summary>
        private EntityReference RuleTarget(BusinessFunction function) => _random.Next(4) == 0
            ? new EntityReference("queue", function == BusinessFunction.Adv ? _advQueue : _logisticsQueue)
            : Worker(function);

        private static string TargetColumn(EntityReference target) =>
            target.LogicalName == "queue" ? "crmc_queueid" : target.LogicalName == "team" ? "crmc_teamid" : "crmc_userid";

        /// <summary>
        /// A desk's queue given to one of its function's people, or back to its team (Assign, or a save of its owner): its owner holds
        /// what waits in it, so the work waiting there goes with it.
        /// </summary>
        private FuzzAction RuleQueueKeeper()
        {
            bool adv = _random.Next(2) == 0;
            Guid queue = adv ? _advQueue : _logisticsQueue;
            EntityReference keeper = _random.Next(3) == 0 ? new EntityReference("team", adv ? _advDesk : _logisticsDesk)
                : new EntityReference("systemuser", adv ? Pick(new[] { _downstream[0], _downstream[1] }) : Pick(new[] { _downstream[2], _downstream[3] }));
            Guid who = _random.Next(6) > 0 ? _sysadmin : Admin(); // queues are the System Administrator's (CrmCollab's roles only read them)
            bool assign = _random.Next(2) == 0;
            return new FuzzAction($"{who} gives the {(adv ? "ADV" : "Logistics")} desk queue to {keeper.LogicalName} {keeper.Id} by {(assign ? "Assign" : "Update")}", () =>
            {
                IOrganizationService service = Org.As(who);
                if (assign) service.Execute(new AssignRequest { Target = new EntityReference("queue", queue), Assignee = keeper });
                else service.Update(new Entity("queue", queue) { ["ownerid"] = keeper });
            });
        }

        /// <summary>A person joins or leaves a desk team (the system administrator's Teams page: AddMembersTeam, RemoveMembersTeam).</summary>
        private FuzzAction DeskMembership()
        {
            bool adv = _random.Next(2) == 0;
            Guid team = adv ? _advDesk : _logisticsDesk;
            Guid person = adv ? Pick(new[] { _downstream[0], _downstream[1] }) : Pick(new[] { _downstream[2], _downstream[3] });
            bool add = _random.Next(2) == 0;
            return new FuzzAction($"{(add ? "add" : "remove")} {person} {(add ? "to" : "from")} {(adv ? "ADV" : "Logistics")} desk", () =>
            {
                if (add) Org.System.Execute(new AddMembersTeamRequest { TeamId = team, MemberIds = new[] { person } });
                else Org.System.Execute(new OrganizationRequest("RemoveMembersTeam") { ["TeamId"] = team, ["MemberIds"] = new[] { person } });
            });
        }
    }
}
