using System;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// Someone plants a task of their own that looks like a post-sale handoff (its key, the real key of a deal's handoff
    /// to come or already there, its template, its deal, its routing), sometimes created completed or canceled as an
    /// import would, through every channel; or deletes a handoff. Only CrmCollab makes handoffs and none is ever deleted:
    /// the invariants count exactly one a template for every won deal, and keep every handoff they have seen.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private FuzzAction ForgeHandoff() => _random.Next(3) == 0 ? DeleteHandoff() : PlantHandoff();

        private FuzzAction PlantHandoff()
        {
            Guid deal = Pick(_deals);
            var templates = Org.System.RetrieveMultiple(new QueryExpression("crmc_handofftemplate") { ColumnSet = new ColumnSet(false) }).Entities;
            Guid template = Pick(templates).Id;
            var task = new Entity("task") { ["subject"] = "Draw up the contract" };
            switch (_random.Next(5))
            {
                case 0: task["crmc_handoffkey"] = HandoffPlanner.KeyFor(deal, template); break;
                case 4: task["crmc_handoffsequence"] = 10; break; // to stand in for a template's place at a re-win
                case 1: task["crmc_handofftemplateid"] = new EntityReference("crmc_handofftemplate", template); break;
                case 2: task["crmc_routingpath"] = "ADV: dedicated owner"; break;
                default: task["crmc_isunrouted"] = true; break;
            }
            if (_random.Next(2) == 0) task["crmc_opportunityid"] = new EntityReference("opportunity", deal);
            if (_random.Next(2) == 0) task["regardingobjectid"] = new EntityReference("opportunity", deal);
            if (_random.Next(3) == 0) task["crmc_function"] = new OptionSetValue((int)Pick(HandedOff));
            string final = "";
            if (_random.Next(4) == 0)
            {
                bool completed = _random.Next(2) == 0;
                task["statecode"] = new OptionSetValue(completed ? 1 : 2);
                task["statuscode"] = new OptionSetValue(completed ? 5 : 6);
                final = completed ? " completed" : " canceled";
            }
            Guid who = _random.Next(4) == 0 ? Pick(new[] { Org.Admin, _manager, _sysadmin, Pick(_downstream) }) : OwnerOf(deal);
            int channel = _random.Next(FuzzChannel.CreateNames.Length);
            Guid id = NewId();
            return new FuzzAction($"{who} plants a{final} task ({string.Join(",", task.Attributes.Keys)}) for deal {deal} by {FuzzChannel.CreateNames[channel]}",
                () => FuzzChannel.Create(Org.As(who), task, channel, id));
        }

        private FuzzAction DeleteHandoff()
        {
            var handoffs = Org.System.RetrieveMultiple(new QueryExpression("task")
            {
                ColumnSet = new ColumnSet("ownerid"),
                Criteria = { Conditions = { new ConditionExpression("crmc_handoffkey", ConditionOperator.NotNull) } },
            }).Entities;
            if (handoffs.Count == 0) return PlantHandoff();
            Entity handoff = Pick(handoffs);
            Guid who = _random.Next(2) == 0 ? Person(handoff.GetAttributeValue<EntityReference>("ownerid")) : Pick(new[] { Org.Admin, _manager, _sysadmin, Pick(_reps) });
            int channel = _random.Next(4); // the plain call, ExecuteMultiple or ExecuteTransaction (FuzzChannel.Send takes 0, 2, 3)
            if (channel == 1) channel = 0;
            return new FuzzAction($"{who} deletes handoff {handoff.Id} by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Send(Org.As(who), new DeleteRequest { Target = handoff.ToEntityReference() }, channel));
        }
    }
}
