using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Every path to a later stage or a close, tried as the person who would try it: refused with a message naming
    /// what blocks (and its code), and nothing written.
    /// </summary>
    public class OpportunityPathScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _account, _deal;

        public OpportunityPathScenarios()
        {
            (_lena, _fiona, _account, _deal) = _org.CustomDealAwaitingReviews();
        }

        private void ApproveBoth() => _org.ApproveBothReviews(_lena, _fiona, _deal);

        private string Refused(Action attempt, string code)
        {
            var before = TableSnapshot.Take(_org.System);
            string message = CrmCollabOrg.Refusal(attempt);
            Assert.Equal(code, Refusal.CodeOf(message));
            before.AssertUnchanged(_org.System);
            return message;
        }

        private int State(Guid deal) => _org.System.Retrieve("opportunity", deal, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value;

        [Fact]
        public void A_deal_cannot_be_created_already_won_or_lost()
        {
            foreach (int state in new[] { 1, 2 })
            {
                string message = Refused(() => _org.As(_org.Rep).Create(new Entity("opportunity")
                {
                    ["name"] = "Imported as won", ["customerid"] = new EntityReference("account", _account),
                    ["estimatedvalue"] = new Money(90000m), ["crmc_iscustomsolution"] = true, ["statecode"] = new OptionSetValue(state),
                }), RefusalCodes.CreatedClosed);
                Assert.Contains("Create it open, then close it with Close as Won", message);
            }
        }

        [Fact]
        public void Back_to_qualify_with_a_new_discount_the_deal_cannot_be_won_until_finance_reviews_the_new_terms()
        {
            ApproveBoth();
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.MoveTo(_deal, SalesStage.Qualify);
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 18m });
            // The finance approval no longer stands and, below Develop, no new review was requested.
            Assert.Equal((int)ReviewDecision.Invalidated, _org.Reviews(_deal).Entities
                .Where(r => r.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)BusinessFunction.Finance)
                .Select(r => r.GetAttributeValue<OptionSetValue>("crmc_decision").Value).Single());

            string message = Refused(() => _org.Win(_deal, drain: false), RefusalCodes.GateReviewMissing);

            Assert.Contains("cannot be won", message);
            Assert.Contains("needs feasibility reviews from Finance", message);
            Assert.DoesNotContain("Logistics", message);
            Assert.Equal(0, State(_deal));
        }

        [Fact]
        public void A_rule_activated_after_the_deal_was_cleared_holds_the_win_and_its_review_is_requested()
        {
            ApproveBoth();
            _org.MoveTo(_deal, SalesStage.Propose);
            Guid engineer = _org.User("Ezra Engineering", "CrmCollab Reviewer");
            _org.DedicatedOwner(_account, BusinessFunction.Engineering, user: engineer);
            _org.FeasibilityRule("Custom above 50k: engineering", BusinessFunction.Engineering, "crmc_iscustomsolution");

            // Before the rule's job has run, the gate already computes Engineering as required.
            Assert.Contains("Engineering", Refused(() => _org.Win(_deal, drain: false), RefusalCodes.GateReviewMissing));

            _org.Engine.DrainAsync();
            Entity requested = _org.Review(_deal, BusinessFunction.Engineering);
            Assert.Equal(engineer, requested.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("Engineering pending (Ezra Engineering", Refused(() => _org.Win(_deal, drain: false), RefusalCodes.GateNotCleared));

            _org.Decide(engineer, requested, ReviewDecision.Approved);
            _org.Win(_deal, drain: false);
            Assert.Equal(1, State(_deal));
        }

        [Fact]
        public void Moving_the_deal_to_an_account_whose_industry_needs_engineering_requests_that_review_and_holds_the_win()
        {
            Guid engineer = _org.User("Ezra Engineering", "CrmCollab Reviewer");
            Guid retailer = _org.Account("Litware Stores", industry: 27);
            _org.DedicatedOwner(retailer, BusinessFunction.Engineering, user: engineer);
            _org.DedicatedOwner(retailer, BusinessFunction.Logistics, user: _lena);
            _org.DedicatedOwner(retailer, BusinessFunction.Finance, user: _fiona);
            _org.As(_org.Admin).Create(new Entity("crmc_feasibilityrule")
            {
                ["crmc_name"] = "Retail: engineering", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Engineering),
                ["crmc_industrycode"] = new OptionSetValue(27), ["crmc_triggerstage"] = new OptionSetValue(SalesStage.Develop),
                ["crmc_gatestage"] = new OptionSetValue(SalesStage.Propose), ["crmc_slahours"] = 24,
                ["crmc_relevantcolumns"] = "estimatedvalue", ["crmc_isactive"] = true,
            });
            _org.Engine.DrainAsync();
            ApproveBoth();
            _org.MoveTo(_deal, SalesStage.Propose);

            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", retailer) });

            Assert.Equal(engineer, _org.Review(_deal, BusinessFunction.Engineering).GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("Engineering pending", Refused(() => _org.Win(_deal, drain: false), RefusalCodes.GateNotCleared));
        }

        [Fact]
        public void A_pending_review_the_deal_no_longer_needs_is_withdrawn_with_its_reason_and_no_longer_blocks()
        {
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["estimatedvalue"] = new Money(30000m), ["budgetamount"] = new Money(30000m) });

            var reviews = _org.System.RetrieveMultiple(new QueryExpression("crmc_feasibilityreview")
            {
                ColumnSet = new ColumnSet("crmc_decision", "crmc_withdrawalreason"),
                Criteria = { Conditions = { new ConditionExpression("crmc_opportunityid", ConditionOperator.Equal, _deal) } },
            }).Entities;
            Assert.Equal(2, reviews.Count);
            Assert.All(reviews, r => Assert.Equal((int)ReviewDecision.Withdrawn, r.GetAttributeValue<OptionSetValue>("crmc_decision").Value));
            Assert.All(reviews, r => Assert.Contains("no longer meets any", r.GetAttributeValue<string>("crmc_withdrawalreason")));

            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);
            Assert.Equal(1, State(_deal));
        }

        [Fact]
        public void Only_a_crmcollab_administrator_reopens_a_won_deal_its_terms_stay_locked_and_a_rewin_refreshes_the_handoffs()
        {
            _org.Template("Book the carrier", BusinessFunction.Logistics, 5, 1);
            ApproveBoth();
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal);
            Assert.NotNull(_org.System.Retrieve("opportunity", _deal, new ColumnSet("crmc_wonon")).GetAttributeValue<DateTime?>("crmc_wonon"));

            var reopen = new SetStateRequest { EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1) };
            Assert.Contains("only by a CrmCollab Administrator", Refused(() => _org.As(_org.Rep).Execute(reopen), RefusalCodes.ReopenNotAllowed));
            Refused(() => _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["statecode"] = new OptionSetValue(0) }), RefusalCodes.ReopenNotAllowed);
            Refused(() => _org.As(_org.Rep).Execute(new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection { reopen } }), RefusalCodes.ReopenNotAllowed);

            Guid boss = _org.Setup.CreateUser("Bea Boss", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            var toBoss = new AssignRequest { Target = new EntityReference("opportunity", _deal), Assignee = new EntityReference("systemuser", boss) };
            _org.As(_org.Rep).Execute(toBoss);
            _org.As(boss).Execute(reopen);
            Assert.Equal(0, State(_deal));
            _org.As(boss).Execute(new AssignRequest { Target = toBoss.Target, Assignee = new EntityReference("systemuser", _org.Rep) });
            Refused(() => _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 25m }), RefusalCodes.TermsLocked);
            Refused(() => _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_wonon"] = null }), RefusalCodes.ServerOwnedColumn);

            // A task whose terms drifted (say, edited in an import) is realigned by the re-win.
            Entity task = _org.HandoffTasks(_deal).Entities.Single();
            _org.System.Update(new Entity("task", task.Id) { ["crmc_agreedterms"] = "stale" });
            _org.Win(_deal);
            string terms = _org.HandoffTasks(_deal).Entities.Single().GetAttributeValue<string>("crmc_agreedterms");
            Assert.NotEqual("stale", terms);
            Assert.Contains("80", terms);
        }

        [Fact]
        public void A_product_line_cannot_be_moved_onto_a_won_deal()
        {
            ApproveBoth();
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);
            Guid other = _org.CustomDeal(_account);
            // As an integration (SYSTEM) would: no privilege question, only the rule.
            Guid line = _org.System.Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", other), ["isproductoverridden"] = true,
                ["productdescription"] = "Extra spindle", ["quantity"] = 1m, ["priceperunit"] = new Money(100m),
            });

            string message = Refused(() => _org.System.Update(new Entity("opportunityproduct", line)
            {
                ["opportunityid"] = new EntityReference("opportunity", _deal),
            }), RefusalCodes.ProductsLocked);
            Assert.Contains("stay as they were won", message);
        }

        [Fact]
        public void Only_a_crmcollab_administrator_deletes_a_won_deal()
        {
            ApproveBoth();
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);

            Assert.Contains("cannot be deleted", Refused(() => _org.As(_org.Rep).Delete("opportunity", _deal), RefusalCodes.DeleteWonNotAllowed));
            Refused(() => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Rep), new DeleteRequest { Target = new EntityReference("opportunity", _deal) }), RefusalCodes.DeleteWonNotAllowed);

            Guid boss = _org.Setup.CreateUser("Bea Boss", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.As(_org.Rep).Execute(new AssignRequest { Target = new EntityReference("opportunity", _deal), Assignee = new EntityReference("systemuser", boss) });
            _org.As(boss).Delete("opportunity", _deal);
            Assert.Empty(_org.System.RetrieveMultiple(new QueryExpression("opportunity") { ColumnSet = new ColumnSet(false),
                Criteria = { Conditions = { new ConditionExpression("opportunityid", ConditionOperator.Equal, _deal) } } }).Entities);
        }

        [Fact]
        public void A_client_cannot_stamp_the_win_date()
        {
            Refused(() => _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_wonon"] = CrmCollabOrg.Start }), RefusalCodes.ServerOwnedColumn);
            Refused(() => _org.As(_org.Rep).Create(new Entity("opportunity") { ["name"] = "x", ["crmc_wonon"] = CrmCollabOrg.Start }), RefusalCodes.ServerOwnedColumn);
        }

        [Fact]
        public void A_rep_cannot_mark_a_deal_cleared_while_its_reviews_are_pending()
        {
            int pending = _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value;
            Assert.Equal((int)FeasibilityStatus.Pending, pending);

            Refused(() => _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_feasibilitystatus"] = new OptionSetValue((int)FeasibilityStatus.Cleared) }), RefusalCodes.ServerOwnedColumn);
            Refused(() => _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_feasibilitysummary"] = "All reviews approved." }), RefusalCodes.ServerOwnedColumn);
            Refused(() => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Rep), new UpdateRequest { Target = new Entity("opportunity", _deal) { ["crmc_feasibilitydetail"] = "{}" } }), RefusalCodes.ServerOwnedColumn);
            Refused(() => _org.As(_org.Rep).Create(new Entity("opportunity") { ["name"] = "x", ["crmc_feasibilitystatus"] = new OptionSetValue((int)FeasibilityStatus.Cleared) }), RefusalCodes.ServerOwnedColumn);
            Refused(() => _org.As(_org.Rep).Execute(new UpsertRequest { Target = new Entity("opportunity", _deal) { ["crmc_feasibilitystatus"] = new OptionSetValue((int)FeasibilityStatus.Cleared) } }), RefusalCodes.ServerOwnedColumn);
            Refused(() => _org.As(_org.Rep).Execute(new UpdateMultipleRequest { Targets = new EntityCollection(new[] { new Entity("opportunity", _deal) { ["crmc_feasibilitystatus"] = new OptionSetValue((int)FeasibilityStatus.Cleared) } }) { EntityName = "opportunity" } }), RefusalCodes.ServerOwnedColumn);
            Assert.Equal(pending, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);

            // CrmCollab's own record still follows the reviews.
            ApproveBoth();
            Assert.Equal((int)FeasibilityStatus.Cleared, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
        }
    }
}
