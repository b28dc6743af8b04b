using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A handoff nobody could be routed to waits with the deal's salesperson until an owner is set: they hold it, but the
    /// work is the function's. The salesperson neither accepts it, nor "traces" its delivery, nor completes it (which would
    /// count in Logistics' time to accept and on-time figures); someone who works for Logistics does, once it is routed.
    /// </summary>
    public class UnroutedHandoffWorkScenarios
    {
        private static readonly string[] Touched = { "task" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _account, _deal;

        public UnroutedHandoffWorkScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            _account = _org.Account("Northwind"); // no dedicated logistics owner, no routing rule
            _deal = _org.Deal(_account);
            _org.Win(_deal);
        }

        private Entity Delivery => _org.HandoffOf(_deal, BusinessFunction.Logistics);

        private static Entity Completed(Guid task) => new Entity("task", task)
        {
            ["crmc_trackingnumber"] = "1Z999", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
        };

        [Fact]
        public void The_salesperson_holding_an_unrouted_logistics_handoff_does_not_accept_trace_or_complete_it()
        {
            Entity delivery = Delivery;
            Guid task = delivery.Id;
            Assert.Equal(_org.Rep, delivery.GetAttributeValue<EntityReference>("ownerid").Id);
            IOrganizationService rep = _org.As(_org.Rep);

            string message = _org.Refused(RefusalCodes.HandoffUnroutedWork,
                () => rep.Update(new Entity("task", task) { ["crmc_acceptedon"] = _org.Engine.Clock.UtcNow }), Touched);
            Assert.Contains("Logistics", message);
            CrmCollabOrg.ShowsNoIdOrTypeName(message);
            _org.Refused(RefusalCodes.HandoffUnroutedWork, () => rep.Update(new Entity("task", task) { ["crmc_trackingnumber"] = "1Z999" }), Touched);
            _org.Refused(RefusalCodes.HandoffUnroutedWork, () => rep.Update(Completed(task)), Touched);
            _org.Refused(RefusalCodes.HandoffUnroutedWork, () => CrmCollabOrg.InExecuteMultiple(rep, new UpdateRequest { Target = Completed(task) }), Touched);
            _org.Refused(RefusalCodes.HandoffUnroutedWork, () => rep.Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("task", task), State = new OptionSetValue(1), Status = new OptionSetValue(5),
            }), Touched);
            rep.Update(new Entity("task", task) { ["description"] = "Customer asks for a morning slot" }); // a note is still theirs to add
        }

        [Fact]
        public void Once_an_administrator_passes_it_to_a_logistics_colleague_she_completes_it()
        {
            Guid task = Delivery.Id;
            _org.Rule("Logistics desk", BusinessFunction.Logistics, _lena);
            _org.As(_org.Admin).Execute(new AssignRequest
            {
                Target = new EntityReference("task", task), Assignee = new EntityReference("systemuser", _lena),
            });

            IOrganizationService lena = _org.As(_lena);
            lena.Update(new Entity("task", task) { ["crmc_acceptedon"] = _org.Engine.Clock.UtcNow });
            lena.Update(Completed(task));
            Assert.Equal(1, _org.Row("task", task, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        private bool Unrouted(Guid task) => _org.Row("task", task, "crmc_isunrouted").GetAttributeValue<bool>("crmc_isunrouted");

        [Theory]
        [InlineData("Assign")]
        [InlineData("Update")]
        [InlineData("ExecuteMultiple")]
        public void A_handoff_passed_by_hand_to_someone_leaves_the_unrouted_list(string channel)
        {
            Guid task = Delivery.Id;
            Assert.True(Unrouted(task));
            _org.Rule("Logistics desk", BusinessFunction.Logistics, _lena);
            IOrganizationService rep = _org.As(_org.Rep); // the salesperson holding it passes it to the logistics desk's Lena
            var assign = new AssignRequest { Target = new EntityReference("task", task), Assignee = new EntityReference("systemuser", _lena) };
            switch (channel)
            {
                case "Update": rep.Update(new Entity("task", task) { ["ownerid"] = new EntityReference("systemuser", _lena) }); break;
                case "ExecuteMultiple": CrmCollabOrg.InExecuteMultiple(rep, assign); break;
                default: rep.Execute(assign); break;
            }

            Assert.Equal(_lena, _org.Row("task", task, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.False(Unrouted(task));
            Assert.Contains("passed by hand", _org.Row("task", task, "crmc_routingpath").GetAttributeValue<string>("crmc_routingpath"));
        }

        [Fact]
        public void An_administrator_may_still_complete_it_for_the_function()
        {
            Guid task = Delivery.Id;
            _org.As(_org.Admin).Update(Completed(task));
            Assert.Equal(1, _org.Row("task", task, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }
    }
}
