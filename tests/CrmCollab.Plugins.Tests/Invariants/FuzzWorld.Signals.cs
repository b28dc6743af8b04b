using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Tests.Scenarios;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// Field signals: raised by the ADV and logistics people about the two accounts (and tried by salespeople, reviewers
    /// and the administrator), sometimes without what they must say; acknowledged, deactivated, reworded, passed on to a
    /// colleague or deleted by their salesperson and by others; an account handed to the other salesperson.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private FuzzAction SignalAction()
        {
            switch (_random.Next(8))
            {
                case 0: case 1: case 2: return RaiseSignal();
                case 3: return AcknowledgeSignal();
                case 4: return EditSignal();
                case 5: return _random.Next(2) == 0 ? DeleteSignal() : DeactivateSignal();
                case 6: return PassSignal();
                default: return _random.Next(3) == 0 ? HandAccountOver() : AcknowledgeSignal();
            }
        }

        private Entity PickSignal()
        {
            var signals = Org.System.RetrieveMultiple(new QueryExpression("crmc_fieldsignal")
            {
                ColumnSet = new ColumnSet("ownerid", "crmc_raisedby", "statecode", "crmc_acknowledgedon", "crmc_kind"),
            }).Entities;
            return signals.Count == 0 ? null : Pick(signals);
        }

        /// <summary>Mostly the holder; sometimes the raiser, the other salesperson, a reviewer or the administrator.</summary>
        private Guid SignalActor(Entity signal)
        {
            switch (_random.Next(8))
            {
                case 0: return Person(signal.GetAttributeValue<EntityReference>("crmc_raisedby"));
                case 1: return Pick(_reps);
                case 2: return Org.Admin;
                case 3: return Pick(_reviewers.Concat(_downstream).Append(_sysadmin).ToArray());
                default: return Person(signal.GetAttributeValue<EntityReference>("ownerid"));
            }
        }

        private FuzzAction RaiseSignal()
        {
            Guid raiser = _random.Next(5) > 0 ? Pick(_downstream) : Pick(new[] { Pick(_reps), Pick(_reviewers), Org.Admin });
            Guid account = Pick(new[] { _account, _otherAccount });
            var kind = Pick(new[] { SignalKind.Lead, SignalKind.CompetitorPresence, SignalKind.ChurnRisk, SignalKind.Lead, SignalKind.ChurnRisk, SignalKind.Expansion });
            var signal = new Entity("crmc_fieldsignal")
            {
                ["crmc_accountid"] = new EntityReference("account", account), ["crmc_kind"] = new OptionSetValue((int)kind),
                ["crmc_description"] = _random.Next(10) == 0 ? " " : "Heard it at the plant",
            };
            if (kind == SignalKind.CompetitorPresence && _random.Next(5) > 0) signal["crmc_competitorid"] = new EntityReference("competitor", _competitor);
            return new FuzzAction($"{raiser} raises {kind} signal on {account}", () => Org.As(raiser).Create(signal));
        }

        private FuzzAction AcknowledgeSignal()
        {
            Entity signal = PickSignal();
            if (signal == null) return RaiseSignal();
            Guid who = SignalActor(signal);
            int channel = Channel();
            var change = new Entity("crmc_fieldsignal", signal.Id) { ["crmc_acknowledgedon"] = CrmCollabOrg.Start };
            if (_random.Next(8) == 0) change["crmc_acknowledgedon"] = null; // an acknowledgement taken back
            if (_random.Next(4) == 0) { change["statecode"] = new OptionSetValue(1); change["statuscode"] = new OptionSetValue(2); }
            return new FuzzAction($"{who} acknowledges signal {signal.Id} ({string.Join(",", change.Attributes.Keys)}) by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), change, channel));
        }

        private FuzzAction EditSignal()
        {
            Entity signal = PickSignal();
            if (signal == null) return RaiseSignal();
            Guid who = SignalActor(signal);
            int channel = Channel();
            var change = new Entity("crmc_fieldsignal", signal.Id);
            switch (_random.Next(5))
            {
                case 0: change["crmc_description"] = ""; break;
                case 1: change["crmc_competitorid"] = null; break;
                case 2: change["crmc_accountid"] = new EntityReference("account", Pick(new[] { _account, _otherAccount })); break;
                default: change["crmc_description"] = "Reworded after a second visit"; break;
            }
            return new FuzzAction($"{who} edits signal {signal.Id} ({string.Join(",", change.Attributes.Keys)}) by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), change, channel));
        }

        private FuzzAction DeleteSignal()
        {
            Entity signal = PickSignal();
            if (signal == null) return RaiseSignal();
            Guid who = SignalActor(signal);
            return new FuzzAction($"{who} deletes signal {signal.Id}", () =>
            {
                if (IsAdministrator(who)) _signalsMayGo.Add(signal.Id);
                Org.As(who).Delete("crmc_fieldsignal", signal.Id);
            });
        }

        private FuzzAction DeactivateSignal()
        {
            Entity signal = PickSignal();
            if (signal == null) return RaiseSignal();
            Guid who = SignalActor(signal);
            int state = signal.GetAttributeValue<OptionSetValue>("statecode").Value == 0 ? 1 : 0;
            return new FuzzAction($"{who} sets signal {signal.Id} to state {state}", () => Org.As(who).Execute(new SetStateRequest
            {
                EntityMoniker = signal.ToEntityReference(), State = new OptionSetValue(state), Status = new OptionSetValue(state == 0 ? 1 : 2),
            }));
        }

        /// <summary>A signal passed on to a colleague (or, refused, to the person who raised it) stays with them.</summary>
        private FuzzAction PassSignal()
        {
            Entity signal = PickSignal();
            if (signal == null) return RaiseSignal();
            Guid who = SignalActor(signal);
            Guid to = _random.Next(4) == 0 ? Person(signal.GetAttributeValue<EntityReference>("crmc_raisedby")) : Pick(_reps);
            return new FuzzAction($"{who} passes signal {signal.Id} to {to}", () =>
            {
                Org.As(who).Execute(new AssignRequest { Target = signal.ToEntityReference(), Assignee = new EntityReference("systemuser", to) });
                _signalsPassed[signal.Id] = to;
            });
        }

        /// <summary>An account handed to the other salesperson by its owner (its deals follow, as the platform cascades them).</summary>
        private FuzzAction HandAccountOver()
        {
            Guid account = Pick(new[] { _account, _otherAccount });
            Guid owner = Org.System.Retrieve("account", account, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id;
            Guid to = Pick(_reps);
            Guid who = _random.Next(4) == 0 ? Org.Admin : owner;
            return new FuzzAction($"{who} hands account {account} to {to}", () => Org.As(who).Execute(new AssignRequest
            {
                Target = new EntityReference("account", account), Assignee = new EntityReference("systemuser", to),
            }));
        }
    }
}
