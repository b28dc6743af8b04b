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
    /// A handoff's delivery or contract is traced by its function: its owner cannot pass it to someone outside that
    /// function (who would accept it, "trace" it and close it, and count in the function's on-time figures).
    /// </summary>
    public class HandoffHandOverScenarios
    {
        private static readonly string[] Touched = { "task" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _leo, _alice, _deal;

        public HandoffHandOverScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: _lena);
            _org.Rule("Logistics desk", BusinessFunction.Logistics, _leo);
            _org.Rule("ADV desk", BusinessFunction.Adv, _alice);
            _deal = _org.Deal(account);
            _org.Win(_deal);
        }

        private Guid Delivery => _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;

        private static AssignRequest Assign(Guid task, Guid user) => new AssignRequest
        {
            Target = new EntityReference("task", task), Assignee = new EntityReference("systemuser", user),
        };

        private Guid OwnerOf(Guid task) => _org.Row("task", task, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id;

        [Theory]
        [InlineData("Assign")]
        [InlineData("Update")]
        [InlineData("Upsert")]
        [InlineData("UpdateMultiple")]
        [InlineData("ExecuteMultiple")]
        public void A_logistics_handoff_cannot_be_passed_to_the_salesperson_or_to_another_functions_people(string channel)
        {
            Guid task = Delivery;
            IOrganizationService lena = _org.As(_lena);
            foreach (Guid outsider in new[] { _org.Rep, _alice })
            {
                var change = new Entity("task", task) { ["ownerid"] = new EntityReference("systemuser", outsider) };
                Action attempt;
                switch (channel)
                {
                    case "Update": attempt = () => lena.Update(change); break;
                    case "Upsert": attempt = () => CrmCollabOrg.InUpsert(lena, change); break;
                    case "UpdateMultiple": attempt = () => CrmCollabOrg.InUpdateMultiple(lena, change); break;
                    case "ExecuteMultiple": attempt = () => CrmCollabOrg.InExecuteMultiple(lena, Assign(task, outsider)); break;
                    default: attempt = () => lena.Execute(Assign(task, outsider)); break;
                }
                string message = _org.Refused(RefusalCodes.HandoffHandOverNotAllowed, attempt, Touched);
                Assert.Contains("only to someone who works for Logistics", message);
                CrmCollabOrg.ShowsNoIdOrTypeName(message);
            }
            Assert.Equal(_lena, OwnerOf(task));
        }

        [Fact]
        public void A_handoff_goes_to_a_colleague_of_its_function_and_an_administrator_passes_it_to_anyone()
        {
            Guid task = Delivery;

            _org.As(_lena).Execute(Assign(task, _leo)); // the logistics desk's rule names Leo
            Assert.Equal(_leo, OwnerOf(task));

            _org.As(_org.Admin).Execute(Assign(task, _alice));
            Assert.Equal(_alice, OwnerOf(task));
        }

        [Fact]
        public void A_plain_task_is_passed_on_freely()
        {
            Guid plain = _org.As(_lena).Create(new Entity("task") { ["subject"] = "Call the carrier" });

            _org.As(_lena).Execute(Assign(plain, _org.Rep));

            Assert.Equal(_org.Rep, OwnerOf(plain));
        }
    }
}
