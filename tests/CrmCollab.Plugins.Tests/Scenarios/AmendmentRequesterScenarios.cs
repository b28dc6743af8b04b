using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An amendment's requester is whoever raised it (its Created By, which only the platform writes), not whoever owns it
    /// now: a won deal handed to its sales manager (a CrmCollab Administrator) takes its amendments with it by cascade, and
    /// the manager must still approve the one the rep asked for; the manager's own request stays someone else's to decide,
    /// whoever it is given to.
    /// </summary>
    public class AmendmentRequesterScenarios
    {
        private static readonly string[] Touched = { "crmc_amendment", "opportunity", "task" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _mia, _deal;

        public AmendmentRequesterScenarios() => (_mia, _, _, _deal) = _org.WonContosoDelivery();

        private EntityReference Mia => new EntityReference("systemuser", _mia);

        private Guid OwnerOf(Guid amendment) => _org.Row("crmc_amendment", amendment, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id;

        private AmendmentState StateOf(Guid amendment) =>
            (AmendmentState)_org.Row("crmc_amendment", amendment, "crmc_state").GetAttributeValue<OptionSetValue>("crmc_state").Value;

        [Theory]
        [InlineData("Assign the deal")]
        [InlineData("Update the deal's owner")]
        [InlineData("Assign the amendment")]
        [InlineData("Update the amendment's owner")]
        public void An_administrator_given_a_won_deal_approves_the_amendment_its_rep_requested(string handOver)
        {
            Guid amendment = _org.Amendment(_deal, discount: 12m);
            switch (handOver)
            {
                case "Assign the deal":
                    _org.As(_org.Rep).Execute(new AssignRequest { Target = new EntityReference("opportunity", _deal), Assignee = Mia });
                    break;
                case "Update the deal's owner":
                    _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["ownerid"] = Mia });
                    break;
                case "Assign the amendment":
                    _org.As(_mia).Execute(new AssignRequest { Target = new EntityReference("crmc_amendment", amendment), Assignee = Mia });
                    break;
                default:
                    _org.As(_mia).Update(new Entity("crmc_amendment", amendment) { ["ownerid"] = Mia });
                    break;
            }
            Assert.Equal(_mia, OwnerOf(amendment));

            _org.Decide(amendment, _mia, AmendmentState.Approved);

            Assert.Equal(AmendmentState.Applied, StateOf(amendment));
            Assert.Equal(12m, _org.Row("opportunity", _deal, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent"));
        }

        [Fact]
        public void An_administrators_own_amendment_given_to_the_rep_or_raised_in_the_reps_name_is_still_not_theirs_to_approve()
        {
            IOrganizationService mia = _org.As(_mia);
            Guid given = _org.Amendment(_deal, discount: 12m, asUser: _mia);
            mia.Execute(new AssignRequest { Target = new EntityReference("crmc_amendment", given), Assignee = new EntityReference("systemuser", _org.Rep) });
            Guid raisedAsRep = mia.Create(new Entity("crmc_amendment")
            {
                ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
                ["crmc_reason"] = "Customer asked for a bigger discount",
                ["crmc_newdiscountpercent"] = 13m,
                ["crmc_state"] = new OptionSetValue((int)AmendmentState.Submitted),
                ["ownerid"] = new EntityReference("systemuser", _org.Rep),
                ["createdby"] = new EntityReference("systemuser", _org.Rep), // the platform's column: not the client's to write
            });

            foreach (Guid amendment in new[] { given, raisedAsRep })
            {
                string refusal = _org.RefusedNamingNoId(RefusalCodes.AmendmentApprover, () => _org.Decide(amendment, _mia, AmendmentState.Approved), Touched);
                Assert.StartsWith("You requested this amendment, so someone else must approve it", refusal);
            }
            // Another administrator decides them.
            Guid other = _org.Setup.CreateUser("Oscar Ops", _org.Sales, "CrmCollab Administrator");
            _org.Decide(given, other, AmendmentState.Rejected, "Not agreed with the customer");
            Assert.Equal(AmendmentState.Rejected, StateOf(given));
        }
    }
}
