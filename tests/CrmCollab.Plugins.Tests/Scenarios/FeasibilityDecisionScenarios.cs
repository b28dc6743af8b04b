using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Workflow;
using CrmCollab.Plugins.Activities;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>Reviews are decided by the right people, stamped by the server, and re-opened only by what they reviewed.</summary>
    public class FeasibilityDecisionScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _account, _deal;

        public FeasibilityDecisionScenarios()
        {
            (_lena, _fiona, _account, _deal) = _org.CustomDealAwaitingReviews();
        }

        private void ApproveBoth() => _org.ApproveBothReviews(_lena, _fiona, _deal);

        [Fact]
        public void The_rep_cannot_approve_their_own_deal_even_when_routed_the_review()
        {
            Guid otherAccount = _org.Account("Fabrikam");
            _org.Setup.AssignRole(_org.Rep, "CrmCollab Reviewer");
            _org.DedicatedOwner(otherAccount, BusinessFunction.Logistics, user: _org.Rep);
            Guid ownDeal = _org.CustomDeal(otherAccount);
            _org.MoveTo(ownDeal, SalesStage.Develop);

            string refusal = CrmCollabOrg.Refusal(() => _org.Decide(_org.Rep, _org.Review(ownDeal, BusinessFunction.Logistics), ReviewDecision.Approved));

            Assert.Contains("You own this opportunity, so you cannot decide its feasibility review", refusal);
        }

        [Fact]
        public void A_rep_cannot_approve_a_deal_their_team_owns_even_when_routed_the_review()
        {
            Guid otherAccount = _org.Account("Fabrikam");
            _org.Setup.AssignRole(_org.Rep, "CrmCollab Reviewer");
            _org.DedicatedOwner(otherAccount, BusinessFunction.Logistics, user: _org.Rep);
            Guid deskTeam = _org.Setup.CreateTeam("Key accounts desk", _org.Sales, Emulator.Security.TeamType.Owner, "CrmCollab Salesperson");
            _org.Setup.AddMembers(deskTeam, _org.Rep);
            Guid teamDeal = _org.CustomDeal(otherAccount);
            _org.System.Execute(new Microsoft.Crm.Sdk.Messages.AssignRequest
            {
                Target = new EntityReference("opportunity", teamDeal), Assignee = new EntityReference("team", deskTeam),
            });
            _org.MoveTo(teamDeal, SalesStage.Develop);
            Guid review = _org.Review(teamDeal, BusinessFunction.Logistics).Id;

            string refusal = CrmCollabOrg.Refusal(() => _org.Decide(_org.Rep, _org.Review(teamDeal, BusinessFunction.Logistics), ReviewDecision.Approved));
            Entity Approval() => new Entity("crmc_feasibilityreview", review) { ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved) };
            string batched = CrmCollabOrg.Refusal(() => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Rep), new UpdateRequest { Target = Approval() }));
            string upserted = CrmCollabOrg.Refusal(() => CrmCollabOrg.InUpsert(_org.As(_org.Rep), Approval()));

            Assert.Contains("Your team owns this opportunity, so you cannot decide its feasibility review", refusal);
            Assert.Contains("Your team owns this opportunity", batched);
            Assert.Contains("Your team owns this opportunity", upserted);
            Assert.Equal((int)ReviewDecision.Pending, _org.Row("crmc_feasibilityreview", review, "crmc_decision").GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }

        [Fact]
        public void A_new_dedicated_owner_takes_over_the_accounts_pending_reviews_while_decided_ones_stay_with_who_decided()
        {
            Guid marc = _org.User("Marc Logistics", "CrmCollab Reviewer"), frank = _org.User("Frank Finance", "CrmCollab Reviewer");
            Guid logistics = _org.Review(_deal, BusinessFunction.Logistics).Id, finance = _org.Review(_deal, BusinessFunction.Finance).Id;
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            Guid OwnerRow(BusinessFunction function) => _org.System.RetrieveMultiple(new QueryByAttribute("crmc_dedicatedowner")
            {
                ColumnSet = new ColumnSet(false), Attributes = { "crmc_accountid", "crmc_function" }, Values = { _account, (int)function },
            }).Entities.Single().Id;

            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", OwnerRow(BusinessFunction.Logistics)) { ["crmc_userid"] = new EntityReference("systemuser", marc) });
            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", OwnerRow(BusinessFunction.Finance)) { ["crmc_userid"] = new EntityReference("systemuser", frank) });
            _org.Engine.DrainAsync();

            Entity moved = _org.Row("crmc_feasibilityreview", logistics, "ownerid", "crmc_routingpath");
            Assert.Equal(marc, moved.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.StartsWith("Reassigned", moved.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Equal(_fiona, _org.Row("crmc_feasibilityreview", finance, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("Only the reviewer this review is assigned to", CrmCollabOrg.Refusal(() =>
                _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved)));
            _org.Decide(marc, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
        }

        [Fact]
        public void An_administrator_may_decide_any_review_but_another_reviewer_may_not()
        {
            Guid administrator = _org.User("Omar Operations", "CrmCollab Administrator");

            // Lena is told whom to ask, not only that she may not.
            Assert.Equal("Only the reviewer this review is assigned to (or a member of its team) can decide it. Ask them to decide it, " +
                "or to pass it on to you (Assign) if you review for its function; or ask your CrmCollab administrator. [CRMC-REVIEW-DECIDER-NOT-ALLOWED]",
                CrmCollabOrg.Refusal(() => _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Rejected, reason: "Not mine")));
            _org.Decide(administrator, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            Assert.Equal((int)ReviewDecision.Approved, ((OptionSetValue)_org.Review(_deal, BusinessFunction.Finance)["crmc_decision"]).Value);
        }

        [Fact]
        public void With_conditions_needs_conditions_and_the_server_stamps_who_decided_when()
        {
            Entity finance = _org.Review(_deal, BusinessFunction.Finance);

            Assert.Contains("Write the conditions", CrmCollabOrg.Refusal(() => _org.Decide(_fiona, finance, ReviewDecision.ApprovedWithConditions)));
            Assert.Contains("recorded by CrmCollab", CrmCollabOrg.Refusal(() => _org.As(_fiona).Update(new Entity("crmc_feasibilityreview", finance.Id)
            {
                ["crmc_decidedon"] = new DateTime(2020, 1, 1),
            })));
            _org.Decide(_fiona, finance, ReviewDecision.ApprovedWithConditions, conditions: "50% upfront");

            Entity decided = _org.Review(_deal, BusinessFunction.Finance);
            Assert.Equal(_fiona, decided.GetAttributeValue<EntityReference>("crmc_decidedby").Id);
            Assert.Equal(_org.Engine.Clock.UtcNow.Date, decided.GetAttributeValue<DateTime>("crmc_decidedon").Date);
        }

        [Fact]
        public void The_conditions_of_an_approval_cannot_be_erased_but_a_rewrite_reaches_the_deal_summary()
        {
            Entity finance = _org.Review(_deal, BusinessFunction.Finance);
            _org.Decide(_fiona, finance, ReviewDecision.ApprovedWithConditions, conditions: "50% upfront");

            string refusal = CrmCollabOrg.Refusal(() => _org.As(_fiona).Update(new Entity("crmc_feasibilityreview", finance.Id)
            {
                ["crmc_conditions"] = " ",
            }));

            Assert.Contains("Write the conditions of your approval", refusal);
            Assert.Equal("50% upfront", _org.Row("crmc_feasibilityreview", finance.Id, "crmc_conditions").GetAttributeValue<string>("crmc_conditions"));
            _org.As(_fiona).Update(new Entity("crmc_feasibilityreview", finance.Id) { ["crmc_conditions"] = "40% upfront" });
            string summary = _org.DealState(_deal).GetAttributeValue<string>("crmc_feasibilitysummary");
            Assert.Contains("Finance: 40% upfront", summary);
            Assert.DoesNotContain("50% upfront", summary);
        }

        [Fact]
        public void A_discount_change_reopens_only_finance_and_keeps_the_history()
        {
            ApproveBoth();
            Assert.Equal((int)FeasibilityStatus.Cleared, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);

            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_discountpercent"] = 18m });

            var finance = _org.Reviews(_deal).Entities.Where(r => ((OptionSetValue)r["crmc_function"]).Value == (int)BusinessFunction.Finance)
                .Select(r => ((OptionSetValue)r["crmc_decision"]).Value).OrderBy(v => v).ToList();
            Assert.Equal(new[] { (int)ReviewDecision.Pending, (int)ReviewDecision.Invalidated }, finance);
            Assert.Equal((int)ReviewDecision.Approved, ((OptionSetValue)_org.Review(_deal, BusinessFunction.Logistics)["crmc_decision"]).Value);
            Assert.Equal((int)FeasibilityStatus.Pending, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
            Assert.Contains("Finance pending", CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose)));
        }

        [Fact]
        public void An_unrelated_change_reopens_nothing_and_an_invalidated_review_cannot_be_decided()
        {
            ApproveBoth();
            Entity oldFinance = _org.Review(_deal, BusinessFunction.Finance);

            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["description"] = "Met the plant manager" });
            Assert.Equal(2, _org.Reviews(_deal).Entities.Count);

            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["estimatedvalue"] = new Money(95000m) });
            Assert.Contains("invalidated", CrmCollabOrg.Refusal(() => _org.Decide(_fiona, oldFinance, ReviewDecision.Approved)));
        }

        [Fact]
        public void A_user_cannot_invalidate_a_review_by_hand()
        {
            Assert.Contains("invalidated by CrmCollab", CrmCollabOrg.Refusal(() =>
                _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Invalidated)));
        }

        [Fact]
        public void Bad_rule_configuration_is_refused_at_save()
        {
            string refusal = CrmCollabOrg.Refusal(() => _org.As(_org.Admin).Create(new Entity("crmc_feasibilityrule")
            {
                ["crmc_name"] = "Broken", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
                ["crmc_minamount"] = new Money(-5m), ["crmc_triggerstage"] = new OptionSetValue(SalesStage.Propose),
                ["crmc_gatestage"] = new OptionSetValue(SalesStage.Develop), ["crmc_slahours"] = 24,
                ["crmc_relevantcolumns"] = "estimatedvalue,crmc_discount", ["crmc_isactive"] = true,
            }));

            Assert.Contains("cannot be negative", refusal);
            Assert.Contains("must come after the stage that requests the reviews", refusal);
            Assert.Contains("unknown on the opportunity: crmc_discount.", refusal);

            string unwatched = CrmCollabOrg.Refusal(() => _org.As(_org.Admin).Create(new Entity("crmc_feasibilityrule")
            {
                ["crmc_name"] = "Likely deals: operations", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Operations),
                ["crmc_slahours"] = 24, ["crmc_relevantcolumns"] = "closeprobability", ["crmc_isactive"] = true,
            }));
            Assert.Contains("A change of closeprobability would never re-open this review", unwatched);
        }

        [Fact]
        public void A_rule_saved_inside_a_batch_transaction_is_refused_with_its_own_message_not_a_platform_error()
        {
            var batch = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection() };
            batch.Requests.Add(new CreateRequest
            {
                Target = new Entity("crmc_feasibilityrule")
                {
                    ["crmc_name"] = "Typo", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
                    ["crmc_slahours"] = 24, ["crmc_relevantcolumns"] = "estimatedvalue,crmc_discount", ["crmc_isactive"] = true,
                },
            });

            // Inside the caller's transaction a failed probe ends it, and every later probe fails too (a valid column
            // would be called unknown): columns are not probed there, and the watch list names the mistyped one.
            string refusal = CrmCollabOrg.Refusal(() => _org.As(_org.Admin).Execute(batch));

            Assert.Contains("A change of crmc_discount would never re-open this review", refusal);
            Assert.DoesNotContain("unknown on the opportunity", refusal);
        }

        [Fact]
        public void The_workflow_activities_request_reviews_and_report_the_status()
        {
            Guid other = _org.CustomDeal(_account);
            _org.MoveTo(other, SalesStage.Develop);
            var reference = new EntityReference("opportunity", other);
            var runner = new WorkflowActivityRunner();
            WorkflowRunContext Context() => new WorkflowRunContext
            {
                UserId = _org.Rep, PrimaryEntity = reference, ServiceFactory = _org.Engine.ServiceFactory, UtcNow = _org.Engine.Clock.UtcNow,
            };
            var inputs = new Dictionary<string, object> { ["Opportunity"] = reference };

            var requested = runner.Run<RequestFeasibilityReviews>(inputs, Context());
            var pending = runner.Run<GetFeasibilityStatus>(inputs, Context());
            _org.Decide(_lena, _org.Review(other, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.Decide(_fiona, _org.Review(other, BusinessFunction.Finance), ReviewDecision.Approved);
            var cleared = runner.Run<GetFeasibilityStatus>(inputs, Context());

            Assert.Equal(0, requested.Outputs["RequestedCount"]); // already requested when the deal reached Develop
            Assert.Equal(false, pending.Outputs["IsCleared"]);
            Assert.Contains("Logistics pending", (string)pending.Outputs["Blocking"]);
            Assert.Equal(true, cleared.Outputs["IsCleared"]);
            Assert.Equal("", cleared.Outputs["Blocking"]);
        }

        [Fact]
        public void A_reviewer_s_approval_is_fingerprinted_from_one_read_of_the_deal_without_reading_the_reviewer_s_roles()
        {
            Entity finance = _org.Review(_deal, BusinessFunction.Finance);

            using (var scope = _org.Engine.Metrics.Scope())
            {
                _org.Decide(_fiona, finance, ReviewDecision.Approved);
                // One read of the deal in each step: the guard's (owner and state for the checks, the terms for the
                // fingerprint, together) and the status step's.
                Assert.Equal(2, scope.PluginCallsByStep("ReviewDecisionGuard: Update of crmc_feasibilityreview", "Retrieve"));
                // The review's owner decides whatever their roles, so none are read. The queries: the status step's reviews, and
                // the unrouted desk the guard compares the review's holder with (the setting, then a queue, then a team of that
                // name: none here), whose keeper decides only a review of a function they review for (DeskReviewDecisionScenarios).
                Assert.Equal(4, scope.PluginCallsByStep("ReviewDecisionGuard: Update of crmc_feasibilityreview", "RetrieveMultiple"));
            }
            string fingerprint = _org.System.Retrieve("crmc_feasibilityreview", finance.Id, new ColumnSet("crmc_termsfingerprint"))
                .GetAttributeValue<string>("crmc_termsfingerprint");
            Assert.Equal("crmc_discountpercent=10\nestimatedvalue=80000.00\n", fingerprint);
        }
    }
}
