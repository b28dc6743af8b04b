using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Workflow;
using CrmCollab.Plugins.Activities;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A flow asks the Get Feasibility Status step whether a deal may be won before it tries: what the step reports of a
    /// win is what the win meets, beyond the reviews too — the data every stage asks for up to Close, and a field signal's
    /// lead named only on a deal of the signal's account.
    /// </summary>
    public class WinStatusScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _contoso, _fabrikam;

        public WinStatusScenarios()
        {
            _contoso = _org.Account("Contoso");
            _fabrikam = _org.Account("Fabrikam");
        }

        private IReadOnlyDictionary<string, object> Status(Guid deal, Guid user)
        {
            var reference = new EntityReference("opportunity", deal);
            return new WorkflowActivityRunner().Run<GetFeasibilityStatus>(new Dictionary<string, object> { ["Opportunity"] = reference },
                new WorkflowRunContext
                {
                    UserId = user, PrimaryEntity = reference, ServiceFactory = _org.Engine.ServiceFactory, UtcNow = _org.Engine.Clock.UtcNow,
                }).Outputs;
        }

        [Fact]
        public void A_deal_missing_the_data_a_win_asks_for_is_not_reported_cleared_to_be_won_to_any_role()
        {
            // The rep fills what Develop asks and would win from Develop: Propose's decision maker, close date and budget are empty.
            Guid deal = _org.As(_org.Rep).Create(new Entity("opportunity")
            {
                ["name"] = "Line 4 retrofit", ["customerid"] = new EntityReference("account", _contoso),
            });
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["customerneed"] = "Faster line", ["salesstage"] = new OptionSetValue(1) });
            Guid adv = _org.User("Alice ADV", "CrmCollab ADV"), reviewer = _org.User("Rita Reviewer", "CrmCollab Reviewer");

            foreach (Guid user in new[] { _org.Rep, adv, reviewer, _org.Admin })
            {
                var status = Status(deal, user);
                Assert.Equal(false, status["ClearedToWin"]);
                Assert.Equal(false, status["IsCleared"]);
                Assert.Equal(RefusalCodes.StageDataMissing, status["WinCode"]);
                Assert.Equal("Before the deal is won, fill in: Decision maker, Est. Close Date, Budget amount.", status["Blocking"]);
            }
            Assert.Equal(RefusalCodes.StageDataMissing, Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.Win(deal, drain: false))));

            _org.As(_org.Rep).Update(new Entity("opportunity", deal)
            {
                ["decisionmaker"] = true, ["budgetamount"] = new Money(90000m), ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(30),
            });
            Assert.Equal(true, Status(deal, _org.Rep)["ClearedToWin"]);
            _org.Win(deal, drain: false);
        }

        [Fact]
        public void A_deal_missing_the_data_the_gate_stage_asks_for_is_not_reported_cleared_to_move()
        {
            // Both reviews approved, then the budget is cleared: entering Propose needs it, and so does the win.
            var (lena, fiona, _, deal) = _org.CustomDealAwaitingReviews();
            _org.ApproveBothReviews(lena, fiona, deal);
            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["budgetamount"] = null });

            var status = Status(deal, _org.Rep);

            Assert.Equal(SalesStage.Propose, status["NextGateStage"]);
            Assert.Equal(false, status["ClearedToMove"]);
            Assert.Equal(RefusalCodes.StageDataMissing, status["MoveCode"]);
            Assert.Equal(RefusalCodes.StageDataMissing, status["WinCode"]);
            string refusal = CrmCollabOrg.Refusal(() => _org.MoveTo(deal, SalesStage.Propose));
            Assert.Equal(status["MoveCode"], Refusal.CodeOf(refusal));
            Assert.Equal("Before moving to Propose, fill in: Budget amount. [CRMC-STAGE-DATA-MISSING]", refusal);

            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["budgetamount"] = new Money(90000m) });
            Assert.Equal(true, Status(deal, _org.Rep)["IsCleared"]);
            _org.MoveTo(deal, SalesStage.Propose);
        }

        [Fact]
        public void A_deal_of_another_account_naming_a_signals_lead_is_not_reported_cleared_to_be_won()
        {
            Guid signal = _org.Signal(_contoso, SignalKind.Lead, _org.User("Alice ADV", "CrmCollab ADV"), "They plan a second line next year");
            var lead = _org.Row("crmc_fieldsignal", signal, "crmc_leadid").GetAttributeValue<EntityReference>("crmc_leadid");
            Guid deal = _org.Deal(_fabrikam);
            // A path where the deal's own steps are not certain to run (a lead qualified for another customer, a migration).
            _org.System.Execute(new UpdateRequest
            {
                Target = new Entity("opportunity", deal) { ["originatingleadid"] = lead }, ["BypassCustomPluginExecution"] = true,
            });

            foreach (Guid user in new[] { _org.Rep, _org.Admin })
            {
                var status = Status(deal, user);
                Assert.Equal(false, status["ClearedToWin"]);
                Assert.Equal(RefusalCodes.DealLeadOtherAccount, status["WinCode"]);
                Assert.Contains("Choose Contoso as the customer, or clear the originating lead.", (string)status["Blocking"]);
            }
            Assert.Equal(RefusalCodes.DealLeadOtherAccount, Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.Win(deal, drain: false))));
            // A reviewer's workflow may not read signals: it is told what its user needs, never reported cleared.
            var reviewer = Assert.Throws<InvalidPluginExecutionException>(() => Status(deal, _org.User("Rita Reviewer", "CrmCollab Reviewer")));
            Assert.Equal(RefusalCodes.WorkflowUserRights, Refusal.CodeOf(reviewer.Message));
            Assert.Contains("the field signal of the deal's originating lead", reviewer.Message);

            _org.As(_org.Rep).Update(new Entity("opportunity", deal) { ["originatingleadid"] = null });
            Assert.Equal(true, Status(deal, _org.Rep)["ClearedToWin"]);
            _org.Win(deal, drain: false);
        }
    }
}
