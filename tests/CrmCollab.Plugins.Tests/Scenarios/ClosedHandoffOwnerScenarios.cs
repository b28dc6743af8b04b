using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A completed or canceled handoff stays with who held it when it closed: the scorecards and the lateness report
    /// count closed handoffs by their owner, so passing a late one to a colleague would move its lateness onto them.
    /// </summary>
    public class ClosedHandoffOwnerScenarios
    {
        private static readonly string[] Touched = { "task" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _leo, _deal;

        public ClosedHandoffOwnerScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: _lena);
            _org.Rule("Logistics desk", BusinessFunction.Logistics, _leo);
            _deal = _org.Deal(account);
            _org.Win(_deal);
        }

        private Guid Delivery => _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;

        private Guid OwnerOf(Guid task) => _org.Row("task", task, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id;

        private static AssignRequest Assign(Guid task, Guid user) => new AssignRequest
        {
            Target = new EntityReference("task", task), Assignee = new EntityReference("systemuser", user),
        };

        [Theory]
        [InlineData("Assign")]
        [InlineData("Update")]
        [InlineData("Upsert")]
        [InlineData("UpdateMultiple")]
        [InlineData("ExecuteMultiple")]
        public void Lena_cannot_pass_her_late_completed_delivery_handoff_to_a_logistics_colleague(string channel)
        {
            Guid task = Delivery;
            IOrganizationService lena = _org.As(_lena);
            _org.Engine.Clock.Set(CrmCollabOrg.Start.AddDays(30)); // well past its due date
            lena.Update(new Entity("task", task)
            {
                ["crmc_trackingnumber"] = "1Z999", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            });

            var change = new Entity("task", task) { ["ownerid"] = new EntityReference("systemuser", _leo) };
            Action attempt;
            switch (channel)
            {
                case "Update": attempt = () => lena.Update(change); break;
                case "Upsert": attempt = () => CrmCollabOrg.InUpsert(lena, change); break;
                case "UpdateMultiple": attempt = () => CrmCollabOrg.InUpdateMultiple(lena, change); break;
                case "ExecuteMultiple": attempt = () => CrmCollabOrg.InExecuteMultiple(lena, Assign(task, _leo)); break;
                default: attempt = () => lena.Execute(Assign(task, _leo)); break;
            }
            string message = _org.Refused(RefusalCodes.HandoffClosedOwnerKept, attempt, Touched);
            Assert.Contains("completed", message);
            CrmCollabOrg.ShowsNoIdOrTypeName(message);
            Assert.Equal(_lena, OwnerOf(task));
        }

        [Fact]
        public void A_canceled_handoff_stays_with_its_owner_and_an_administrator_may_still_correct_the_owner()
        {
            Guid task = Delivery;
            _org.As(_org.Admin).Update(new Entity("task", task)
            {
                ["crmc_cancelreason"] = "Customer collects", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });

            _org.Refused(RefusalCodes.HandoffClosedOwnerKept, () => _org.As(_lena).Execute(Assign(task, _leo)), Touched);
            Assert.Equal(_lena, OwnerOf(task));

            _org.As(_org.Admin).Execute(Assign(task, _leo));
            Assert.Equal(_leo, OwnerOf(task));
        }

        [Fact]
        public void An_open_handoff_still_goes_to_a_logistics_colleague()
        {
            Guid task = Delivery;
            _org.As(_lena).Execute(Assign(task, _leo));
            Assert.Equal(_leo, OwnerOf(task));
        }
    }
}
