using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>An amendment is its author's proposal on one won deal, decided by an approver, and kept once decided.</summary>
    public class AmendmentShortcutScenarios
    {
        private static readonly string[] Touched = { "crmc_amendment", "opportunity", "task" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _oscar, _account, _deal;

        public AmendmentShortcutScenarios()
        {
            _oscar = _org.User("Oscar Reviewer", "CrmCollab Reviewer");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10, "crmc_contractnumber");
            _account = _org.Account("Contoso");
            _org.DedicatedOwner(_account, BusinessFunction.Adv, user: _org.User("Alice ADV", "CrmCollab ADV"));
            _deal = _org.Deal(_account, discount: 10m);
            _org.Win(_deal);
        }

        private decimal Discount(Guid deal) =>
            _org.Row("opportunity", deal, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent");

        [Fact]
        public void A_colleague_cannot_raise_an_amendment_on_another_salespersons_won_deal()
        {
            Guid sid = _org.User("Sid Sales", "CrmCollab Salesperson", _org.Sales); // same business unit: he reads the deal and may link to it
            var amendment = new Entity("crmc_amendment")
            {
                ["crmc_opportunityid"] = new EntityReference("opportunity", _deal), ["crmc_reason"] = "Customer asked me at the fair",
                ["crmc_newdiscountpercent"] = 25m, ["crmc_state"] = new OptionSetValue((int)AmendmentState.Submitted),
            };

            string refusal = _org.Refused(RefusalCodes.AmendmentDealOwnerOnly, () => _org.As(sid).Create(amendment), Touched);
            _org.Refused(RefusalCodes.AmendmentDealOwnerOnly, () => CrmCollabOrg.InExecuteMultiple(_org.As(sid), new CreateRequest { Target = amendment }), Touched);
            Assert.Contains("deal's owner", refusal);
            CrmCollabOrg.ShowsNoIdOrTypeName(refusal);

            _org.As(_org.Rep).Create(amendment); // the deal's salesperson raises it
            _org.As(_org.Admin).Create(amendment); // and so may a CrmCollab Administrator
        }

        [Fact]
        public void Only_its_author_submits_an_amendment_or_takes_it_back_to_draft()
        {
            Guid draft = _org.Amendment(_deal, discount: 30m, submit: false); // a first figure the salesperson has not settled yet
            var submit = new Entity("crmc_amendment", draft) { ["crmc_state"] = new OptionSetValue((int)AmendmentState.Submitted) };

            string refusal = _org.Refused(RefusalCodes.AmendmentAuthorOnly, () => _org.As(_oscar).Update(submit), Touched);
            _org.Refused(RefusalCodes.AmendmentAuthorOnly, () => CrmCollabOrg.InExecuteMultiple(_org.As(_oscar), new UpdateRequest { Target = submit }), Touched);
            Assert.Contains("submits it", refusal);
            CrmCollabOrg.ShowsNoIdOrTypeName(refusal);

            Guid submitted = _org.Amendment(_deal, discount: 7m);
            _org.Refused(RefusalCodes.AmendmentAuthorOnly, () => _org.As(_oscar).Update(new Entity("crmc_amendment", submitted)
            {
                ["crmc_state"] = new OptionSetValue((int)AmendmentState.Draft),
            }), Touched);

            _org.As(_org.Rep).Update(submit); // its author submits it
            Assert.Equal((int)AmendmentState.Submitted,
                _org.Row("crmc_amendment", draft, "crmc_state").GetAttributeValue<OptionSetValue>("crmc_state").Value);
        }

        [Fact]
        public void A_reviewer_cannot_rewrite_someone_elses_submitted_amendment()
        {
            Guid amendment = _org.Amendment(_deal, discount: 7m);
            var rewrite = new Entity("crmc_amendment", amendment) { ["crmc_newdiscountpercent"] = 45m };

            string refusal = _org.Refused(RefusalCodes.AmendmentAuthorOnly, () => _org.As(_oscar).Update(rewrite), Touched);
            _org.Refused(RefusalCodes.AmendmentAuthorOnly, () => CrmCollabOrg.InExecuteMultiple(_org.As(_oscar), new UpdateRequest { Target = rewrite }), Touched);
            // The approver decides the amendment as it is: no rewriting it in the same update.
            _org.Refused(RefusalCodes.AmendmentAuthorOnly, () => _org.As(_org.Admin).Update(new Entity("crmc_amendment", amendment)
            {
                ["crmc_newdiscountpercent"] = 45m, ["crmc_state"] = new OptionSetValue((int)AmendmentState.Approved),
            }), Touched);

            Assert.StartsWith("Only the person who raised this amendment can change its reason or proposed values", refusal);
            // Its author may, but not under the approver's eyes: what was submitted is what is decided on.
            _org.Refused(RefusalCodes.AmendmentSubmittedFrozen,
                () => _org.As(_org.Rep).Update(new Entity("crmc_amendment", amendment) { ["crmc_newdiscountpercent"] = 8m }), Touched);
            _org.As(_org.Rep).Update(new Entity("crmc_amendment", amendment)
            {
                ["crmc_newdiscountpercent"] = 8m, ["crmc_state"] = new OptionSetValue((int)AmendmentState.Draft),
            });
            Assert.NotNull(Record.Exception(() => _org.Decide(amendment, _org.Admin, AmendmentState.Approved))); // a draft is not decided
            _org.As(_org.Rep).Update(new Entity("crmc_amendment", amendment) { ["crmc_state"] = new OptionSetValue((int)AmendmentState.Submitted) });
            _org.Decide(amendment, _org.Admin, AmendmentState.Approved);
            Assert.Equal(8m, Discount(_deal));
        }

        [Fact]
        public void An_amendment_stays_on_its_deal_and_is_applied_only_while_that_deal_is_won()
        {
            Guid otherDeal = _org.Deal(_account, "Second line");
            _org.Win(otherDeal);
            Guid amendment = _org.Amendment(_deal, discount: 30m);

            string moved = _org.Refused(RefusalCodes.AmendmentDealFixed, () => _org.As(_org.Admin).Update(new Entity("crmc_amendment", amendment)
            {
                ["crmc_opportunityid"] = new EntityReference("opportunity", otherDeal), ["crmc_state"] = new OptionSetValue((int)AmendmentState.Approved),
            }), Touched);
            _org.Refused(RefusalCodes.AmendmentDealFixed, () => _org.As(_org.Rep).Update(new Entity("crmc_amendment", amendment)
            {
                ["crmc_opportunityid"] = new EntityReference("opportunity", otherDeal),
            }), Touched);
            // The deal is reopened by a sales manager who is also a CrmCollab Administrator (the only one allowed to).
            Guid manager = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.As(_org.Rep).Execute(new AssignRequest { Target = new EntityReference("opportunity", _deal), Assignee = new EntityReference("systemuser", manager) });
            _org.As(manager).Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(1),
            });
            string reopened = _org.Refused(RefusalCodes.AmendmentDealNotWon, () => _org.Decide(amendment, _org.Admin, AmendmentState.Approved), Touched);

            Assert.StartsWith("An amendment stays with the deal it was raised on.", moved);
            Assert.Contains("its deal is no longer won (it was reopened)", reopened);
            Assert.Equal(10m, Discount(_deal));
            Assert.Equal(10m, Discount(otherDeal));
        }

        [Fact]
        public void An_applied_amendment_cannot_be_deleted_it_is_the_deals_history()
        {
            Guid applied = _org.Amendment(_deal, discount: 7m);
            _org.Decide(applied, _org.Admin, AmendmentState.Approved);
            Guid draft = _org.Amendment(_deal, discount: 6m, submit: false);

            string refusal = _org.Refused(RefusalCodes.AmendmentIsHistory, () => _org.As(_org.Rep).Delete("crmc_amendment", applied), Touched);
            _org.Refused(RefusalCodes.AmendmentIsHistory, () => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Admin), new DeleteRequest
            {
                Target = new EntityReference("crmc_amendment", applied),
            }), Touched);

            Assert.Equal("This amendment is applied: it is the record of how the deal's agreed terms changed (or why they did not), " +
                "so it cannot be deleted. [CRMC-AMENDMENT-HISTORY]", refusal);
            _org.As(_org.Rep).Delete("crmc_amendment", draft); // a draft nobody decided may go
            Assert.Equal(7m, Discount(_deal));
        }
    }
}
