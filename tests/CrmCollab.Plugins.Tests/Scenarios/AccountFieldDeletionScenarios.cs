using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A won deal sold to a buyer (a contact) names the buyer's company in its Account field: an agreed term (locked after
    /// the win) and the account its handoffs are routed by. The salesperson deletes that account (the Salesperson role
    /// deletes its own accounts): the won-deal rule asked only whether the account was a deal's customer, so the delete
    /// went through and the platform cleared the won deal's Account field below the pipeline — the agreed term changed
    /// without an amendment, and the deal's handoffs lost the account they route by. The same for the contact a won deal
    /// names as its Contact.
    /// </summary>
    public class AccountFieldDeletionScenarios
    {
        private static readonly string[] Touched = { "account", "contact", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _account, _buyer, _deal;

        public AccountFieldDeletionScenarios()
        {
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _account = _org.Account("Contoso");
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _org.User("Lena Logistics", "CrmCollab Logistics"));
            _buyer = _org.As(_org.Rep).Create(new Entity("contact") { ["firstname"] = "Uta", ["lastname"] = "Weber" });
            _deal = _org.As(_org.Rep).Create(new Entity("opportunity")
            {
                ["name"] = "Line 4 retrofit",
                ["customerid"] = new EntityReference("contact", _buyer),
                ["parentaccountid"] = new EntityReference("account", _account),
                ["estimatedvalue"] = new Money(80000m),
                ["crmc_discountpercent"] = 10m,
                ["crmc_paymentterms"] = new OptionSetValue(100000000),
                ["customerneed"] = "Replace the packaging line",
                ["decisionmaker"] = true,
                ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(45),
                ["budgetamount"] = new Money(80000m),
            });
        }

        private EntityReference AccountFieldOfTheDeal() =>
            _org.System.Retrieve("opportunity", _deal, new ColumnSet("parentaccountid")).GetAttributeValue<EntityReference>("parentaccountid");

        [Fact]
        public void A_salesperson_cannot_delete_the_account_a_won_deal_names_in_its_account_field()
        {
            _org.Win(_deal);
            IOrganizationService rep = _org.As(_org.Rep);

            string message = _org.Refused(RefusalCodes.DeleteWonNotAllowed, () => rep.Delete("account", _account), Touched);
            _org.Refused(RefusalCodes.DeleteWonNotAllowed,
                () => CrmCollabOrg.InExecuteMultiple(rep, new DeleteRequest { Target = new EntityReference("account", _account) }), Touched);

            Assert.Equal("Won deals name this record as their Account or Contact: deleting it would clear that agreed term without an amendment, " +
                "and leave their handoffs without the account they are routed by. Deactivate it instead, or ask your CrmCollab administrator " +
                "if it really must go. [CRMC-DEAL-DELETE-WON-ADMIN-ONLY]", message);
            Assert.Equal(_account, AccountFieldOfTheDeal().Id);
        }

        [Fact]
        public void A_salesperson_cannot_delete_the_contact_a_won_deal_names_as_its_contact()
        {
            Guid buyer2 = _org.As(_org.Rep).Create(new Entity("contact") { ["firstname"] = "Jan", ["lastname"] = "Berg" });
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["parentcontactid"] = new EntityReference("contact", buyer2) });
            _org.Win(_deal);

            _org.Refused(RefusalCodes.DeleteWonNotAllowed, () => _org.As(_org.Rep).Delete("contact", buyer2), Touched);
        }

        [Fact]
        public void An_account_only_open_deals_name_in_their_account_field_is_deleted_as_before()
        {
            _org.As(_org.Rep).Delete("account", _account);

            Assert.Null(AccountFieldOfTheDeal());
        }
    }
}
