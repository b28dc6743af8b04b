using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A handoff is a record the deal's team relies on: it stays on its deal (whatever record a lookup is pointed at),
    /// its cancellation keeps the reason the administrator gave, and a task made to look like one is not treated as one.
    /// </summary>
    public class HandoffRecordScenarios
    {
        private static readonly string[] Touched = { "task", "account", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _account, _deal;

        public HandoffRecordScenarios()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV");
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10, "crmc_contractnumber");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber,crmc_deliveredon");
            _account = _org.Account("Contoso");
            _org.DedicatedOwner(_account, BusinessFunction.Adv, user: alice);
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _lena);
            _deal = _org.Deal(_account);
            _org.Win(_deal);
        }

        private Guid Delivery => _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;

        private static OrganizationRequest Cancel(Guid task) => new SetStateRequest
        {
            EntityMoniker = new EntityReference("task", task), State = new OptionSetValue(2), Status = new OptionSetValue(6),
        };

        [Fact]
        public void A_handoff_cannot_be_moved_to_a_record_of_another_table_that_carries_its_deals_id()
        {
            // A salesperson may create accounts, with an id of their choosing: one with the won deal's id.
            _org.As(_org.Rep).Create(new Entity("account", _deal) { ["name"] = "Shadow" });
            Entity Moved() => new Entity("task", Delivery) { ["regardingobjectid"] = new EntityReference("account", _deal) };

            string message = _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(_lena).Update(Moved()), Touched);
            _org.Refused(RefusalCodes.HandoffServerColumn, () => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Admin), new UpdateRequest { Target = Moved() }), Touched);
            _org.Refused(RefusalCodes.HandoffServerColumn, () => CrmCollabOrg.InUpsert(_org.As(_lena), Moved()), Touched);

            Assert.Contains("Regarding", message);
            EntityReference regarding = _org.Row("task", Delivery, "regardingobjectid").GetAttributeValue<EntityReference>("regardingobjectid");
            Assert.Equal(("opportunity", _deal), (regarding.LogicalName, regarding.Id));
            _org.As(_org.Rep).Delete("account", _deal); // the shadow goes; the handoff stays with its deal
            Assert.Equal(_deal, _org.Row("task", Delivery, "crmc_opportunityid").GetAttributeValue<EntityReference>("crmc_opportunityid").Id);
        }

        [Fact]
        public void A_canceled_handoff_keeps_the_reason_its_administrator_gave()
        {
            _org.As(_org.Admin).Update(new Entity("task", Delivery) { ["crmc_cancelreason"] = "The customer collects the machine himself" });
            _org.As(_org.Admin).Execute(Cancel(Delivery));
            Entity Reason(string text) => new Entity("task", Delivery) { ["crmc_cancelreason"] = text };

            string owner = _org.Refused(RefusalCodes.HandoffCancelAdminOnly, () => _org.As(_lena).Update(Reason(null)), Touched);
            _org.Refused(RefusalCodes.HandoffCancelAdminOnly, () => _org.As(_lena).Update(Reason("Done by the customer")), Touched);
            _org.Refused(RefusalCodes.HandoffCancelAdminOnly, () => CrmCollabOrg.InExecuteTransaction(_org.As(_lena), new UpdateRequest { Target = Reason(" ") }), Touched);
            _org.Refused(RefusalCodes.HandoffCancelReason, () => _org.As(_org.Admin).Update(Reason(null)), Touched);

            Assert.StartsWith("This handoff is canceled: only a CrmCollab Administrator can change why.", owner);
            _org.As(_lena).Update(Reason("The customer collects the machine himself")); // re-sent as it is
            _org.As(_org.Admin).Update(Reason("The customer collects both machines himself"));
            Assert.Equal("The customer collects both machines himself", _org.Row("task", Delivery, "crmc_cancelreason").GetAttributeValue<string>("crmc_cancelreason"));
        }

        [Fact]
        public void A_deal_without_an_account_is_not_won_since_nobody_could_be_handed_its_work()
        {
            Guid contact = _org.As(_org.Rep).Create(new Entity("contact") { ["lastname"] = "Walker" });
            Guid deal = _org.Deal(_account, "Spare parts", amount: 12000m);
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["customerid"] = new EntityReference("contact", contact) });

            string refusal = _org.Refused(RefusalCodes.HandoffNoAccount, () => _org.Win(deal), Touched);
            _org.Refused(RefusalCodes.HandoffNoAccount, () => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Rep), CrmCollabOrg.WinRequest(deal)), Touched);

            Assert.Equal("The opportunity 'Spare parts' has no account, so CrmCollab cannot route its post-sale handoffs to the account's " +
                "ADV, logistics and SAV contacts. Set its account (a customer that is an account, or the Account field), then close it as won. " +
                "[CRMC-HANDOFF-NO-ACCOUNT]", refusal);
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["parentaccountid"] = new EntityReference("account", _account) });
            _org.Win(deal);
            Assert.Equal(2, _org.HandoffTasks(deal).Entities.Count);
        }

        [Fact]
        public void A_task_made_to_look_like_a_handoff_is_not_rerouted_as_one_when_the_dedicated_owner_changes()
        {
            Guid delivery = Delivery;
            Guid lookalike = _org.As(_org.Rep).Create(new Entity("task")
            {
                ["subject"] = "Plan the delivery (look-alike)",
                ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics),
            });
            Guid marc = _org.User("Marc Logistics", "CrmCollab Logistics");
            var owners = new QueryByAttribute("crmc_dedicatedowner") { ColumnSet = new ColumnSet(false), Attributes = { "crmc_function" }, Values = { (int)BusinessFunction.Logistics } };
            Guid logisticsOwner = _org.System.RetrieveMultiple(owners).Entities[0].Id;

            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", logisticsOwner) { ["crmc_userid"] = new EntityReference("systemuser", marc) });
            _org.Engine.DrainAsync();

            Assert.Equal(marc, _org.Row("task", delivery, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
            Entity task = _org.Row("task", lookalike, "ownerid", "crmc_routingpath", "crmc_isunrouted");
            Assert.Equal(_org.Rep, task.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Null(task.GetAttributeValue<string>("crmc_routingpath"));
            Assert.NotEqual(true, task.GetAttributeValue<bool?>("crmc_isunrouted"));
        }
    }
}
