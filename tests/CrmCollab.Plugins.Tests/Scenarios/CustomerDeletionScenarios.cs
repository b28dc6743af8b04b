using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Deleting a customer deletes its deals (Dataverse cascades the delete to the opportunities of an account or a
    /// contact), so a salesperson cannot erase a won deal and its handoffs by deleting its account.
    /// </summary>
    public class CustomerDeletionScenarios
    {
        private static readonly string[] Touched = { "account", "opportunity", "task", "opportunityclose" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _account, _deal;

        public CustomerDeletionScenarios()
        {
            Guid lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _account = _org.Account("Contoso");
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: lena);
            _deal = _org.Deal(_account);
        }

        private bool Exists(string table, Guid id) => _org.System.RetrieveMultiple(new QueryExpression(table)
        {
            ColumnSet = new ColumnSet(false),
            Criteria = { Conditions = { new ConditionExpression(table + "id", ConditionOperator.Equal, id) } },
        }).Entities.Count == 1;

        [Fact]
        public void A_salesperson_cannot_delete_the_account_of_a_won_deal_on_any_path()
        {
            _org.Win(_deal);
            IOrganizationService rep = _org.As(_org.Rep);

            string message = _org.Refused(RefusalCodes.DeleteWonNotAllowed, () => rep.Delete("account", _account), Touched);
            _org.Refused(RefusalCodes.DeleteWonNotAllowed,
                () => CrmCollabOrg.InExecuteMultiple(rep, new DeleteRequest { Target = new EntityReference("account", _account) }), Touched);
            _org.Refused(RefusalCodes.DeleteWonNotAllowed,
                () => CrmCollabOrg.InExecuteTransaction(rep, new DeleteRequest { Target = new EntityReference("account", _account) }), Touched);

            Assert.StartsWith("This customer has won deals: deleting it would delete them too", message);
            Assert.True(Exists("opportunity", _deal));
        }

        /// <summary>A contact of the account (its company): deleting the account deletes the contact (contact_customer_accounts: Delete Cascade).</summary>
        private Guid ContactOf(Guid account, string lastName) => _org.As(_org.Rep).Create(new Entity("contact")
        {
            ["lastname"] = lastName,
            ["parentcustomerid"] = new EntityReference("account", account),
        });

        [Fact]
        public void A_salesperson_cannot_delete_an_account_whose_contact_is_the_customer_of_a_won_deal()
        {
            // The buyer signs in their own name; the deal names the group's purchasing company as its Account.
            Guid buyer = ContactOf(_account, "Buyer");
            Guid group = _org.Account("Contoso Group");
            Guid deal = _org.As(_org.Rep).Create(new Entity("opportunity")
            {
                ["name"] = "Spare parts contract",
                ["customerid"] = new EntityReference("contact", buyer),
                ["parentaccountid"] = new EntityReference("account", group),
                ["estimatedvalue"] = new Money(20000m),
                ["crmc_discountpercent"] = 5m,
                ["crmc_paymentterms"] = new OptionSetValue(100000000),
                ["customerneed"] = "Spare parts for a year",
                ["decisionmaker"] = true,
                ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(30),
                ["budgetamount"] = new Money(20000m),
            });
            _org.Win(deal);
            IOrganizationService rep = _org.As(_org.Rep);
            string[] touched = { "account", "contact", "opportunity", "task", "opportunityclose" };

            // Before: the account went, its contact with it, and the contact's won deal with its handoffs and close.
            string message = _org.Refused(RefusalCodes.DeleteWonNotAllowed, () => rep.Delete("account", _account), touched);
            _org.Refused(RefusalCodes.DeleteWonNotAllowed,
                () => CrmCollabOrg.InExecuteTransaction(rep, new DeleteRequest { Target = new EntityReference("account", _account) }), touched);

            Assert.StartsWith("Contacts of this account are the customers of won deals", message);
            Assert.True(Exists("contact", buyer));
            Assert.True(Exists("opportunity", deal));
        }

        [Fact]
        public void A_salesperson_cannot_delete_an_account_whose_contact_a_won_deal_names_as_its_contact()
        {
            Guid buyer = ContactOf(_account, "Buyer");
            _org.System.Update(new Entity("opportunity", _deal) { ["parentcontactid"] = new EntityReference("contact", buyer) });
            Guid other = _org.Account("Fabrikam");
            _org.System.Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", other) });
            _org.Win(_deal);

            // Before: the contact went with the account, and the platform cleared the won deal's Contact.
            _org.Refused(RefusalCodes.DeleteWonNotAllowed, () => _org.As(_org.Rep).Delete("account", _account),
                "account", "contact", "opportunity");

            Assert.True(Exists("contact", buyer));
        }

        [Fact]
        public void An_account_whose_contacts_have_only_open_deals_goes_with_them()
        {
            Guid buyer = ContactOf(_account, "Buyer");
            _org.System.Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("contact", buyer) });

            _org.As(_org.Rep).Delete("account", _account);

            Assert.False(Exists("contact", buyer));
            Assert.False(Exists("opportunity", _deal));
        }

        [Fact]
        public void An_account_with_open_deals_only_goes_with_its_deals()
        {
            _org.As(_org.Rep).Delete("account", _account);

            Assert.False(Exists("account", _account));
            Assert.False(Exists("opportunity", _deal)); // the documented cascade of opportunity_customer_accounts
        }

        [Fact]
        public void A_crmcollab_administrator_may_delete_the_account_of_a_won_deal()
        {
            _org.Win(_deal);
            Guid boss = _org.Setup.CreateUser("Bea Boss", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.System.Execute(new AssignRequest { Target = new EntityReference("account", _account), Assignee = new EntityReference("systemuser", boss) });

            _org.As(boss).Delete("account", _account);

            Assert.False(Exists("account", _account));
            Assert.False(Exists("opportunity", _deal));
        }
    }
}
