using System;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A completed contract handoff reopened by a CrmCollab Administrator (closed by mistake) is open work again: it shows
    /// the deal's terms as an amendment approved meanwhile made them, and goes to whoever now does the account's ADV work.
    /// Before, it came back with the old discount and with the person who closed it, though the account had another ADV owner.
    /// </summary>
    public class ReopenedHandoffScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _bruno, _row, _deal, _contract;

        public ReopenedHandoffScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _bruno = _org.User("Bruno ADV", "CrmCollab ADV");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid account = _org.Account("Contoso");
            _row = _org.DedicatedOwner(account, BusinessFunction.Adv, user: _alice);
            _deal = _org.Deal(account); // 10 % discount
            _org.Win(_deal);
            _contract = _org.HandoffOf(_deal, BusinessFunction.Adv).Id;
            _org.As(_alice).Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("task", _contract), State = new OptionSetValue(1), Status = new OptionSetValue(5),
            });
        }

        private void Reopen(bool bySetState)
        {
            if (bySetState)
                _org.As(_org.Admin).Execute(new SetStateRequest
                {
                    EntityMoniker = new EntityReference("task", _contract), State = new OptionSetValue(0), Status = new OptionSetValue(2),
                });
            else _org.As(_org.Admin).Update(new Entity("task", _contract) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(2) });
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void A_contract_reopened_after_an_amendment_shows_the_amended_terms(bool bySetState)
        {
            _org.Decide(_org.Amendment(_deal, discount: 7m), _org.Admin, AmendmentState.Approved);
            Assert.Contains("Discount: 10 %", _org.Row("task", _contract, "crmc_agreedterms").GetAttributeValue<string>("crmc_agreedterms")); // done as delivered

            Reopen(bySetState);

            Assert.Contains("Discount: 7 %", _org.Row("task", _contract, "crmc_agreedterms").GetAttributeValue<string>("crmc_agreedterms"));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void A_contract_reopened_after_the_account_changed_adv_owner_goes_to_the_new_owner(bool bySetState)
        {
            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", _row) { ["crmc_userid"] = new EntityReference("systemuser", _bruno) });
            _org.Engine.DrainAsync();
            Assert.Equal(_alice, _org.Row("task", _contract, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id); // closed: stays hers

            Reopen(bySetState);

            Entity contract = _org.Row("task", _contract, "ownerid", "crmc_routingpath", "crmc_isunrouted", "statecode");
            Assert.Equal(0, contract.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(_bruno, contract.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("when the handoff was reopened", contract.GetAttributeValue<string>("crmc_routingpath"));
            Assert.False(contract.GetAttributeValue<bool>("crmc_isunrouted"));
        }
    }
}
