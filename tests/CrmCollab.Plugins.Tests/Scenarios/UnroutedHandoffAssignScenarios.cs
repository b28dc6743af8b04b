using System;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// No Microsoft page says in so many words that an Assign runs the table's Update steps, so an unrouted handoff passed
    /// on by Assign leaves the unrouted list through a step on the Assign itself. These scenarios run on an organisation
    /// where the handoff guard has no Update step at all.
    /// </summary>
    public class UnroutedHandoffAssignScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
            solution.Steps.RemoveAll(s => s.PluginTypeName.EndsWith(".HandoffGuard", StringComparison.Ordinal) && s.MessageName == "Update"));

        [Fact]
        public void An_unrouted_handoff_an_administrator_assigns_to_a_logistics_colleague_leaves_the_unrouted_desks_queue()
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            Guid queue = _org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted" });
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            Guid deal = _org.Deal(_org.Account("Northwind"));
            _org.Win(deal);
            Guid task = _org.HandoffOf(deal, BusinessFunction.Logistics).Id;
            var inQueue = new QueryExpression("queueitem") { ColumnSet = new ColumnSet("objectid") };
            inQueue.Criteria.AddCondition("queueid", ConditionOperator.Equal, queue);
            inQueue.Criteria.AddCondition("objectid", ConditionOperator.Equal, task);
            Assert.Single(_org.System.RetrieveMultiple(inQueue).Entities);

            _org.As(_org.Admin).Execute(new AssignRequest
            {
                Target = new EntityReference("task", task), Assignee = new EntityReference("systemuser", lena),
            });

            Entity row = _org.Row("task", task, "crmc_isunrouted", "crmc_routingpath", "ownerid");
            Assert.Equal(lena, row.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.False(row.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.StartsWith("Routed ", row.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Empty(_org.System.RetrieveMultiple(inQueue).Entities);
        }
    }
}
