using System;
using CrmCollab.Plugins.Domain;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A migration records the sales history kept in the ERP as close activities, each naming its deal by the deal's ERP
    /// reference (an alternate key the organisation defined on the opportunity). A close of a deal never won is recorded;
    /// one added by hand to a deal won once is refused, named by key as by id. Before, the close guard read the key's empty
    /// id as the deal and every such close failed with CRMC-PLATFORM-FAULT.
    /// </summary>
    public class KeyedCloseLookupScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
        {
            var dealReference = new Emulator.Metadata.AlternateKeyDefinition { LogicalName = "erp_dealname_key" };
            dealReference.Columns.Add("name");
            solution.Catalog.Table("opportunity").Keys.Add(dealReference);
        });
        private readonly Guid _migration, _wonDeal;

        public KeyedCloseLookupScenarios()
        {
            (_, _, Guid contoso, Guid won) = _org.WonContosoDelivery();
            _wonDeal = won;
            _org.System.Update(new Entity("opportunity", _wonDeal) { ["name"] = "ERP-77" });
            _org.Deal(contoso, name: "ERP-78");
            _migration = _org.User("Mo Migration", "System Administrator");
        }

        private Entity CloseOf(string reference) => new Entity("opportunityclose")
        {
            ["subject"] = "Quote declined in 2025", ["opportunityid"] = new EntityReference("opportunity", "name", reference),
        };

        [Fact]
        public void A_close_of_a_deal_never_won_migrated_with_the_deal_named_by_key_is_recorded_on_it()
        {
            Guid close = _org.As(_migration).Create(CloseOf("ERP-78"));

            Assert.NotEqual(Guid.Empty, _org.System.Retrieve("opportunityclose", close, new ColumnSet("opportunityid")).GetAttributeValue<EntityReference>("opportunityid").Id);
        }

        [Fact]
        public void A_close_added_by_hand_to_a_deal_won_once_named_by_key_is_refused_as_by_id()
        {
            _org.RefusedNamingNoId(RefusalCodes.CloseHistoryKept, () => _org.As(_migration).Create(CloseOf("ERP-77")), "opportunityclose", "opportunity");
        }
    }
}
