using System;
using System.Collections.Generic;
using System.ServiceModel;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A script or an integration updating a won deal together with its related rows in one request (Entity.RelatedEntities,
    /// Microsoft's "Update related table rows in one operation"): each related row meets the rules its own Update meets,
    /// and a refusal of any of them leaves the deal as it was.
    /// </summary>
    public class DeepUpdateScenarios
    {
        private static readonly string[] Touched = { "opportunity", "opportunityproduct", "crmc_feasibilityreview", "task" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _adele, _mia, _max, _deal, _line;

        public DeepUpdateScenarios()
        {
            Guid account;
            (_lena, _fiona, account, _deal) = _org.CustomDealAwaitingReviews();
            _line = _org.As(_org.Rep).Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal), ["isproductoverridden"] = true,
                ["productdescription"] = "Extra spindle", ["quantity"] = 5m, ["priceperunit"] = new Money(100m),
            });
            _org.ApproveBothReviews(_lena, _fiona, _deal);
            _adele = _org.User("Adele ADV", "CrmCollab ADV");
            _org.Template("Order the pallets", BusinessFunction.Adv, 2, 1);
            _org.Rule("ADV desk", BusinessFunction.Adv, _adele);
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal);
            // A sales manager who is also a CrmCollab administrator; a salesperson who also works at the ADV desk.
            _mia = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _max = _org.Setup.CreateUser("Max Desk", _org.Sales, "CrmCollab Salesperson", "CrmCollab ADV");
            // The salesperson shares the deal with both, so they may update it.
            foreach (Guid colleague in new[] { _mia, _max })
                _org.As(_org.Rep).Execute(new GrantAccessRequest
                {
                    Target = new EntityReference("opportunity", _deal),
                    PrincipalAccess = new PrincipalAccess
                    {
                        Principal = new EntityReference("systemuser", colleague), AccessMask = AccessRights.ReadAccess | AccessRights.WriteAccess,
                    },
                });
        }

        private Guid Handoff => _org.HandoffOf(_deal, BusinessFunction.Adv).Id;
        private Guid Finance => _org.Review(_deal, BusinessFunction.Finance).Id;

        /// <summary>
        /// <paramref name="row"/> sent alone by <paramref name="who"/> is refused; sent as a related row of the deal's Update
        /// (with a column of the deal's own that is not locked), it is refused the same way and nothing changes.
        /// </summary>
        private void RefusedAsAlone(IOrganizationService who, string relationship, Func<Entity> row)
        {
            string before = _org.Tables(Touched);
            string alone = Assert.Throws<FaultException<OrganizationServiceFault>>(() => who.Update(row())).Detail.Message;
            Assert.Equal(before, _org.Tables(Touched));
            var deal = new Entity("opportunity", _deal) { ["description"] = "Customer asked for a follow-up call" };
            deal.RelatedEntities[new Relationship(relationship)] = new EntityCollection(new List<Entity> { row() });

            string together = Assert.Throws<FaultException<OrganizationServiceFault>>(() => who.Update(deal)).Detail.Message;

            Assert.True(Refusal.CodeOf(alone) == Refusal.CodeOf(together), alone + " / " + together);
            Assert.Equal(before, _org.Tables(Touched));
        }

        [Fact]
        public void A_won_deals_description_can_still_be_updated_by_its_salesperson()
        {
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["description"] = "Customer asked for a follow-up call" });

            Assert.Equal("Customer asked for a follow-up call", _org.Row("opportunity", _deal, "description")["description"]);
        }

        [Fact]
        public void A_handoffs_server_owned_columns_cannot_be_changed_through_its_deals_update()
        {
            foreach (string relationship in new[] { "crmc_opportunity_task_opportunityid", "Opportunity_Tasks" })
            {
                RefusedAsAlone(_org.As(_mia), relationship, () => new Entity("task", Handoff) { ["crmc_handoffkey"] = "adv-forged" });
                RefusedAsAlone(_org.As(_mia), relationship, () => new Entity("task", Handoff) { ["scheduledend"] = CrmCollabOrg.Start.AddDays(90) });
            }
        }

        [Fact]
        public void A_handoff_cannot_be_given_to_the_salesperson_through_its_deals_update()
        {
            // Adele shares her handoff with Max, who may then update it and give it away, but only to someone at the ADV desk.
            _org.As(_adele).Execute(new GrantAccessRequest
            {
                Target = new EntityReference("task", Handoff),
                PrincipalAccess = new PrincipalAccess
                {
                    Principal = new EntityReference("systemuser", _max),
                    AccessMask = AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.AssignAccess,
                },
            });
            foreach (string relationship in new[] { "crmc_opportunity_task_opportunityid", "Opportunity_Tasks" })
                RefusedAsAlone(_org.As(_max), relationship, () => new Entity("task", Handoff) { ["ownerid"] = new EntityReference("systemuser", _org.Rep) });
        }

        [Fact]
        public void A_won_deals_review_cannot_be_decided_again_through_the_deals_update()
        {
            const string reviews = "crmc_opportunity_crmc_feasibilityreview_opportunityid";
            Entity Reject() => new Entity("crmc_feasibilityreview", Finance)
            {
                ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Rejected), ["crmc_rejectionreason"] = "Margin too low after all",
            };

            RefusedAsAlone(_org.As(_org.Rep), reviews, Reject);
            RefusedAsAlone(_org.As(_mia), reviews, Reject);
            RefusedAsAlone(_org.As(_mia), reviews, () => new Entity("crmc_feasibilityreview", Finance) { ["crmc_duedate"] = CrmCollabOrg.Start.AddDays(30) });
        }

        [Fact]
        public void A_won_deals_agreed_product_line_cannot_be_changed_through_the_deals_update()
        {
            RefusedAsAlone(_org.As(_org.Rep), "product_opportunities", () => new Entity("opportunityproduct", _line) { ["quantity"] = 50m });
            RefusedAsAlone(_org.As(_mia), "product_opportunities", () => new Entity("opportunityproduct", _line) { ["priceperunit"] = new Money(1m) });
        }
    }
}
