using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>After the win the deal's terms change only through an approved amendment, applied everywhere at once.</summary>
    public class SourceOfTruthScenarios
    {
        private readonly CrmCollabOrg _org;
        private readonly Guid _alice, _lena, _finn, _deal;

        public SourceOfTruthScenarios() : this(new CrmCollabOrg()) { }

        private SourceOfTruthScenarios(CrmCollabOrg org)
        {
            _org = org;
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _finn = _org.User("Finn Finance", "CrmCollab Reviewer");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10, "crmc_contractnumber");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber,crmc_deliveredon");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: _alice);
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: _lena);
            _deal = _org.Deal(account, discount: 10m);
            _org.Win(_deal);
        }

        private decimal Discount() => _org.Row("opportunity", _deal, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent");

        private EntityCollection NotesOn(Guid task)
        {
            var query = new QueryExpression("annotation") { ColumnSet = new ColumnSet("notetext") };
            query.Criteria.AddCondition("objectid", ConditionOperator.Equal, task);
            return _org.System.RetrieveMultiple(query);
        }

        [Fact]
        public void A_won_deals_discount_change_through_the_api_is_refused_and_says_to_raise_an_amendment()
        {
            string refusal = CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 5m }));

            Assert.Contains("locked (Discount (%))", refusal);
            Assert.Contains("Raise an amendment", refusal);
            Assert.Contains("locked", CrmCollabOrg.Refusal(() => _org.System.Update(new Entity("opportunity", _deal) { ["estimatedvalue"] = new Money(1m) })));
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 10m, ["description"] = "Re-sent by an import" });
            Assert.Equal(10m, Discount());
        }

        [Fact]
        public void The_currency_of_a_won_deals_amount_is_locked_with_the_amount()
        {
            Guid Currency(string code, decimal rate) => _org.System.Create(new Entity("transactioncurrency")
            {
                ["currencyname"] = code, ["isocurrencycode"] = code, ["currencysymbol"] = code, ["exchangerate"] = rate, ["currencyprecision"] = 2,
            });
            Guid euro = Currency("EUR", 1m), dollar = Currency("USD", 1.1m);
            Guid deal = _org.Deal(_org.Account("Fabrikam"), "Spare parts", amount: 12000m);
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["transactioncurrencyid"] = new EntityReference("transactioncurrency", euro) });
            _org.Win(deal);
            Entity Priced(Guid currency) => new Entity("opportunity", deal) { ["transactioncurrencyid"] = new EntityReference("transactioncurrency", currency) };

            string refusal = CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Update(Priced(dollar)));
            Assert.Contains("locked (Currency)", refusal);
            Assert.Contains("Currency stays as the deal was won", refusal); // an amendment takes its deal's currency: none changes it
            Assert.Contains("locked (Currency)", CrmCollabOrg.Refusal(() => CrmCollabOrg.InUpsert(_org.As(_org.Admin), Priced(dollar))));

            _org.As(_org.Rep).Update(Priced(euro)); // re-sent as it is
            Assert.Equal(euro, _org.Row("opportunity", deal, "transactioncurrencyid").GetAttributeValue<EntityReference>("transactioncurrencyid").Id);
        }

        [Fact]
        public void Columns_listed_in_the_setting_are_locked_too_and_so_are_the_products()
        {
            _org.SetVariable("crmc_LockedTermsColumns", "description, estimatedclosedate");

            Assert.Contains("locked (Description)", CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["description"] = "New scope" })));
            Assert.Contains("products of a won opportunity", CrmCollabOrg.Refusal(() => _org.System.Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal), ["isproductoverridden"] = true,
                ["productdescription"] = "Extra spindle", ["quantity"] = 1m, ["priceperunit"] = new Money(100m),
            })));
        }

        [Fact]
        public void An_approved_amendment_changes_the_deal_and_refreshes_its_open_handoffs_with_a_note()
        {
            Entity adv = _org.HandoffOf(_deal, BusinessFunction.Adv);
            _org.As(_alice).Update(new Entity("task", adv.Id) { ["crmc_contractnumber"] = "C-1", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5) });
            Guid amendment = _org.Amendment(_deal, discount: 7m);

            _org.Decide(amendment, _org.Admin, AmendmentState.Approved);

            Assert.Equal(7m, Discount());
            Entity applied = _org.Row("crmc_amendment", amendment, "crmc_state", "crmc_approvedby", "crmc_approvedon", "crmc_appliedon");
            Assert.Equal((int)AmendmentState.Applied, applied.GetAttributeValue<OptionSetValue>("crmc_state").Value);
            Assert.Equal(_org.Admin, applied.GetAttributeValue<EntityReference>("crmc_approvedby").Id);
            Assert.Equal(_org.Engine.Clock.UtcNow.Date, applied.GetAttributeValue<DateTime>("crmc_appliedon").Date);
            Entity logistics = _org.HandoffOf(_deal, BusinessFunction.Logistics);
            Assert.Contains("Discount: 7 %", logistics.GetAttributeValue<string>("crmc_agreedterms"));
            Assert.Contains("Agreed terms amended: Amount", NotesOn(logistics.Id).Entities.Single().GetAttributeValue<string>("notetext"));
            Assert.Contains("Discount: 10 %", _org.HandoffOf(_deal, BusinessFunction.Adv).GetAttributeValue<string>("crmc_agreedterms")); // completed: as delivered
            Assert.Empty(NotesOn(adv.Id).Entities);
        }

        [Fact]
        public void The_deals_finance_reviewer_may_approve_but_not_another_reviewer()
        {
            Guid account = _org.Row("opportunity", _deal, "customerid").GetAttributeValue<EntityReference>("customerid").Id;
            Guid deal = _org.Deal(account, "Second line", discount: 10m);
            Guid review = _org.FinanceReview(deal, _finn); // reviewed by finance before the win (a review is never asked of a won deal)
            _org.As(_finn).Update(new Entity("crmc_feasibilityreview", review) { ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved) });
            _org.Win(deal);
            Guid other = _org.User("Oscar Reviewer", "CrmCollab Reviewer");
            Guid amendment = _org.Amendment(deal, discount: 8m);

            Assert.Contains("Only the deal's finance reviewer", CrmCollabOrg.Refusal(() => _org.Decide(amendment, other, AmendmentState.Approved)));
            _org.Decide(amendment, _finn, AmendmentState.Approved);

            Assert.Equal(8m, _org.Row("opportunity", deal, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent"));
        }

        [Fact]
        public void The_owner_of_a_finance_review_that_never_approved_the_terms_cannot_approve_amendments()
        {
            Guid account = _org.Row("opportunity", _deal, "customerid").GetAttributeValue<EntityReference>("customerid").Id;
            Guid deal = _org.Deal(account, "Second line", discount: 10m);
            _org.FinanceReview(deal, _finn); // asked, never decided (no rule required it: the deal is won without it)
            _org.Win(deal);
            Guid amendment = _org.Amendment(deal, discount: 30m);

            Assert.Contains("Only the deal's finance reviewer", CrmCollabOrg.Refusal(() => _org.Decide(amendment, _finn, AmendmentState.Approved)));
            Assert.Equal(10m, _org.Row("opportunity", deal, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent"));
        }

        [Fact]
        public void A_reviewer_handed_the_approved_finance_review_after_the_decision_did_not_vouch_for_the_terms()
        {
            Guid account = _org.Row("opportunity", _deal, "customerid").GetAttributeValue<EntityReference>("customerid").Id;
            Guid deal = _org.Deal(account, "Second line", discount: 10m);
            Guid review = _org.FinanceReview(deal, _finn);
            _org.As(_finn).Update(new Entity("crmc_feasibilityreview", review) { ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved) });
            _org.Win(deal);
            Guid frank = _org.User("Frank Finance", "CrmCollab Reviewer");
            _org.DedicatedOwner(account, BusinessFunction.Finance, user: frank, from: CrmCollabOrg.Start.Date.AddDays(1)); // a finance reviewer too
            _org.As(_org.Admin).Update(new Entity("crmc_feasibilityreview", review) { ["ownerid"] = new EntityReference("systemuser", frank) });
            Guid amendment = _org.Amendment(deal, discount: 30m);

            Assert.Contains("Only the deal's finance reviewer", CrmCollabOrg.Refusal(() => _org.Decide(amendment, frank, AmendmentState.Approved)));
            _org.Decide(amendment, _finn, AmendmentState.Approved); // who decided the review approves its amendments
            Assert.Equal(30m, _org.Row("opportunity", deal, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent"));
        }

        /// <summary>
        /// A salesperson who is also a finance reviewer (a dedicated Finance owner of the account) approves a colleague's
        /// deal, as they may: they never owned it. Once the deal is won it passes through her hands (handed to her, then
        /// back), or goes to the key accounts desk she belongs to; the colleague's amendment raising the discount is then
        /// approved by someone who owns, or has owned, the deal. The gate never counts a review approved by such a person
        /// (OwnDealApprovals); the amendment, the clearance of the won deal's new terms, is held to the same rule.
        /// Before, both approvals went through (while she held the deal the Assign's cascade made her the amendment's
        /// owner, refused as its requester, but not once it went back, nor through a team).
        /// </summary>
        [Theory]
        [InlineData("handed back")]
        [InlineData("desk team")]
        public void A_finance_reviewer_who_owns_or_has_owned_the_won_deal_does_not_approve_its_amendments(string path)
        {
            Guid account = _org.Row("opportunity", _deal, "customerid").GetAttributeValue<EntityReference>("customerid").Id;
            Guid nina = _org.Setup.CreateUser("Nina Sales", _org.Sales, "CrmCollab Salesperson", "CrmCollab Reviewer");
            _org.DedicatedOwner(account, BusinessFunction.Finance, user: nina); // she reviews this account's deals for Finance
            Guid deal = _org.Deal(account, "Second line", discount: 10m);
            Guid review = _org.FinanceReview(deal, nina);
            _org.As(nina).Update(new Entity("crmc_feasibilityreview", review) { ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved) });
            _org.Win(deal);
            Guid amendment = _org.Amendment(deal, discount: 30m);
            var opportunity = new EntityReference("opportunity", deal);

            if (path == "handed back")
            {
                _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["ownerid"] = new EntityReference("systemuser", nina) });
                _org.As(nina).Execute(new AssignRequest { Target = opportunity, Assignee = new EntityReference("systemuser", _org.Rep) });
            }
            else
            {
                Guid desk = _org.Setup.CreateTeam("Key accounts desk", _org.Sales, Emulator.Security.TeamType.Owner, "CrmCollab Salesperson");
                _org.Setup.AddMembers(desk, nina, _org.Rep);
                _org.As(_org.Rep).Execute(new AssignRequest { Target = opportunity, Assignee = new EntityReference("team", desk) });
            }
            string refusal = _org.Refused(RefusalCodes.AmendmentApprover, () => _org.Decide(amendment, nina, AmendmentState.Approved),
                "crmc_amendment", "opportunity", "task");

            Assert.Contains("You own this opportunity, or have owned it", refusal);
            Assert.Equal(10m, _org.Row("opportunity", deal, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent"));
            _org.Decide(amendment, _org.Admin, AmendmentState.Approved);
            Assert.Equal(30m, _org.Row("opportunity", deal, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent"));
        }

        [Fact]
        public void The_requester_cannot_approve_their_own_amendment()
        {
            Guid amendment = _org.Amendment(_deal, asUser: _org.Admin);

            Assert.Contains("someone else must approve", CrmCollabOrg.Refusal(() => _org.Decide(amendment, _org.Admin, AmendmentState.Approved)));
            Assert.Equal(10m, Discount());
        }

        [Fact]
        public void Amendments_need_a_reason_a_rejection_comment_and_only_crmcollab_marks_them_applied()
        {
            Assert.Contains("Give the reason", CrmCollabOrg.Refusal(() => _org.Amendment(_deal, reason: " ")));
            Guid amendment = _org.Amendment(_deal);
            Assert.Contains("cannot go from Submitted to Applied", CrmCollabOrg.Refusal(() => _org.Decide(amendment, _org.Admin, AmendmentState.Applied)));
            Assert.Contains("Say why you reject", CrmCollabOrg.Refusal(() => _org.Decide(amendment, _org.Admin, AmendmentState.Rejected)));

            _org.Decide(amendment, _org.Admin, AmendmentState.Rejected, "Margin too low");

            Assert.Contains("can no longer change", CrmCollabOrg.Refusal(() => _org.Decide(amendment, _org.Admin, AmendmentState.Approved)));
            Assert.Equal(10m, Discount());
        }

        [Fact]
        public void A_failure_while_refreshing_the_handoffs_leaves_the_deal_and_the_amendment_unchanged()
        {
            var failing = new SourceOfTruthScenarios(CrmCollabOrg.WithTestStep<RefuseAgreedTermsRefresh>(
                "Update", "task", Emulator.Metadata.StepStage.PreOperation, "crmc_agreedterms"));
            Guid amendment = failing._org.Amendment(failing._deal);

            Assert.Contains(RefuseAgreedTermsRefresh.Message, CrmCollabOrg.Refusal(() => failing._org.Decide(amendment, failing._org.Admin, AmendmentState.Approved)));

            Assert.Equal(10m, failing.Discount());
            Entity after = failing._org.Row("crmc_amendment", amendment, "crmc_state", "crmc_approvedby");
            Assert.Equal((int)AmendmentState.Submitted, after.GetAttributeValue<OptionSetValue>("crmc_state").Value);
            Assert.False(after.Contains("crmc_approvedby"));
            Assert.All(failing._org.HandoffTasks(failing._deal).Entities, t => Assert.Contains("Discount: 10 %", t.GetAttributeValue<string>("crmc_agreedterms")));
        }
    }

    /// <summary>Test-only step: refuses any refresh of a task's agreed terms, as a failing downstream rule would.</summary>
    public sealed class RefuseAgreedTermsRefresh : IPlugin
    {
        public const string Message = "Test refusal of the agreed terms refresh.";

        public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException(Message);
    }
}
