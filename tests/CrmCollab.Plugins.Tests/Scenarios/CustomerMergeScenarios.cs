using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Merging a duplicate customer moves its deals to the customer that stays. A won deal must not change customer
    /// behind its agreed terms by a salesperson's merge, whichever way the merge is sent; open deals move freely.
    /// </summary>
    public class CustomerMergeScenarios
    {
        private static readonly string[] Touched = { "account", "opportunity", "task", "opportunityclose" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _kept, _duplicate, _deal;

        public CustomerMergeScenarios()
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _kept = _org.Account("Contoso");
            _duplicate = _org.Account("Contoso Ltd");
            _org.DedicatedOwner(_duplicate, BusinessFunction.Logistics, user: lena);
            _deal = _org.Deal(_duplicate);
        }

        private MergeRequest MergeDuplicate() => new MergeRequest
        {
            Target = new EntityReference("account", _kept), SubordinateId = _duplicate, UpdateContent = new Entity("account"),
        };

        private Guid CustomerOfDeal() =>
            _org.System.Retrieve("opportunity", _deal, new ColumnSet("customerid")).GetAttributeValue<EntityReference>("customerid").Id;

        [Fact]
        public void A_salesperson_cannot_merge_away_the_account_of_a_won_deal_on_any_path()
        {
            _org.Win(_deal);
            IOrganizationService rep = _org.As(_org.Rep);

            string message = _org.Refused(RefusalCodes.MergeWonNotAllowed, () => rep.Execute(MergeDuplicate()), Touched);
            _org.Refused(RefusalCodes.MergeWonNotAllowed, () => CrmCollabOrg.InExecuteMultiple(rep, MergeDuplicate()), Touched);
            _org.Refused(RefusalCodes.MergeWonNotAllowed, () => CrmCollabOrg.InExecuteTransaction(rep, MergeDuplicate()), Touched);

            Assert.StartsWith("The record you are merging away has won deals", message);
            Assert.Equal(_duplicate, CustomerOfDeal());
        }

        [Fact]
        public void A_salesperson_cannot_merge_away_the_parent_account_of_a_won_deal_either()
        {
            Guid plant = _org.Account("Contoso Lille plant");
            Guid won = _org.Deal(plant);
            _org.System.Update(new Entity("opportunity", won) { ["parentaccountid"] = new EntityReference("account", _duplicate) });
            _org.Win(won);

            _org.Refused(RefusalCodes.MergeWonNotAllowed, () => _org.As(_org.Rep).Execute(MergeDuplicate()), Touched);

            Assert.Equal(_duplicate, _org.System.Retrieve("opportunity", won, new ColumnSet("parentaccountid"))
                .GetAttributeValue<EntityReference>("parentaccountid").Id);
        }

        [Fact]
        public void Merging_into_the_account_of_a_won_deal_is_fine_when_the_duplicate_has_only_open_deals()
        {
            Guid wonElsewhere = _org.Deal(_kept);
            _org.Win(wonElsewhere);

            _org.As(_org.Rep).Execute(MergeDuplicate());

            Assert.Equal(_kept, CustomerOfDeal());
            var duplicate = _org.System.Retrieve("account", _duplicate, new ColumnSet("statecode", "masterid"));
            Assert.Equal(1, duplicate.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(_kept, duplicate.GetAttributeValue<EntityReference>("masterid").Id);
        }

        [Fact]
        public void A_crmcollab_administrator_may_merge_away_the_account_of_a_won_deal()
        {
            _org.Win(_deal);
            Guid boss = _org.Setup.CreateUser("Bea Boss", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            foreach (Guid account in new[] { _kept, _duplicate })
                _org.System.Execute(new AssignRequest { Target = new EntityReference("account", account), Assignee = new EntityReference("systemuser", boss) });

            _org.As(boss).Execute(MergeDuplicate());

            Assert.Equal(_kept, CustomerOfDeal());
        }
    }
}
