using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Workflow;
using CrmCollab.Plugins.Activities;
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
    /// Flows and forms ask the Get Feasibility Status step whether a deal may pass the gate and be won. Its answer is the
    /// gate's own decision at that moment, from the rules in force — not the reviews that happen to exist — so a deal it
    /// reports cleared is one the gate lets through, and one it reports held names the reviews with their reason codes.
    /// </summary>
    public class FeasibilityStatusScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _account, _deal;

        public FeasibilityStatusScenarios()
        {
            (_lena, _fiona, _account, _deal) = _org.CustomDealAwaitingReviews();
        }

        private void ApproveBoth() => _org.ApproveBothReviews(_lena, _fiona, _deal);

        private IReadOnlyDictionary<string, object> Status(Guid? user = null, decimal? actualRevenue = null, Guid? deal = null)
        {
            var reference = new EntityReference("opportunity", deal ?? _deal);
            var inputs = new Dictionary<string, object> { ["Opportunity"] = reference };
            if (actualRevenue.HasValue) inputs["ActualRevenue"] = new Money(actualRevenue.Value);
            return new WorkflowActivityRunner().Run<GetFeasibilityStatus>(inputs, new WorkflowRunContext
            {
                UserId = user ?? _org.Rep, PrimaryEntity = reference, ServiceFactory = _org.Engine.ServiceFactory, UtcNow = _org.Engine.Clock.UtcNow,
            }).Outputs;
        }

        private static string Item(BusinessFunction function, string reason) =>
            $"\"function\":{(int)function},\"functionLabel\":\"{function.Label()}\",\"reason\":\"{reason}\"";

        [Fact]
        public void A_deal_whose_approved_discount_was_changed_by_an_import_with_plug_ins_bypassed_is_not_reported_cleared()
        {
            ApproveBoth();
            Assert.Equal(true, Status()["IsCleared"]);
            _org.System.Execute(new UpdateRequest
            {
                Target = new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 35m }, ["BypassCustomPluginExecution"] = true,
            });

            var status = Status();

            Assert.Equal(false, status["IsCleared"]);
            Assert.Equal(false, status["ClearedToMove"]);
            Assert.Equal(SalesStage.Propose, status["NextGateStage"]);
            Assert.Equal(RefusalCodes.GateNotCleared, status["MoveCode"]);
            Assert.Equal(RefusalCodes.GateNotCleared, status["WinCode"]);
            Assert.Contains(Item(BusinessFunction.Finance, ClearanceReasons.Outdated), (string)status["Reviews"]);
            Assert.DoesNotContain("Logistics", (string)status["Reviews"]); // its approval watched the delivery and products
            Assert.Contains("changed without CrmCollab's checks", (string)status["Blocking"]);
            string refusal = CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose)); // and the gate agrees
            Assert.Equal(status["MoveCode"], Refusal.CodeOf(refusal));
        }

        [Fact]
        public void A_deal_the_rules_newly_ask_finance_to_review_is_not_reported_cleared()
        {
            // Only Logistics reviews small-discount deals to begin with; its approval is on record.
            _org.System.Update(new Entity("crmc_feasibilityrule", FinanceRule()) { ["crmc_isactive"] = false });
            _org.Engine.DrainAsync();
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            Assert.Equal(true, Status()["IsCleared"]);

            // An administrator adds a rule for Finance; its reviews are asked for in the background, not yet.
            _org.FeasibilityRule("Every custom deal: finance", BusinessFunction.Finance, "crmc_discountpercent");
            var status = Status();

            Assert.Equal(false, status["IsCleared"]);
            Assert.Equal(RefusalCodes.GateReviewMissing, status["MoveCode"]);
            Assert.Equal(RefusalCodes.GateReviewMissing, status["WinCode"]);
            Assert.Contains(Item(BusinessFunction.Finance, ClearanceReasons.Missing) + ",\"decision\":null", (string)status["Reviews"]);
            Assert.DoesNotContain("Logistics", (string)status["Reviews"]);
            Assert.Equal(RefusalCodes.GateReviewMissing, Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose))));
        }

        private Guid FinanceRule()
        {
            var query = new QueryExpression("crmc_feasibilityrule") { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition("crmc_function", ConditionOperator.Equal, (int)BusinessFunction.Finance);
            return _org.System.RetrieveMultiple(query).Entities[0].Id;
        }

        [Fact]
        public void A_deal_cleared_at_its_estimate_is_not_reported_cleared_to_be_won_at_a_higher_actual_revenue()
        {
            ApproveBoth();
            _org.MoveTo(_deal, SalesStage.Propose);

            var atEstimate = Status();
            var higher = Status(actualRevenue: 120000m);

            Assert.Equal(true, atEstimate["IsCleared"]);
            Assert.Equal(false, higher["IsCleared"]);
            Assert.Equal(true, higher["ClearedToMove"]); // the move to Close leans on Finance's approval of the estimate
            Assert.Equal(SalesStage.Close, higher["NextGateStage"]);
            Assert.Equal(false, higher["ClearedToWin"]);
            Assert.Equal(RefusalCodes.GateNotCleared, higher["WinCode"]);
            Assert.Contains(Item(BusinessFunction.Finance, ClearanceReasons.Reopened) + ",\"decision\":" + (int)ReviewDecision.Approved,
                (string)higher["Reviews"]);
            Assert.Contains("\"move\":false,\"win\":true", (string)higher["Reviews"]);
            Assert.Contains("actual revenue of 120,000.00", (string)higher["Blocking"]);
            WinOpportunityRequest win = CrmCollabOrg.WinRequest(_deal);
            win.OpportunityClose["actualrevenue"] = new Money(120000m);
            Assert.Equal(higher["WinCode"], Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Execute(win))));
        }

        [Fact]
        public void A_deal_whose_review_its_own_salesperson_approved_while_a_colleague_held_it_is_not_reported_cleared()
        {
            Guid fabrikam = _org.Account("Fabrikam");
            _org.Setup.AssignRole(_org.Rep, "CrmCollab Reviewer");
            _org.DedicatedOwner(fabrikam, BusinessFunction.Logistics, user: _org.Rep);
            _org.DedicatedOwner(fabrikam, BusinessFunction.Finance, user: _fiona);
            Guid carl = _org.Setup.CreateUser("Carl Sales", _org.Sales, "CrmCollab Salesperson");
            Guid deal = _org.CustomDeal(fabrikam);
            _org.MoveTo(deal, SalesStage.Develop);
            _org.Decide(_fiona, _org.Review(deal, BusinessFunction.Finance), ReviewDecision.Approved);
            void Assign(Guid from, Guid to) => _org.As(from).Execute(new AssignRequest
            {
                Target = new EntityReference("opportunity", deal), Assignee = new EntityReference("systemuser", to),
            });
            Assign(_org.Rep, carl);
            // A review asked before CrmCollab recorded who owned the deal then: only the gate's check at the attempt holds it.
            Guid logistics = _org.Review(deal, BusinessFunction.Logistics).Id;
            _org.System.Update(new Entity("crmc_feasibilityreview", logistics) { ["crmc_dealowneratrequest"] = null });
            // ...and so routed to the rep, its logistics contact, as routing did then (it now passes over the deal's owner).
            _org.System.Execute(new AssignRequest { Target = new EntityReference("crmc_feasibilityreview", logistics), Assignee = new EntityReference("systemuser", _org.Rep) });
            // ...and decided before CrmCollab recorded who has owned the deal (its Owner History empty then).
            _org.System.Update(new Entity("opportunity", deal) { ["crmc_ownerhistory"] = null });
            _org.Decide(_org.Rep, _org.Review(deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            Assign(carl, _org.Rep);

            var status = Status(deal: deal);

            Assert.Equal(false, status["IsCleared"]);
            Assert.Contains(Item(BusinessFunction.Logistics, ClearanceReasons.OwnDeal), (string)status["Reviews"]);
            Assert.DoesNotContain("Finance", (string)status["Reviews"]);
            Assert.Equal(status["MoveCode"], Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.MoveTo(deal, SalesStage.Propose))));
        }

        [Fact]
        public void A_deal_whose_account_was_merged_away_is_not_reported_cleared_on_the_approvals_of_the_account_it_left()
        {
            Guid fabrikam = _org.Account("Fabrikam");
            ApproveBoth();
            Guid boss = _org.Setup.CreateUser("Bea Boss", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            var owners = new QueryExpression("crmc_dedicatedowner") { ColumnSet = new ColumnSet(false) };
            owners.Criteria.AddCondition("crmc_accountid", ConditionOperator.Equal, _account);
            foreach (Entity row in _org.System.RetrieveMultiple(owners).Entities)
                _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", row.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });
            foreach (Guid account in new[] { _account, fabrikam })
                _org.System.Execute(new AssignRequest { Target = new EntityReference("account", account), Assignee = new EntityReference("systemuser", boss) });

            _org.As(boss).Execute(new MergeRequest
            {
                Target = new EntityReference("account", fabrikam), SubordinateId = _account, UpdateContent = new Entity("account"),
            });
            var status = Status(boss);

            Assert.Equal(false, status["IsCleared"]);
            Assert.Equal(RefusalCodes.GateReviewMissing, status["MoveCode"]);
            Assert.Contains(Item(BusinessFunction.Logistics, ClearanceReasons.Missing), (string)status["Reviews"]);
            Assert.Contains(Item(BusinessFunction.Finance, ClearanceReasons.Missing), (string)status["Reviews"]);
            Assert.Equal(status["MoveCode"], Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose, boss))));
        }

        [Fact]
        public void A_deal_reported_cleared_passes_the_gate_and_is_won()
        {
            ApproveBoth();

            var status = Status();

            Assert.Equal(true, status["IsCleared"]);
            Assert.Equal(true, status["ClearedToMove"]);
            Assert.Equal(true, status["ClearedToWin"]);
            Assert.Equal("", status["MoveCode"]);
            Assert.Equal("", status["WinCode"]);
            Assert.Equal("", status["Blocking"]);
            Assert.Equal("{\"v\":1,\"items\":[]}", status["Reviews"]);
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);
        }

        /// <summary>A flow that closes deals the step reports cleared: a deal with no account passes the gate, yet its win is
        /// refused (nobody could be handed its work), so the step does not report it cleared to be won.</summary>
        [Fact]
        public void A_deal_without_an_account_is_not_reported_cleared_to_be_won_since_its_win_is_refused()
        {
            Guid contact = _org.As(_org.Rep).Create(new Entity("contact") { ["lastname"] = "Walker" });
            Guid deal = _org.Deal(_account, "Spare parts", amount: 12000m);
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["customerid"] = new EntityReference("contact", contact) });

            var status = Status(deal: deal);
            string win = CrmCollabOrg.Refusal(() => _org.Win(deal, drain: false));

            Assert.Equal(RefusalCodes.HandoffNoAccount, Refusal.CodeOf(win));
            Assert.Equal(false, status["ClearedToWin"]);
            Assert.Equal(false, status["IsCleared"]);
            Assert.Equal(RefusalCodes.HandoffNoAccount, status["WinCode"]);
            Assert.StartsWith("The opportunity 'Spare parts' has no account", (string)status["Blocking"]);
            Assert.DoesNotContain("[CRMC-", (string)status["Blocking"]);
        }

        /// <summary>A flow asking "may this deal be won?" of a closed deal: Dataverse refuses a Win of a closed opportunity,
        /// and a closed one cannot be changed until it is reopened, so the step says no to both, with who may reopen it.</summary>
        [Fact]
        public void A_lost_deal_is_not_reported_cleared_to_be_won_or_moved_until_it_is_reopened()
        {
            ApproveBoth();
            _org.Lose(_deal);

            var status = Status();

            Assert.Equal(false, status["IsCleared"]);
            Assert.Equal(false, status["ClearedToWin"]);
            Assert.Equal(false, status["ClearedToMove"]);
            Assert.Equal(RefusalCodes.DealClosed, status["WinCode"]);
            Assert.Equal(RefusalCodes.DealClosed, status["MoveCode"]);
            Assert.Equal(-1, status["NextGateStage"]);
            Assert.Contains("is lost", (string)status["Blocking"]);
            Assert.Contains("reopen", (string)status["Blocking"]);
            Assert.DoesNotContain("[CRMC-", (string)status["Blocking"]);
            Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => _org.Win(_deal, drain: false)); // the platform agrees
        }

        [Fact]
        public void A_won_deal_is_not_reported_cleared_to_be_won_again_and_names_who_may_reopen_it()
        {
            ApproveBoth();
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal);

            var status = Status();

            Assert.Equal(false, status["IsCleared"]);
            Assert.Equal(false, status["ClearedToWin"]);
            Assert.Equal(false, status["ClearedToMove"]);
            Assert.Equal(RefusalCodes.DealClosed, status["WinCode"]);
            Assert.Equal(RefusalCodes.DealClosed, status["MoveCode"]);
            Assert.Contains("already won", (string)status["Blocking"]);
            Assert.Contains("CrmCollab Administrator", (string)status["Blocking"]);
            Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => _org.Win(_deal, drain: false));
        }

        [Fact]
        public void A_lost_deal_reopened_by_its_salesperson_is_judged_as_an_open_one()
        {
            ApproveBoth();
            _org.Lose(_deal);
            _org.As(_org.Rep).Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(1),
            });

            var status = Status();

            Assert.Equal(true, status["IsCleared"]);
            Assert.Equal("", status["WinCode"]);
            Assert.Equal(SalesStage.Propose, status["NextGateStage"]);
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);
        }

        [Fact]
        public void Every_role_that_may_run_the_status_step_gets_the_gates_answer()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV");
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);

            foreach (Guid user in new[] { _org.Rep, alice, _lena, _fiona, _org.Admin })
            {
                var status = Status(user);
                Assert.Equal(false, status["IsCleared"]);
                Assert.Contains(Item(BusinessFunction.Finance, ClearanceReasons.Pending), (string)status["Reviews"]);
                Assert.DoesNotContain("Logistics", (string)status["Reviews"]);
            }
        }
    }
}
