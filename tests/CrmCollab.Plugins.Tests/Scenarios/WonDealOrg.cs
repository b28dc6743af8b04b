using System;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>The set-up of the scenarios that reopen a won deal: who may reopen it, who delivers it, and the win.</summary>
    public static class WonDealOrg
    {
        /// <summary>
        /// Mia, a sales manager and CrmCollab Administrator; Lena, Contoso's logistics owner; a delivery template asking for
        /// the tracking number; and the rep's Contoso deal, won (its delivery routed to Lena).
        /// </summary>
        public static (Guid Manager, Guid Lena, Guid Contoso, Guid Deal) WonContosoDelivery(this CrmCollabOrg org)
        {
            Guid manager = org.Setup.CreateUser("Mia Manager", org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            Guid lena = org.User("Lena Logistics", "CrmCollab Logistics");
            org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            Guid contoso = org.Account("Contoso");
            org.DedicatedOwner(contoso, BusinessFunction.Logistics, user: lena);
            Guid deal = org.Deal(contoso);
            org.Win(deal);
            return (manager, lena, contoso, deal);
        }

        /// <summary>The rep hands the won deal to <paramref name="administrator"/> (a CrmCollab Administrator), who reopens it.</summary>
        public static void HandToAndReopen(this CrmCollabOrg org, Guid deal, Guid administrator)
        {
            var reference = new EntityReference("opportunity", deal);
            org.As(org.Rep).Execute(new AssignRequest { Target = reference, Assignee = new EntityReference("systemuser", administrator) });
            org.As(administrator).Execute(new SetStateRequest { EntityMoniker = reference, State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
        }
    }
}
