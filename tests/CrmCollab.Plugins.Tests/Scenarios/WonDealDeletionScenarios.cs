using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A CrmCollab Administrator deletes a won deal with its product lines. Whether Dataverse runs a child table's Delete
    /// steps for a cascade is not documented: here a test step deletes the lines inside the deal's Delete, as the
    /// platform would if it ran them, so the lines' guard sees the deal's Delete as its parent.
    /// </summary>
    public class WonDealDeletionScenarios
    {
        private readonly CrmCollabOrg _org = CrmCollabOrg.WithTestStep<DeletesTheLinesInsideTheDealsDelete>("Delete", "opportunity", StepStage.PreOperation);
        private readonly Guid _deal, _line, _boss;

        public WonDealDeletionScenarios()
        {
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _deal = _org.Deal(_org.Account("Contoso"));
            _line = _org.System.Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal), ["productdescription"] = "Packaging line", ["quantity"] = 1m,
                ["priceperunit"] = new Money(80000m), ["isproductoverridden"] = true,
            });
            _org.Win(_deal);
            _boss = _org.Setup.CreateUser("Bea Boss", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.As(_org.Rep).Execute(new AssignRequest { Target = new EntityReference("opportunity", _deal), Assignee = new EntityReference("systemuser", _boss) });
        }

        private bool Exists(string table, Guid id) => _org.System.RetrieveMultiple(new QueryExpression(table)
        {
            ColumnSet = new ColumnSet(false), Criteria = { Conditions = { new ConditionExpression(table + "id", ConditionOperator.Equal, id) } },
        }).Entities.Count > 0;

        [Fact]
        public void An_administrator_deletes_a_won_deal_with_its_product_lines_even_where_the_lines_delete_steps_run()
        {
            _org.As(_boss).Delete("opportunity", _deal);

            Assert.False(Exists("opportunity", _deal));
            Assert.False(Exists("opportunityproduct", _line));
        }

        [Fact]
        public void A_line_of_a_won_deal_deleted_on_its_own_is_still_refused()
        {
            Assert.Equal(RefusalCodes.ProductsLocked, Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.System.Delete("opportunityproduct", _line))));
            Assert.True(Exists("opportunityproduct", _line));
        }
    }

    /// <summary>Deletes the deal's product lines from inside its Delete (the platform's cascade, were it to run the lines' steps).</summary>
    public sealed class DeletesTheLinesInsideTheDealsDelete : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory));
            IOrganizationService service = factory.CreateOrganizationService(null);
            var lines = new QueryExpression("opportunityproduct") { ColumnSet = new ColumnSet(false) };
            lines.Criteria.AddCondition("opportunityid", ConditionOperator.Equal, context.PrimaryEntityId);
            foreach (Entity line in service.RetrieveMultiple(lines).Entities) service.Delete("opportunityproduct", line.Id);
        }
    }
}
