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

        private void Reopen(bool bySetState) => Reopen(_contract, bySetState);

        private void Reopen(Guid handoff, bool bySetState)
        {
            if (bySetState)
                _org.As(_org.Admin).Execute(new SetStateRequest
                {
                    EntityMoniker = new EntityReference("task", handoff), State = new OptionSetValue(0), Status = new OptionSetValue(2),
                });
            else _org.As(_org.Admin).Update(new Entity("task", handoff) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(2) });
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

        /// <summary>
        /// Seed 1301 of the random operations: the contract was won with nobody doing Fabrikam's ADV work, so its salesperson
        /// held it, flagged unrouted; an administrator canceled it, made Bruno the account's ADV owner, and reopened it while
        /// Bruno was on leave. The reopen rightly left it with the salesperson, but wrote nothing (the holder did not change):
        /// no routing hold and the path of the win, so Bruno's return did not bring it to him.
        /// </summary>
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void A_contract_reopened_while_the_adv_owner_now_named_is_on_leave_goes_to_him_when_he_comes_back(bool bySetState)
        {
            Guid fabrikam = _org.Account("Fabrikam");
            Guid deal = _org.Deal(fabrikam);
            _org.Win(deal);
            Guid contract = _org.HandoffOf(deal, BusinessFunction.Adv).Id;
            Assert.Equal(_org.Rep, _org.Row("task", contract, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id); // nobody does the ADV work
            _org.As(_org.Admin).Update(new Entity("task", contract)
            {
                ["crmc_cancelreason"] = "Contract to be redone by the new ADV owner", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });
            _org.DedicatedOwner(fabrikam, BusinessFunction.Adv, user: _bruno);
            _org.Setup.DisableUser(_bruno);
            _org.Engine.DrainAsync();

            Reopen(contract, bySetState);

            Entity reopened = _org.Row("task", contract, "ownerid", "crmc_routingpath", "crmc_isunrouted");
            Assert.Equal(_org.Rep, reopened.GetAttributeValue<EntityReference>("ownerid").Id); // Bruno is on leave
            Assert.True(reopened.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Contains("when the handoff was reopened", reopened.GetAttributeValue<string>("crmc_routingpath"));

            _org.Setup.EnableUser(_bruno);
            _org.Engine.DrainAsync();

            Entity back = _org.Row("task", contract, "ownerid", "crmc_isunrouted");
            Assert.Equal(_bruno, back.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.False(back.GetAttributeValue<bool>("crmc_isunrouted"));
        }

        /// <summary>
        /// Random operations, seed 6491: the won deal was reopened and given a contact without an account as its customer,
        /// Alice left, and an administrator reopened the contract she had completed. The reopen routed nothing without an
        /// account, so the open contract stayed with Alice, disabled, and stayed there when the deal was given an account
        /// with nobody doing its ADV work and won again.
        /// </summary>
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void A_contract_reopened_on_a_deal_without_an_account_goes_to_the_deals_owner_not_to_the_adv_who_left(bool bySetState)
        {
            Guid manager = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.HandToAndReopen(_deal, manager);
            Guid contact = _org.As(manager).Create(new Entity("contact") { ["lastname"] = "Walker", ["firstname"] = "Sam" });
            _org.As(manager).Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("contact", contact) });
            _org.Setup.DisableUser(_alice);
            _org.Engine.DrainAsync();

            Reopen(bySetState);

            Entity contract = _org.Row("task", _contract, "ownerid", "crmc_routingpath", "crmc_isunrouted", "statecode");
            Assert.Equal(0, contract.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(manager, contract.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.True(contract.GetAttributeValue<bool>("crmc_isunrouted"));
            Assert.Contains("no account", contract.GetAttributeValue<string>("crmc_routingpath"));
        }
    }
}
