using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A deal won again after its handoffs were canceled and it was lost gets that work back (the handoff's key allows no
    /// second task): the same task, reopened as a new handoff. Its evidence is that of the work canceled, not of this win's
    /// delivery or contract, so it is set aside (kept in a note on the task) and the new work is traced before it closes.
    /// </summary>
    public class RewonHandoffEvidenceScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _manager, _lena, _alice, _deal, _logisticsRow;

        public RewonHandoffEvidenceScenarios()
        {
            _manager = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber,crmc_deliveredon");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10, "crmc_contractnumber");
            Guid contoso = _org.Account("Contoso");
            _logisticsRow = _org.DedicatedOwner(contoso, BusinessFunction.Logistics, user: _lena);
            _org.DedicatedOwner(contoso, BusinessFunction.Adv, user: _alice);
            _deal = _org.Deal(contoso);
            _org.Win(_deal);
        }

        private EntityCollection NotesOn(Guid task)
        {
            var query = new QueryExpression("annotation") { ColumnSet = new ColumnSet("subject", "notetext") };
            query.Criteria.AddCondition("objectid", ConditionOperator.Equal, task);
            return _org.System.RetrieveMultiple(query);
        }

        private static Entity Completion(Guid task) =>
            new Entity("task", task) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5) };

        [Fact]
        public void A_handoff_reopened_by_a_new_win_is_not_closed_on_the_evidence_of_the_work_canceled_before()
        {
            Guid delivery = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id, contract = _org.HandoffOf(_deal, BusinessFunction.Adv).Id;
            // The first shipment was booked and the contract drawn up, then the customer paused the order.
            _org.As(_lena).Update(new Entity("task", delivery) { ["crmc_trackingnumber"] = "1Z-OLD", ["crmc_deliveredon"] = CrmCollabOrg.Start.AddDays(5) });
            _org.As(_alice).Update(new Entity("task", contract) { ["crmc_contractnumber"] = "C-2025-001" });
            var deal = new EntityReference("opportunity", _deal);
            _org.As(_org.Rep).Execute(new AssignRequest { Target = deal, Assignee = new EntityReference("systemuser", _manager) });
            _org.As(_manager).Execute(new SetStateRequest { EntityMoniker = deal, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            foreach (Guid task in new[] { delivery, contract })
                _org.As(_org.Admin).Update(new Entity("task", task)
                {
                    ["crmc_cancelreason"] = "The customer paused the order", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
                });
            _org.Lose(_deal, _manager);

            // Months later the customer comes back: the deal is reopened and won again, on a new contract and a new shipment.
            _org.Engine.Clock.Advance(TimeSpan.FromDays(90));
            _org.As(_manager).Execute(new SetStateRequest { EntityMoniker = deal, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            _org.Win(_deal, _manager);

            Assert.Equal(0, _org.Row("task", delivery, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
            string missing = _org.Refused(RefusalCodes.HandoffEvidenceMissing, () => _org.As(_lena).Update(Completion(delivery)), "task", "annotation");
            _org.Refused(RefusalCodes.HandoffEvidenceMissing, () => _org.As(_alice).Update(Completion(contract)), "task", "annotation");
            Assert.Contains("Tracking number, Delivered on", missing);
            // What was recorded before the cancellation stays readable on the task.
            Assert.Contains("1Z-OLD", string.Join("\n", NotesOn(delivery).Entities.Select(n => n.GetAttributeValue<string>("notetext"))));
            Assert.Contains("C-2025-001", string.Join("\n", NotesOn(contract).Entities.Select(n => n.GetAttributeValue<string>("notetext"))));

            _org.As(_lena).Update(new Entity("task", delivery) { ["crmc_trackingnumber"] = "1Z-NEW", ["crmc_deliveredon"] = CrmCollabOrg.Start.AddDays(95) });
            _org.As(_lena).Update(Completion(delivery));
            Assert.Equal("1Z-NEW", _org.Row("task", delivery, "crmc_trackingnumber").GetAttributeValue<string>("crmc_trackingnumber"));
        }

        [Fact]
        public void A_handoff_given_back_at_a_new_win_when_nobody_covers_its_function_any_more_waits_unrouted_with_the_deals_owner()
        {
            Guid delivery = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            var deal = new EntityReference("opportunity", _deal);
            _org.As(_org.Rep).Execute(new AssignRequest { Target = deal, Assignee = new EntityReference("systemuser", _manager) });
            _org.As(_manager).Execute(new SetStateRequest { EntityMoniker = deal, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            foreach (Guid handoff in new[] { delivery, _org.HandoffOf(_deal, BusinessFunction.Adv).Id })
                _org.As(_org.Admin).Update(new Entity("task", handoff)
                {
                    ["crmc_cancelreason"] = "The customer paused the order", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
                });
            _org.Lose(_deal, _manager);
            // Contoso's logistics contact leaves the account; no rule covers logistics.
            _org.As(_org.Admin).Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("crmc_dedicatedowner", _logisticsRow), State = new OptionSetValue(1), Status = new OptionSetValue(-1),
            });
            _org.Engine.DrainAsync();

            _org.As(_manager).Execute(new SetStateRequest { EntityMoniker = deal, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            _org.Win(_deal, _manager);

            Entity task = _org.Row("task", delivery, "statecode", "ownerid", "crmc_isunrouted", "crmc_routingpath");
            Assert.Equal(0, task.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.True(task.GetAttributeValue<bool>("crmc_isunrouted")); // in Unrouted Handoffs, where an administrator sees it
            Assert.Equal(_manager, task.GetAttributeValue<EntityReference>("ownerid").Id); // the deal's owner holds it, as at a first win
            Assert.Contains("won again", task.GetAttributeValue<string>("crmc_routingpath"));
            // And the deal says so, as at a first win: the one who holds it knows why, and whom to ask.
            Assert.Contains(NotesOn(_deal).Entities, n => n.GetAttributeValue<string>("subject") == "Unrouted handoff: Plan the delivery"
                && n.GetAttributeValue<string>("notetext").Contains("'Plan the delivery – Line 4 retrofit' was given back unrouted"));
        }
    }
}
