using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// No Microsoft page says that Win runs the Update steps of the opportunity, so the handoffs of a won deal hang on the
    /// opportunityclose every Win creates. These scenarios run on an organisation where Win runs no Update step of
    /// CrmCollab's at all.
    /// </summary>
    public class WinHandoffScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
            solution.Steps.RemoveAll(s => s.PluginTypeName.StartsWith("CrmCollab.", StringComparison.Ordinal) && s.MessageName == "Update"
                && s.PrimaryEntity == "opportunity"));
        private readonly Guid _lena, _account;

        public WinHandoffScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _account = _org.Account("Contoso");
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _lena);
        }

        [Fact]
        public void A_deal_won_from_the_form_hands_off_to_its_dedicated_owner_once()
        {
            Guid deal = _org.Deal(_account);

            _org.Win(deal);
            _org.Engine.DrainAsync();

            Entity task = _org.HandoffTasks(deal).Entities.Single();
            Assert.Equal(_lena, task.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_lost_deal_hands_nothing_off()
        {
            Guid deal = _org.Deal(_account, "Spare parts");

            _org.Lose(deal);
            _org.Engine.DrainAsync();

            Assert.Empty(_org.HandoffTasks(deal).Entities);
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
