using System;
using System.Linq;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Workflow;
using CrmCollab.Plugins.Activities;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An approval is given on terms. A data fix or an import sent with custom logic bypassed (a documented platform
    /// option, for whoever holds the bypass privilege) changes them without CrmCollab's material-change step, so the
    /// approval is never re-opened. The salesperson's own later move or win goes through the gate, which compares each
    /// decision with the terms it was made on.
    /// </summary>
    public class OutdatedApprovalScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _deal;

        public OutdatedApprovalScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
        }

        /// <summary>The import: the discount Finance approved at 10 % becomes 35 %, custom plug-ins bypassed.</summary>
        private void ImportBypassingCustomLogic() =>
            _org.System.Execute(new UpdateRequest
            {
                Target = new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 35m },
                ["BypassCustomPluginExecution"] = true,
            });

        private string Refused(Action attempt)
        {
            var before = TableSnapshot.Take(_org.System);
            string message = CrmCollabOrg.Refusal(attempt);
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(message));
            Assert.Contains("Finance pending", message);
            Assert.DoesNotContain("Logistics", message); // Logistics watched the delivery and the products: its approval stands
            Assert.Contains("changed without CrmCollab's checks", message);
            before.AssertUnchanged(_org.System);
            return message;
        }

        [Fact]
        public void A_deal_whose_approved_discount_an_import_changed_cannot_be_moved_on_nor_won_on_that_approval()
        {
            ImportBypassingCustomLogic();
            Assert.Equal((int)ReviewDecision.Approved, _org.Review(_deal, BusinessFunction.Finance).GetAttributeValue<OptionSetValue>("crmc_decision").Value);

            Refused(() => _org.MoveTo(_deal, SalesStage.Propose));
            Refused(() => _org.As(_org.Rep).Create(new Entity("opportunitysalesprocess")
            {
                ["name"] = "Sales flow",
                ["opportunityid"] = new EntityReference("opportunity", _deal),
                ["processid"] = new EntityReference("workflow", WellKnownProcesses.OpportunitySalesProcessId),
                ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityProposeStageId),
            }));
            Refused(() => _org.Win(_deal, drain: false));
        }

        [Fact]
        public void Once_finance_decides_again_on_the_imported_discount_the_deal_is_won()
        {
            ImportBypassingCustomLogic();

            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.ApprovedWithConditions, conditions: "35 % accepted for this order only");
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);

            Assert.Equal(1, _org.System.Retrieve("opportunity", _deal, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        /// <summary>The rep's remedy the refusal names: the Request Feasibility Reviews step, or the deal's stage saved again as it is.</summary>
        private void AskAgain(string how)
        {
            var stage = new Entity("opportunity", _deal) { ["salesstage"] = new OptionSetValue(SalesStage.Develop) };
            IOrganizationService rep = _org.As(_org.Rep);
            switch (how)
            {
                case "workflow":
                    new WorkflowActivityRunner().Run<RequestFeasibilityReviews>(
                        new Dictionary<string, object> { ["Opportunity"] = new EntityReference("opportunity", _deal) },
                        new WorkflowRunContext
                        {
                            UserId = _org.Rep, PrimaryEntity = new EntityReference("opportunity", _deal), ServiceFactory = _org.Engine.ServiceFactory,
                            UtcNow = _org.Engine.Clock.UtcNow,
                        });
                    break;
                case "update": rep.Update(stage); break;
                case "updatemultiple":
                    rep.Execute(new UpdateMultipleRequest { Targets = new EntityCollection(new[] { stage }) { EntityName = "opportunity" } });
                    break;
                case "upsert": rep.Execute(new UpsertRequest { Target = stage }); break;
                case "executemultiple":
                    rep.Execute(new ExecuteMultipleRequest
                    {
                        Requests = new OrganizationRequestCollection { new UpdateRequest { Target = stage } },
                        Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = true },
                    });
                    break;
            }
        }

        [Theory]
        [InlineData("workflow")]
        [InlineData("update")]
        [InlineData("updatemultiple")]
        [InlineData("upsert")]
        [InlineData("executemultiple")]
        public void Finance_is_asked_again_in_its_queue_for_a_discount_an_import_changed_and_its_plain_approval_lets_the_deal_be_won(string how)
        {
            Entity approval = _org.Review(_deal, BusinessFunction.Finance);
            Entity logistics = _org.Review(_deal, BusinessFunction.Logistics);
            ImportBypassingCustomLogic();
            Assert.Contains("Request Feasibility Reviews", Refused(() => _org.MoveTo(_deal, SalesStage.Propose)));

            AskAgain(how);

            // The approval of 10 % is re-opened and a new Finance review waits for Fiona; Logistics' approval stands.
            Assert.Equal((int)ReviewDecision.Invalidated, _org.Row("crmc_feasibilityreview", approval.Id, "crmc_decision").GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Entity asked = _org.Review(_deal, BusinessFunction.Finance);
            Assert.NotEqual(approval.Id, asked.Id);
            Assert.Equal((int)ReviewDecision.Pending, asked.GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Equal(_fiona, asked.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(logistics.Id, _org.Review(_deal, BusinessFunction.Logistics).Id);
            Assert.Equal((int)ReviewDecision.Approved, _org.Review(_deal, BusinessFunction.Logistics).GetAttributeValue<OptionSetValue>("crmc_decision").Value);

            _org.Decide(_fiona, asked, ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);

            Assert.Equal(1, _org.System.Retrieve("opportunity", _deal, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void Terms_put_back_to_what_finance_approved_let_the_deal_move_on()
        {
            ImportBypassingCustomLogic();

            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 10m });
            _org.MoveTo(_deal, SalesStage.Propose);

            Assert.Equal((int)ReviewDecision.Approved, _org.Review(_deal, BusinessFunction.Finance).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Equal(SalesStage.Propose, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void A_deal_reopened_after_finance_approved_a_discount_amendment_is_won_again_once_finance_decides_on_the_amended_discount()
        {
            Guid boss = WonDealWithAnApprovedAmendmentGivenToAnAdministrator();
            _org.As(boss).Execute(new SetStateRequest { EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1) });

            // The reopen re-opened the Finance review that approved the old discount (a re-win is a new promise); Logistics' stands.
            string refusal = CrmCollabOrg.Refusal(() => _org.Win(_deal, asUser: boss, drain: false));
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(refusal));
            Assert.Contains("Finance pending", refusal);
            Assert.DoesNotContain("Logistics pending", refusal);

            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.Win(_deal, asUser: boss, drain: false);

            Assert.Equal(1, _org.System.Retrieve("opportunity", _deal, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        /// <summary>Won at Propose, Finance approves an amendment to a 7 % discount (over its approval of 10 %), then the deal is
        /// given to a salesperson who is also a CrmCollab Administrator (who may reopen it).</summary>
        private Guid WonDealWithAnApprovedAmendmentGivenToAnAdministrator()
        {
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);
            _org.Decide(_org.Amendment(_deal, discount: 7m), _fiona, AmendmentState.Approved);
            Guid boss = _org.Setup.CreateUser("Bea Boss", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.As(_org.Rep).Execute(new AssignRequest { Target = new EntityReference("opportunity", _deal), Assignee = new EntityReference("systemuser", boss) });
            return boss;
        }

        /// <summary>As above, then the administrator moves the deal back to Qualify, still won.</summary>
        private Guid WonDealBackAtQualifyWithAnApprovedAmendment()
        {
            Guid boss = WonDealWithAnApprovedAmendmentGivenToAnAdministrator();
            _org.As(boss).Update(new Entity("opportunity", _deal) { ["salesstage"] = new OptionSetValue(SalesStage.Qualify) });
            return boss;
        }

        [Fact]
        public void A_won_deal_reopened_and_moved_past_the_finance_gate_in_one_save_after_a_discount_amendment_waits_for_finance()
        {
            Guid boss = WonDealBackAtQualifyWithAnApprovedAmendment();

            // The platform runs the move first, the deal still won, then the reopen: Finance approved 10 %, the deal now has 7 %.
            string refusal = CrmCollabOrg.Refusal(() => _org.As(boss).Update(new Entity("opportunity", _deal)
            {
                ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1), ["salesstage"] = new OptionSetValue(SalesStage.Propose),
            }));

            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(refusal));
            Assert.Contains("Finance pending", refusal);
            Assert.Contains("A won deal must first be reopened by a CrmCollab administrator.", refusal);
            Entity deal = _org.DealState(_deal);
            Assert.Equal(1, deal.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(SalesStage.Qualify, deal.GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void A_won_deal_moved_past_the_finance_gate_after_a_discount_amendment_and_reopened_next_is_refused_at_the_move()
        {
            Guid boss = WonDealBackAtQualifyWithAnApprovedAmendment();

            string refusal = CrmCollabOrg.Refusal(() => _org.As(boss).Update(new Entity("opportunity", _deal) { ["salesstage"] = new OptionSetValue(SalesStage.Propose) }));

            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(refusal));
            Assert.Contains("Finance pending", refusal);
            Assert.Contains("A won deal must first be reopened by a CrmCollab administrator.", refusal);
            Assert.Equal(SalesStage.Qualify, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void A_won_deal_reopened_after_a_discount_amendment_moves_past_the_finance_gate_once_finance_decides_on_the_amended_discount()
        {
            Guid boss = WonDealBackAtQualifyWithAnApprovedAmendment();
            _org.As(boss).Execute(new SetStateRequest { EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1) });
            // The reopen re-opened Finance's approval of 10 %: no Finance review stands until the deal asks again, at Develop.
            Assert.Equal(RefusalCodes.GateReviewMissing, Refusal.CodeOf(CrmCollabOrg.Refusal(() =>
                _org.As(boss).Update(new Entity("opportunity", _deal) { ["salesstage"] = new OptionSetValue(SalesStage.Propose) }))));
            _org.As(boss).Update(new Entity("opportunity", _deal) { ["salesstage"] = new OptionSetValue(SalesStage.Develop) });
            Assert.Equal(RefusalCodes.GateNotCleared, Refusal.CodeOf(CrmCollabOrg.Refusal(() =>
                _org.As(boss).Update(new Entity("opportunity", _deal) { ["salesstage"] = new OptionSetValue(SalesStage.Propose) }))));

            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.As(boss).Update(new Entity("opportunity", _deal) { ["salesstage"] = new OptionSetValue(SalesStage.Propose) });

            Assert.Equal(SalesStage.Propose, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("salesstage").Value);
        }
    }
}
