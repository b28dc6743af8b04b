using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Data
{
    /// <summary>
    /// The deals a customer's owner change reaches: its own (opportunity_customer_accounts and _contacts: Assign Cascade)
    /// and, for an account, those of the contacts whose company it is, which the account's Assign cascades to first
    /// (contact_customer_accounts: Assign Cascade, powerapps-docs account.md) and on to their deals. Not followed: a contact
    /// whose company is one of those contacts (contact_customer_contacts cascades as well), a chain no CrmCollab deal is
    /// known to use.
    /// </summary>
    public static class CustomerDeals
    {
        private const string ContactAlias = "crmc_customercontact";

        /// <summary>
        /// Keeps the query to the customer's deals: <paramref name="deal"/> is the link to opportunity, or null when the
        /// query is on opportunity itself. An account's is one outer link more and an either-or condition (one query still).
        /// </summary>
        public static void Restrict(QueryExpression query, LinkEntity deal, EntityReference customer)
        {
            if (customer.LogicalName != Account.Table)
            {
                (deal?.LinkCriteria ?? query.Criteria).AddCondition(Opportunity.CustomerId, ConditionOperator.Equal, customer.Id);
                return;
            }
            var contact = new LinkEntity(Opportunity.Table, Contact.Table, Opportunity.CustomerId, Contact.Id, JoinOperator.LeftOuter)
            {
                EntityAlias = ContactAlias,
            };
            (deal?.LinkEntities ?? query.LinkEntities).Add(contact);
            var either = new FilterExpression(LogicalOperator.Or);
            either.AddCondition(deal?.EntityAlias, Opportunity.CustomerId, ConditionOperator.Equal, customer.Id);
            either.AddCondition(ContactAlias, Contact.ParentCustomerId, ConditionOperator.Equal, customer.Id);
            query.Criteria.AddFilter(either);
        }
    }
}
