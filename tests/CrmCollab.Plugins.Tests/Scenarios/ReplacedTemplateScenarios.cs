using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A won deal is reopened by a CrmCollab Administrator while another administrator replaces a handoff template (the
    /// old one set inactive, a new one in its place: same function, same sequence); then the deal is won again.
    /// </summary>
    public class ReplacedTemplateScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _manager, _lena, _delivery, _deal;

        public ReplacedTemplateScenarios()
        {
            _manager = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _delivery = _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 40, "crmc_trackingnumber");
            Guid contoso = _org.Account("Contoso");
            _org.DedicatedOwner(contoso, BusinessFunction.Logistics, user: _lena);
            _deal = _org.Deal(contoso);
            _org.Win(_deal);
        }

        private Guid Handoff => _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;

        /// <summary>The salesperson hands the won deal to their manager, a CrmCollab Administrator, who reopens it.</summary>
        private void Reopen()
        {
            var deal = new EntityReference("opportunity", _deal);
            if (_org.Row("opportunity", _deal, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id != _manager)
                _org.As(_org.Rep).Execute(new AssignRequest { Target = deal, Assignee = new EntityReference("systemuser", _manager) });
            _org.As(_manager).Execute(new SetStateRequest { EntityMoniker = deal, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
        }

        /// <summary>The administrator retires "Plan the delivery" and puts a reworded template in its place (same function and sequence).</summary>
        private Guid ReplaceTheDeliveryTemplate()
        {
            _org.As(_org.Admin).Update(new Entity("crmc_handofftemplate", _delivery) { ["crmc_isactive"] = false });
            return _org.Template("Plan the delivery and the site access", BusinessFunction.Logistics, 7, 40, "crmc_trackingnumber");
        }

        private void Cancel(Guid task, string reason) => _org.As(_org.Admin).Update(new Entity("task", task)
        {
            ["crmc_cancelreason"] = reason, ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
        });

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_deal_won_again_after_its_delivery_template_was_replaced_gives_logistics_one_delivery_task_not_two(bool deliveryDone)
        {
            Guid task = Handoff;
            if (deliveryDone)
                _org.As(_lena).Update(new Entity("task", task)
                {
                    ["crmc_trackingnumber"] = "1Z999", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
                });
            Reopen();
            ReplaceTheDeliveryTemplate();
            // A template added for a new piece of work (its own place in the function's order) is work the re-win hands off.
            _org.Template("Book the crane", BusinessFunction.Logistics, 5, 45);

            _org.Win(_deal, _manager);

            var tasks = _org.HandoffTasks(_deal).Entities;
            Assert.Equal(2, tasks.Count);
            Entity delivery = Assert.Single(tasks, t => t.GetAttributeValue<string>("subject").StartsWith("Plan the delivery"));
            Assert.Equal(task, delivery.Id);
            Assert.Equal(deliveryDone ? 1 : 0, delivery.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Single(tasks, t => t.GetAttributeValue<string>("subject").StartsWith("Book the crane"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_deal_won_again_after_its_delivery_was_canceled_and_the_deal_lost_gets_the_delivery_from_the_replacement_template()
        {
            Guid task = Handoff;
            Reopen();
            Cancel(task, "The customer paused the order");
            _org.Lose(_deal, _manager);
            Guid replacement = ReplaceTheDeliveryTemplate();

            _org.Engine.Clock.Advance(TimeSpan.FromDays(30));
            Reopen();
            _org.Win(_deal, _manager);

            // The old template is retired, so its canceled task stays canceled; the delivery is planned from the new one.
            var tasks = _org.HandoffTasks(_deal).Entities;
            Assert.Equal(2, tasks.Count);
            Assert.Equal(2, tasks.Single(t => t.Id == task).GetAttributeValue<OptionSetValue>("statecode").Value);
            Entity created = tasks.Single(t => t.Id != task);
            Assert.Equal(0, created.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(_lena, created.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.StartsWith("Plan the delivery and the site access", created.GetAttributeValue<string>("subject"));
            Assert.EndsWith(replacement.ToString("N"), created.GetAttributeValue<string>("crmc_handoffkey"));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_delivery_an_administrator_canceled_while_the_deal_was_won_is_not_brought_back_by_its_replacement_template()
        {
            Guid task = Handoff;
            _org.Engine.Clock.Advance(TimeSpan.FromHours(1));
            Cancel(task, "Delivered by the partner");
            _org.Engine.Clock.Advance(TimeSpan.FromDays(1));
            Reopen();
            ReplaceTheDeliveryTemplate();

            _org.Win(_deal, _manager);

            Entity only = Assert.Single(_org.HandoffTasks(_deal).Entities);
            Assert.Equal(task, only.Id);
            Assert.Equal(2, only.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    
        [Fact]
        public void The_create_post_sale_handoff_step_finds_nothing_missing_on_a_deal_won_again_after_a_template_was_replaced()
        {
            Reopen();
            ReplaceTheDeliveryTemplate();
            _org.Win(_deal, _manager);

            // A workflow on won deals runs the step as the deal's owner: the delivery task of the earlier win is the one.
            Assert.Equal(0, _org.RunHandoffStep(_deal, _manager));
            Assert.Single(_org.HandoffTasks(_deal).Entities);
        }

        [Fact]
        public void A_parallel_step_added_after_the_re_win_does_not_take_the_place_the_earlier_delivery_task_holds()
        {
            Reopen();
            ReplaceTheDeliveryTemplate();
            _org.Win(_deal, _manager); // the earlier delivery task stands for the reworded template
            _org.Engine.Clock.Advance(TimeSpan.FromDays(7));
            _org.Template("Book the crane", BusinessFunction.Logistics, 3, 40); // later work at the same step, for later sales

            // Before, the new template competed for the place (two in force for one retired task: none taken) and both the step
            // and Get Handoff Status named the reworded delivery template missing.
            Assert.Equal(0, _org.RunHandoffStep(_deal, _manager));
            Assert.Single(_org.HandoffTasks(_deal).Entities);
        }

        /// <summary>
        /// Templates left without a sequence (the column is optional) have no place in the function's order: one retired
        /// without a sequence holds no place against a new piece of work also left without one.
        /// </summary>
        [Fact]
        public void A_new_piece_of_work_whose_template_has_no_sequence_is_handed_off_on_the_re_win_though_a_retired_one_had_none_either()
        {
            Entity Unordered(string subject) => new Entity("crmc_handofftemplate")
            {
                ["crmc_name"] = subject, ["crmc_subject"] = subject, ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics),
                ["crmc_dueoffsetdays"] = 3, ["crmc_isactive"] = true,
            };
            Guid welcome = _org.As(_org.Admin).Create(Unordered("Send the welcome pack"));
            Guid fabrikam = _org.Account("Fabrikam");
            _org.DedicatedOwner(fabrikam, BusinessFunction.Logistics, user: _lena);
            Guid deal = _org.Deal(fabrikam, "Packaging line");
            _org.Win(deal);
            Assert.Equal(2, _org.HandoffTasks(deal).Entities.Count);
            var reference = new EntityReference("opportunity", deal);
            _org.As(_org.Rep).Execute(new AssignRequest { Target = reference, Assignee = new EntityReference("systemuser", _manager) });
            _org.As(_manager).Execute(new SetStateRequest { EntityMoniker = reference, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            // The welcome pack is no longer sent; a site survey is new work, its template also left without a sequence.
            _org.As(_org.Admin).Update(new Entity("crmc_handofftemplate", welcome) { ["crmc_isactive"] = false });
            _org.As(_org.Admin).Create(Unordered("Book the site survey"));

            _org.Win(deal, _manager);

            var tasks = _org.HandoffTasks(deal).Entities;
            Assert.Single(tasks, t => t.GetAttributeValue<string>("subject").StartsWith("Book the site survey"));
            Assert.Single(tasks, t => t.GetAttributeValue<string>("subject").StartsWith("Send the welcome pack"));
            Assert.Equal(3, tasks.Count);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        /// <summary>
        /// The administrator replaces "Plan the delivery" and adds a parallel piece of work at the same step of the
        /// function's order (same sequence): one handoff of the retired template cannot stand for both, so the re-win does
        /// not leave the new work out; it hands off both templates in force rather than guess which one replaced it.
        /// </summary>
        [Fact]
        public void A_parallel_task_added_at_the_same_step_as_a_replaced_template_is_handed_off_on_the_re_win()
        {
            Reopen();
            ReplaceTheDeliveryTemplate();
            _org.Template("Book the crane", BusinessFunction.Logistics, 5, 40);

            _org.Win(_deal, _manager);

            var tasks = _org.HandoffTasks(_deal).Entities;
            Assert.Single(tasks, t => t.GetAttributeValue<string>("subject").StartsWith("Book the crane"));
            Assert.Single(tasks, t => t.GetAttributeValue<string>("subject").StartsWith("Plan the delivery and the site access"));
            Assert.Equal(3, tasks.Count); // the earlier delivery task stays beside it, in sight
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        /// <summary>
        /// The delivery done, the deal reopened and won again after the delivery template was replaced: the completed
        /// delivery task stands for the reworded template. The administrator then deletes the retired template (no open
        /// handoff of it is left), which clears the task's link to it. Before, its place was read from the template, so the
        /// reworded delivery was named missing (random operations, seed 6718).
        /// </summary>
        [Fact]
        public void A_retired_template_deleted_after_the_re_win_leaves_no_handoff_missing()
        {
            Guid task = Handoff;
            Assert.Equal(40, _org.Row("task", task, "crmc_handoffsequence").GetAttributeValue<int?>("crmc_handoffsequence"));
            _org.As(_lena).Update(new Entity("task", task)
            {
                ["crmc_trackingnumber"] = "1Z999", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            });
            Reopen();
            ReplaceTheDeliveryTemplate();
            _org.Win(_deal, _manager);
            _org.As(_org.Admin).Delete("crmc_handofftemplate", _delivery);

            ParameterCollection status = _org.As(_manager).Execute(new OrganizationRequest(HandoffStatusApi.ApiName)
                { ["Target"] = new EntityReference("opportunity", _deal) }).Results;
            Assert.Equal("", status[HandoffStatusApi.Missing]);
            Assert.Equal(true, status[HandoffStatusApi.IsComplete]);
            Assert.Equal(0, _org.RunHandoffStep(_deal, _manager));
            Assert.Single(_org.HandoffTasks(_deal).Entities);
        }

        /// <summary>
        /// The administrator first moves "Plan the delivery" to a later step of Logistics' order, then replaces it there: the
        /// replacement takes the place the old template has, not the one it had when the deal's delivery was handed off.
        /// </summary>
        [Fact]
        public void A_template_moved_to_another_step_and_then_replaced_there_is_still_replaced_on_the_re_win()
        {
            Guid task = Handoff;
            Reopen();
            _org.As(_org.Admin).Update(new Entity("crmc_handofftemplate", _delivery) { ["crmc_sequence"] = 50 });
            _org.As(_org.Admin).Update(new Entity("crmc_handofftemplate", _delivery) { ["crmc_isactive"] = false });
            _org.Template("Plan the delivery and the site access", BusinessFunction.Logistics, 7, 50, "crmc_trackingnumber");

            _org.Win(_deal, _manager);

            Assert.Equal(task, Assert.Single(_org.HandoffTasks(_deal).Entities).Id);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        /// <summary>The sequence a handoff records is CrmCollab's: its owner cannot move it, nor anyone put one on a plain task.</summary>
        [Fact]
        public void No_one_but_crmcollab_sets_the_sequence_a_handoff_records()
        {
            _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(_lena).Update(new Entity("task", Handoff) { ["crmc_handoffsequence"] = 45 }));
            _org.Refused(RefusalCodes.HandoffServerColumn, () => _org.As(_org.Rep).Create(new Entity("task")
            {
                ["subject"] = "Call back", ["crmc_handoffsequence"] = 40,
            }));
            Assert.Equal(40, _org.Row("task", Handoff, "crmc_handoffsequence").GetAttributeValue<int?>("crmc_handoffsequence"));
        }
    }
}
