using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>A handoff is CrmCollab's to create and date; its owner proves it done; only an administrator cancels it, and says why.</summary>
    public class HandoffShortcutScenarios
    {
        private static readonly string[] Touched = { "task", "crmc_handofftemplate", "opportunity" };
        private readonly CrmCollabOrg _org;
        private readonly Guid _alice, _lena, _contract, _delivery, _deal;

        public HandoffShortcutScenarios()
        {
            var setup = new ContractAndDeliveryOrg();
            (_org, _alice, _lena, _contract, _delivery, _deal) = (setup.Org, setup.Alice, setup.Lena, setup.Contract, setup.Delivery, setup.Deal);
        }

        private Guid Delivery => _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;

        private static OrganizationRequest Close(Guid task, int state, int status) => ContractAndDeliveryOrg.Close(task, state, status);

        [Fact]
        public void A_rep_cannot_plant_a_handoff_task_before_the_win()
        {
            var planted = new Entity("task")
            {
                ["subject"] = "Draw up the contract – Line 4 retrofit",
                ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
                ["crmc_handofftemplateid"] = new EntityReference("crmc_handofftemplate", _contract),
                ["crmc_handoffkey"] = HandoffPlanner.KeyFor(_deal, _contract),
            };

            string refusal = _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(_org.Rep).Create(planted), Touched);
            _org.Refused(RefusalCodes.HandoffServerColumn, () => CrmCollabOrg.InExecuteTransaction(_org.As(_org.Rep), new CreateRequest { Target = planted }), Touched);
            _org.Refused(RefusalCodes.HandoffServerColumn, () => CrmCollabOrg.InUpsert(_org.As(_org.Rep), planted), Touched);

            Assert.Equal("Handoff tasks are created by CrmCollab when the deal is won, routed to the account's dedicated owners. " +
                "Create the task without these handoff columns: Handoff key, Handoff template. [CRMC-HANDOFF-SERVER-COLUMN]", refusal);
            _org.Win(_deal);
            Assert.Equal(_alice, _org.HandoffOf(_deal, BusinessFunction.Adv).GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Theory]
        [InlineData("Create")]
        [InlineData("Update")]
        [InlineData("Upsert")]
        [InlineData("UpdateMultiple")]
        public void A_task_given_a_blank_handoff_key_is_refused_so_it_never_counts_as_a_handoff(string channel)
        {
            // A key of spaces is still a key for every query that tells a handoff from a plain task (the KPIs by
            // function, the re-routing, an amendment's refresh): a rep would plant "handoffs" in Logistics' figures.
            _org.Win(_deal);
            IOrganizationService rep = _org.As(_org.Rep);
            var fake = new Entity("task")
            {
                ["subject"] = "Delivery done", ["crmc_handoffkey"] = "   ",
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics),
                ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
            };
            Action attempt;
            if (channel == "Create") attempt = () => rep.Create(fake);
            else
            {
                Guid plain = rep.Create(new Entity("task") { ["subject"] = "Call the customer" });
                var change = new Entity("task", plain) { ["crmc_handoffkey"] = " " };
                if (channel == "Upsert") attempt = () => CrmCollabOrg.InUpsert(rep, change);
                else if (channel == "UpdateMultiple") attempt = () => CrmCollabOrg.InUpdateMultiple(rep, change);
                else attempt = () => rep.Update(change);
            }

            string message = _org.Refused(RefusalCodes.HandoffServerColumn, attempt, Touched);
            Assert.Contains("Handoff key", message);
            Assert.Equal(2, _org.HandoffTasks(_deal).Entities.Count(t => t.GetAttributeValue<string>("crmc_handoffkey") != null));
        }

        [Fact]
        public void A_handoff_stays_on_its_deals_timeline_whoever_retargets_it()
        {
            _org.Win(_deal);
            Guid other = _org.Deal(_org.Account("Fabrikam"), "Another deal");
            Entity Moved() => new Entity("task", Delivery) { ["regardingobjectid"] = new EntityReference("opportunity", other) };

            string message = _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(_lena).Update(Moved()), Touched);
            _org.Refused(RefusalCodes.HandoffServerColumn, () => CrmCollabOrg.InExecuteMultiple(_org.As(_lena), new UpdateRequest { Target = Moved() }), Touched);
            _org.Refused(RefusalCodes.HandoffServerColumn, () => CrmCollabOrg.InUpsert(_org.As(_org.Admin), Moved()), Touched);

            Assert.Contains("Regarding", message);
            Assert.Equal(_deal, _org.Row("task", Delivery, "regardingobjectid").GetAttributeValue<EntityReference>("regardingobjectid").Id);
            _org.As(_lena).Update(new Entity("task", Delivery) { ["regardingobjectid"] = new EntityReference("opportunity", _deal) }); // re-sent as it is
        }

        [Fact]
        public void Only_an_administrator_cancels_a_handoff_and_only_with_a_reason()
        {
            _org.Win(_deal);

            string owner = _org.Refused(RefusalCodes.HandoffCancelAdminOnly, () => _org.As(_lena).Execute(Close(Delivery, 2, 6)), Touched);
            _org.Refused(RefusalCodes.HandoffCancelAdminOnly, () => CrmCollabOrg.InExecuteMultiple(_org.As(_lena), Close(Delivery, 2, 6)), Touched);
            string reason = _org.Refused(RefusalCodes.HandoffCancelReason, () => _org.As(_org.Admin).Execute(Close(Delivery, 2, 6)), Touched);

            Assert.StartsWith("Only a CrmCollab Administrator can cancel a handoff.", owner);
            Assert.StartsWith("Write why this handoff is canceled in 'Cancellation reason' first", reason);
            _org.As(_org.Admin).Update(new Entity("task", Delivery)
            {
                ["crmc_cancelreason"] = "The customer collects the machine himself", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });
            Assert.Equal(2, _org.Row("task", Delivery, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void The_evidence_and_dates_of_a_handoff_are_kept_once_it_is_completed()
        {
            _org.Win(_deal);
            DateTime due = _org.Row("task", Delivery, "scheduledend").GetAttributeValue<DateTime>("scheduledend");
            _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(_lena).Update(new Entity("task", Delivery) { ["scheduledend"] = due.AddDays(20) }), Touched);
            _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(_lena).Update(new Entity("task", Delivery)
            {
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Adv), ["crmc_agreedterms"] = "Discount: 40 %",
            }), Touched);
            _org.Engine.Clock.Advance(TimeSpan.FromDays(15)); // late
            string backdated = _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(_lena).Update(new Entity("task", Delivery)
            {
                ["crmc_trackingnumber"] = "1Z999", ["crmc_deliveredon"] = due, ["actualend"] = due,
                ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            }), Touched);
            _org.As(_lena).Update(new Entity("task", Delivery)
            {
                ["crmc_trackingnumber"] = "1Z999", ["crmc_deliveredon"] = due, ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            });

            string erased = _org.Refused(RefusalCodes.HandoffClosed, () => _org.As(_lena).Update(new Entity("task", Delivery) { ["crmc_trackingnumber"] = null }), Touched);
            _org.Refused(RefusalCodes.HandoffClosed, () => CrmCollabOrg.InUpdateMultiple(_org.As(_lena), new Entity("task", Delivery) { ["crmc_deliveredon"] = null }), Touched);
            _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(_lena).Update(new Entity("task", Delivery) { ["actualend"] = due }), Touched);
            _org.Refused(RefusalCodes.HandoffReopenAdminOnly, () => _org.As(_lena).Execute(Close(Delivery, 0, 2)), Touched);

            Assert.Contains("cannot be edited: Actual end.", backdated);
            Assert.StartsWith("This handoff is completed: its evidence (Tracking number) is the record of what was delivered", erased);
            Assert.Equal(_org.Engine.Clock.UtcNow.Date, _org.Row("task", Delivery, "actualend").GetAttributeValue<DateTime>("actualend").Date);
        }

        [Fact]
        public void The_requirement_copied_onto_a_handoff_outlives_a_later_change_of_its_template()
        {
            _org.Win(_deal);
            // What HandoffCreation writes when it creates the task (the server's write).
            _org.System.Update(new Entity("task", Delivery) { ["crmc_requiredevidence"] = "crmc_trackingnumber,crmc_deliveredon" });
            _org.As(_org.Admin).Update(new Entity("crmc_handofftemplate", _delivery) { ["crmc_requiredevidence"] = "" });

            _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(_lena).Update(new Entity("task", Delivery) { ["crmc_requiredevidence"] = "" }), Touched);
            string closed = _org.Refused(RefusalCodes.HandoffEvidenceMissing, () => _org.As(_lena).Execute(Close(Delivery, 1, 5)), Touched);

            Assert.Contains("fill in Tracking number, Delivered on first", closed);
        }

    
        [Fact]
        public void A_handoff_task_is_canceled_never_deleted_not_even_by_a_system_administrator()
        {
            Guid sid = _org.User("Sid Sysadmin", "System Administrator");
            _org.Win(_deal);
            Guid delivery = Delivery;

            string refusal = _org.Refused(RefusalCodes.HandoffIsHistory, () => _org.As(sid).Delete("task", delivery), Touched);
            var delete = new DeleteRequest { Target = new EntityReference("task", delivery) };
            foreach (Guid person in new[] { sid, _org.Admin, _lena })
            {
                if (person != sid) _org.Refused(RefusalCodes.HandoffIsHistory, () => _org.As(person).Delete("task", delivery), Touched);
                _org.Refused(RefusalCodes.HandoffIsHistory, () => CrmCollabOrg.InExecuteMultiple(_org.As(person), delete), Touched);
                _org.Refused(RefusalCodes.HandoffIsHistory, () => CrmCollabOrg.InExecuteTransaction(_org.As(person), delete), Touched);
            }

            Assert.Equal("A handoff task cannot be deleted: the deal's team relies on every handoff being done or explained. " +
                "If this work is not needed, ask a CrmCollab Administrator to cancel it with the reason. [CRMC-HANDOFF-HISTORY]", refusal);
            Guid callBack = _org.As(_org.Rep).Create(new Entity("task") { ["subject"] = "Call Contoso back" });
            _org.As(_org.Rep).Delete("task", callBack); // an ordinary task is not a handoff
            Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => _org.Row("task", callBack, "subject"));
        }

        [Fact]
        public void No_client_puts_a_plain_task_in_the_unrouted_list_or_gives_it_a_routing_path()
        {
            var flagged = new Entity("task") { ["subject"] = "Call Contoso back", ["crmc_isunrouted"] = true };
            var pathed = new Entity("task") { ["subject"] = "Call Contoso back", ["crmc_routingpath"] = "Dedicated owner: Lena Logistics" };

            string created = _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(_org.Rep).Create(flagged), Touched);
            _org.Refused(RefusalCodes.HandoffServerColumn, () => CrmCollabOrg.InUpsert(_org.As(_org.Rep), pathed), Touched);
            _org.Refused(RefusalCodes.HandoffServerColumn, () => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Rep), new CreateRequest { Target = pathed }), Touched);
            Assert.Contains("Unrouted", created);

            // An ordinary task saved with the flag left off is what every form sends: it passes, and its updates are checked too.
            Guid callBack = _org.As(_org.Rep).Create(new Entity("task") { ["subject"] = "Call Contoso back", ["crmc_isunrouted"] = false });
            string updated = _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(_org.Rep).Update(new Entity("task", callBack) { ["crmc_isunrouted"] = true }), Touched);
            _org.Refused(RefusalCodes.HandoffServerColumn, () => CrmCollabOrg.InUpsert(_org.As(_org.Rep), new Entity("task", callBack) { ["crmc_routingpath"] = "Parent account" }), Touched);
            _org.Refused(RefusalCodes.HandoffServerColumn, () => CrmCollabOrg.InExecuteTransaction(_org.As(_org.Rep),
                new UpdateRequest { Target = new Entity("task", callBack) { ["crmc_routingpath"] = "Parent account" } }), Touched);
            Assert.Contains("Unrouted", updated);
            _org.As(_org.Rep).Update(new Entity("task", callBack) { ["subject"] = "Call Contoso back on Monday", ["crmc_isunrouted"] = false });

            // CrmCollab's own routing still writes them: the won deal's handoffs carry their path.
            _org.Win(_deal);
            Assert.False(string.IsNullOrEmpty(_org.Row("task", Delivery, "crmc_routingpath").GetAttributeValue<string>("crmc_routingpath")));
        }

        [Fact]
        public void A_handoff_owner_cannot_rewrite_how_the_task_was_routed()
        {
            _org.Win(_deal);
            Guid delivery = Delivery;

            string refusal = _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(_lena).Update(new Entity("task", delivery)
            {
                ["crmc_routingpath"] = "Dedicated owner: Lena Logistics (by request)",
            }), Touched);
            string flag = _org.Refused(RefusalCodes.HandoffServerColumn, () => CrmCollabOrg.InExecuteMultiple(_org.As(_lena), new UpdateRequest
            {
                Target = new Entity("task", delivery) { ["crmc_isunrouted"] = true },
            }), Touched);
            Assert.Contains("Unrouted", flag);

            Assert.StartsWith("These columns of a handoff are set by CrmCollab", refusal);
            Assert.Contains("Routing path", refusal);
            // Sending back the values it already has changes nothing, so it passes (a form saving every column).
            Entity routed = _org.Row("task", delivery, "crmc_routingpath", "crmc_isunrouted");
            _org.As(_lena).Update(new Entity("task", delivery)
            {
                ["crmc_routingpath"] = routed["crmc_routingpath"], ["crmc_isunrouted"] = routed.GetAttributeValue<bool>("crmc_isunrouted"),
            });
        }
}
}
