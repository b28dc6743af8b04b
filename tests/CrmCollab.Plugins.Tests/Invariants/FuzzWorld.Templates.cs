using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The administrator changes the handoff templates while deals are won: a new piece of work (another step of a
    /// function's order, or the same step as one in force), a template retired by its flag or the grid's Deactivate, made
    /// active again, given another due date or subject, moved to another step or function, a retired one deleted — through
    /// every channel; now and then someone who may not tries, or the date a template came into force is back-dated. The invariants then hold each first win to the templates in force at it (<see cref="WonHandoffs"/>).
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private FuzzAction TemplateChange()
        {
            var templates = Org.System.RetrieveMultiple(new QueryExpression("crmc_handofftemplate")
            {
                ColumnSet = new ColumnSet("crmc_name", "crmc_isactive", "statecode"),
            }).Entities;
            Guid who = Admin();
            if (templates.Count < 6 && _random.Next(4) == 0)
            {
                BusinessFunction function = Pick(HandedOff);
                int sequence = Pick(new[] { 10, 20, 30 });
                var template = new Entity("crmc_handofftemplate")
                {
                    // A subject of its own: parallel work at a step in force is another piece of work (two templates in force of
                    // one function never share a subject).
                    ["crmc_name"] = $"{function.Label()} step {sequence} #{templates.Count + 1}", ["crmc_subject"] = $"{function.Label()} step {sequence} #{templates.Count + 1}",
                    ["crmc_function"] = new OptionSetValue((int)function), ["crmc_dueoffsetdays"] = Pick(new[] { 3, 5, 10 }),
                    ["crmc_sequence"] = sequence, ["crmc_isactive"] = true,
                };
                if (_random.Next(2) == 0)
                    template["crmc_requiredevidence"] = function == BusinessFunction.Adv ? "crmc_contractnumber" : "crmc_trackingnumber,crmc_deliveredon";
                int channel = _random.Next(FuzzChannel.CreateNames.Length);
                Guid id = NewId();
                return new FuzzAction($"{who} makes template '{template["crmc_name"]}' by {FuzzChannel.CreateNames[channel]}",
                    () => FuzzChannel.Create(Org.As(who), template, channel, id));
            }
            Entity existing = Pick(templates);
            string name = existing.GetAttributeValue<string>("crmc_name");
            bool inForce = existing.GetAttributeValue<bool>("crmc_isactive") && existing.GetAttributeValue<OptionSetValue>("statecode").Value == 0;
            if (!inForce && templates.Count > 2 && _random.Next(5) == 0) // two stay: the forged handoffs name one
                return new FuzzAction($"{who} deletes retired template '{name}'", () => Org.As(who).Delete("crmc_handofftemplate", existing.Id));
            if (_random.Next(4) == 0)
                return new FuzzAction($"{who} sets template '{name}' to state {Flipped(existing)}", () => Flip(who, existing));
            var change = new Entity("crmc_handofftemplate", existing.Id);
            switch (_random.Next(3))
            {
                case 0: change["crmc_isactive"] = !existing.GetAttributeValue<bool>("crmc_isactive"); break;
                case 1:
                    // Now and then moved to another step of its function's order, or given to another function.
                    if (_random.Next(3) > 0) change["crmc_dueoffsetdays"] = Pick(new[] { 2, 7, 14 });
                    else if (_random.Next(3) > 0) change["crmc_sequence"] = Pick(new[] { 10, 20, 30 });
                    else change["crmc_function"] = new OptionSetValue((int)Pick(HandedOff));
                    break;
                default:
                    // Now and then the date a template came into force, back-dated: the server's, refused (else deals won before ask it).
                    if (_random.Next(6) == 0) change["crmc_inforcesince"] = Scenarios.CrmCollabOrg.Start.AddDays(-30); // before any template
                    else change["crmc_subject"] = name + " (reworded)";
                    break;
            }
            int updateChannel = Channel();
            return new FuzzAction($"{who} changes template '{name}' ({string.Join(",", change.Attributes.Keys)}) by {FuzzChannel.Names[updateChannel]}", () =>
            {
                FuzzChannel.Update(Org.As(who), change, updateChannel);
                if (change.Contains("crmc_sequence") || change.Contains("crmc_function")) _wonHandoffs.PlacesMoved();
            });
        }
    }
}
