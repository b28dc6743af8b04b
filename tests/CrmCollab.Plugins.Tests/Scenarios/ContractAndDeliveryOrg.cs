using System;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Contoso with its ADV (Alice) and logistics (Lena) contacts, a contract template asking for the contract number, a
    /// delivery template asking for the tracking number and the delivery date, and one open deal: the handoff scenarios' set-up.
    /// </summary>
    public sealed class ContractAndDeliveryOrg
    {
        public ContractAndDeliveryOrg() : this(new CrmCollabOrg()) { }

        /// <summary>The same set-up on <paramref name="org"/> (an organisation customised by the scenario).</summary>
        public ContractAndDeliveryOrg(CrmCollabOrg org)
        {
            Org = org;
            Alice = Org.User("Alice ADV", "CrmCollab ADV");
            Lena = Org.User("Lena Logistics", "CrmCollab Logistics");
            Contract = Org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10, "crmc_contractnumber");
            Delivery = Org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber,crmc_deliveredon");
            Guid account = Org.Account("Contoso");
            Org.DedicatedOwner(account, BusinessFunction.Adv, user: Alice);
            Org.DedicatedOwner(account, BusinessFunction.Logistics, user: Lena);
            Deal = Org.Deal(account);
        }

        public CrmCollabOrg Org { get; }
        public Guid Alice { get; }
        public Guid Lena { get; }
        public Guid Contract { get; }
        public Guid Delivery { get; }
        public Guid Deal { get; }

        /// <summary>A task completed (1, 5), canceled (2, 6) or reopened (0, 2) by SetState.</summary>
        public static OrganizationRequest Close(Guid task, int state, int status) => new SetStateRequest
        {
            EntityMoniker = new EntityReference("task", task), State = new OptionSetValue(state), Status = new OptionSetValue(status),
        };
    }
}
