using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An organisation whose unrouted desk ("CrmCollab Unrouted", the setting's default) is kept by Quinn, a Logistics reviewer,
    /// with Eve, another dispatcher, at hand. Fiona, Contoso's Finance reviewer, is on leave when a custom deal reaches Develop,
    /// so its Finance review waits at the desk; Northwind's delivery, which nobody plans for, waits there too.
    /// </summary>
    public sealed class DeskOrg
    {
        public DeskOrg()
        {
            Quinn = Org.Setup.CreateUser("Quinn Dispatch", Org.Operations, "CrmCollab Reviewer", "CrmCollab Logistics");
            Eve = Org.Setup.CreateUser("Eve Dispatch", Org.Operations, "CrmCollab Reviewer", "CrmCollab Logistics");
            Desk = Org.System.Create(new Entity("queue") { ["name"] = "CrmCollab Unrouted", ["ownerid"] = new EntityReference("systemuser", Quinn) });
            (Guid _, Guid fiona, Guid _, Guid deal) = Org.CustomDealInQualify();
            Fiona = fiona;
            Deal = deal;
            Org.Setup.DisableUser(Fiona);
            Org.Engine.DrainAsync();
            Org.MoveTo(Deal, SalesStage.Develop);
            Org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            WonDeal = Org.Deal(Org.Account("Northwind")); // no dedicated logistics owner, no routing rule
            Org.Win(WonDeal);
            Assert.Equal(Quinn, Owner(FinanceReview()));
            Assert.Equal(Quinn, Owner(Delivery()));
        }

        public CrmCollabOrg Org { get; } = new CrmCollabOrg();
        public Guid Quinn { get; }
        public Guid Eve { get; }
        public Guid Fiona { get; }
        public Guid Desk { get; }
        /// <summary>The custom deal whose Finance review waits at the desk.</summary>
        public Guid Deal { get; }
        /// <summary>Northwind's won deal, whose delivery waits at the desk.</summary>
        public Guid WonDeal { get; }

        public Entity FinanceReview() =>
            Org.Row("crmc_feasibilityreview", Org.Review(Deal, BusinessFunction.Finance).Id, "ownerid", "crmc_decision", "crmc_routingpath", "crmc_routinghold");

        public Entity Delivery() => Org.HandoffOf(WonDeal, BusinessFunction.Logistics);

        public static Guid Owner(Entity row) => row.GetAttributeValue<EntityReference>("ownerid").Id;

        /// <summary>The queues the record waits in.</summary>
        public Guid[] QueuesOf(Guid record)
        {
            var query = new QueryExpression("queueitem") { ColumnSet = new ColumnSet("queueid") };
            query.Criteria.AddCondition("objectid", ConditionOperator.Equal, record);
            return Org.System.RetrieveMultiple(query).Entities.Select(i => i.GetAttributeValue<EntityReference>("queueid").Id).ToArray();
        }
    }
}
