using System;
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
    /// <summary>A finance review is passed on to another finance reviewer, never to someone who reviews for another function.</summary>
    public class ReviewHandOverScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _deal, _frank;
        private readonly Entity _finance;

        public ReviewHandOverScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _frank = _org.User("Frank Finance", "CrmCollab Reviewer");
            _org.DedicatedOwner(_org.Account("Fabrikam"), BusinessFunction.Finance, user: _frank); // reviews finance elsewhere
            _finance = _org.Review(_deal, BusinessFunction.Finance);
        }

        private Guid Owner() => _org.System.Retrieve("crmc_feasibilityreview", _finance.Id, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id;

        private static EntityReference User(Guid id) => new EntityReference("systemuser", id);

        [Fact]
        public void A_finance_review_cannot_be_handed_to_the_logistics_reviewer_to_approve()
        {
            var save = new Entity("crmc_feasibilityreview", _finance.Id) { ["ownerid"] = User(_lena) };
            string viaUpdate = CrmCollabOrg.Refusal(() => _org.As(_fiona).Update(save));
            string viaAssign = CrmCollabOrg.Refusal(() => _org.As(_fiona).Execute(new AssignRequest { Target = _finance.ToEntityReference(), Assignee = User(_lena) }));
            string viaUpsert = CrmCollabOrg.Refusal(() => _org.As(_fiona).Execute(new UpsertRequest { Target = save }));

            Assert.Equal(RefusalCodes.ReviewHandOverNotAllowed, Refusal.CodeOf(viaUpdate));
            Assert.Equal(RefusalCodes.ReviewHandOverNotAllowed, Refusal.CodeOf(viaAssign));
            Assert.Equal(RefusalCodes.ReviewHandOverNotAllowed, Refusal.CodeOf(viaUpsert));
            Assert.Contains("Finance review can be passed on only to someone who reviews for Finance", viaUpdate);
            Assert.Equal(_fiona, Owner());
            Assert.NotNull(Record.Exception(() => _org.Decide(_lena, _finance, ReviewDecision.Approved)));
        }

        [Fact]
        public void A_finance_review_is_passed_on_to_another_finance_reviewer_who_decides_it()
        {
            _org.As(_fiona).Execute(new AssignRequest { Target = _finance.ToEntityReference(), Assignee = User(_frank) });

            Assert.Equal(_frank, Owner());
            _org.Decide(_frank, _finance, ReviewDecision.Approved);
        }

        [Fact]
        public void An_approved_finance_review_stays_with_who_approved_it_not_moved_onto_a_finance_colleagues_scorecard()
        {
            _org.Decide(_fiona, _finance, ReviewDecision.Approved);
            var save = new Entity("crmc_feasibilityreview", _finance.Id) { ["ownerid"] = User(_frank) };

            string viaAssign = CrmCollabOrg.Refusal(() => _org.As(_fiona).Execute(new AssignRequest { Target = _finance.ToEntityReference(), Assignee = User(_frank) }));
            string viaUpdate = CrmCollabOrg.Refusal(() => _org.As(_fiona).Update(save));
            string viaBatch = CrmCollabOrg.Refusal(() => _org.As(_fiona).Execute(new UpdateMultipleRequest
            {
                Targets = new EntityCollection(new[] { save }) { EntityName = "crmc_feasibilityreview" },
            }));

            Assert.Equal(RefusalCodes.ReviewDecidedOwnerKept, Refusal.CodeOf(viaAssign));
            Assert.Equal(RefusalCodes.ReviewDecidedOwnerKept, Refusal.CodeOf(viaUpdate));
            Assert.Equal(RefusalCodes.ReviewDecidedOwnerKept, Refusal.CodeOf(viaBatch));
            Assert.Contains("This review is approved: it stays with who held it", viaAssign);
            Assert.Equal(_fiona, Owner());

            _org.As(_org.Admin).Execute(new AssignRequest { Target = _finance.ToEntityReference(), Assignee = User(_frank) }); // recorded under the wrong person
            Assert.Equal(_frank, Owner());
        }

        [Theory]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        [InlineData("Upsert")]
        [InlineData("ExecuteMultiple")]
        [InlineData("ExecuteTransaction")]
        public void A_finance_reviewer_cannot_approve_and_pass_the_approval_onto_a_colleagues_scorecard_in_one_save(string channel)
        {
            var save = new Entity("crmc_feasibilityreview", _finance.Id)
            {
                ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved),
                ["ownerid"] = User(_frank),
            };

            string refusal = _org.RefusedNamingNoId(RefusalCodes.ReviewDecidedOwnerKept,
                () => CrmCollabOrg.UpdateThrough(channel, _org.As(_fiona), save), "crmc_feasibilityreview", "opportunity");

            Assert.Equal("This save decides the review and passes it on to someone else: a decision stays with who made it, since the scorecards " +
                "and the lateness report count it for them. Decide it and keep it, or pass it on first for its new reviewer to decide. " +
                "[CRMC-REVIEW-DECIDED-OWNER-KEPT]", refusal);
            // Either on its own is fine: passed on first, the colleague decides it; or decided and kept.
            _org.As(_fiona).Execute(new AssignRequest { Target = _finance.ToEntityReference(), Assignee = User(_frank) });
            _org.Decide(_frank, _finance, ReviewDecision.Approved);
            Assert.Equal(_frank, Owner());
        }

        [Fact]
        public void A_member_of_the_finance_team_takes_the_teams_review_and_decides_it_in_one_save()
        {
            Guid team = _org.Setup.CreateTeam("Finance team", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Reviewer");
            _org.Setup.AddMembers(team, _frank);
            _org.Rule("Finance team", BusinessFunction.Finance, new EntityReference("team", team), priority: 1);
            _org.As(_fiona).Execute(new AssignRequest { Target = _finance.ToEntityReference(), Assignee = new EntityReference("team", team) });

            _org.As(_frank).Update(new Entity("crmc_feasibilityreview", _finance.Id)
            {
                ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved),
                ["ownerid"] = User(_frank),
            });

            Assert.Equal(_frank, Owner());
            Assert.Equal(_frank, _org.System.Retrieve("crmc_feasibilityreview", _finance.Id, new ColumnSet("crmc_decidedby"))
                .GetAttributeValue<EntityReference>("crmc_decidedby").Id);
        }

        [Theory]
        [InlineData("owns the deal")]
        [InlineData("handed the deal on")]
        public void A_finance_review_is_not_passed_on_to_a_finance_reviewer_who_sold_the_deal_since_they_could_never_decide_it(string who)
        {
            _org.Setup.AssignRole(_org.Rep, "CrmCollab Reviewer");
            _org.DedicatedOwner(_org.Account("Adatum"), BusinessFunction.Finance, user: _org.Rep); // Sam reviews finance for another account
            if (who == "handed the deal on")
            {
                Guid carl = _org.Setup.CreateUser("Carl Sales", _org.Sales, "CrmCollab Salesperson");
                _org.As(_org.Rep).Execute(new AssignRequest { Target = new EntityReference("opportunity", _deal), Assignee = User(carl) });
            }
            var save = new Entity("crmc_feasibilityreview", _finance.Id) { ["ownerid"] = User(_org.Rep) };

            string viaAssign = _org.RefusedNamingNoId(RefusalCodes.ReviewHandOverNotAllowed,
                () => _org.As(_fiona).Execute(new AssignRequest { Target = _finance.ToEntityReference(), Assignee = User(_org.Rep) }), "crmc_feasibilityreview");
            _org.RefusedNamingNoId(RefusalCodes.ReviewHandOverNotAllowed, () => _org.As(_fiona).Update(save), "crmc_feasibilityreview");
            _org.RefusedNamingNoId(RefusalCodes.ReviewHandOverNotAllowed, () => CrmCollabOrg.InExecuteTransaction(_org.As(_fiona), new UpdateRequest { Target = save }),
                "crmc_feasibilityreview");

            Assert.Equal("The person or team you chose owns this opportunity, has owned it or owned it when its review was asked, so they could never decide " +
                "its Finance review and it would wait with them. Pass it on to another Finance reviewer, or ask your CrmCollab administrator. " +
                "[CRMC-REVIEW-HANDOVER-NOT-ALLOWED]", viaAssign);
            Assert.Equal(_fiona, Owner());
        }

        [Fact]
        public void An_ended_dedicated_owner_row_makes_nobody_a_reviewer_of_its_function()
        {
            _org.DedicatedOwner(_org.Account("Adatum"), BusinessFunction.Finance, user: _lena,
                from: CrmCollabOrg.Start.Date.AddYears(-2), to: CrmCollabOrg.Start.Date.AddMonths(-1)); // Lena reviewed finance once

            string refusal = CrmCollabOrg.Refusal(() => _org.As(_fiona).Execute(new AssignRequest { Target = _finance.ToEntityReference(), Assignee = User(_lena) }));

            Assert.Equal(RefusalCodes.ReviewHandOverNotAllowed, Refusal.CodeOf(refusal));
            Assert.Equal(_fiona, Owner());
        }

        [Fact]
        public void A_review_goes_to_the_team_that_holds_the_finance_desk_queue()
        {
            Guid team = _org.Setup.CreateTeam("Finance desk team", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Reviewer", "CrmCollab ADV");
            _org.Setup.AddMembers(team, _org.User("Farid Finance", "CrmCollab Reviewer")); // who works the desk
            Guid queue = _org.System.Create(new Entity("queue") { ["name"] = "Finance desk", ["ownerid"] = new EntityReference("team", team) });
            _org.Rule("Finance desk", BusinessFunction.Finance, new EntityReference("queue", queue), priority: 1);

            _org.As(_fiona).Execute(new AssignRequest { Target = _finance.ToEntityReference(), Assignee = new EntityReference("team", team) });

            Assert.Equal(team, Owner());
        }

        [Fact]
        public void A_member_of_the_finance_team_takes_a_review_routed_to_the_team()
        {
            var org = new CrmCollabOrg();
            Guid fiona = org.User("Fiona Finance", "CrmCollab Reviewer");
            Guid team = org.Setup.CreateTeam("Finance team", org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Reviewer");
            org.Setup.AddMembers(team, fiona);
            org.Rule("Finance team", BusinessFunction.Finance, new EntityReference("team", team), priority: 1);
            org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent");
            Guid deal = org.CustomDeal(org.Account("Adatum"));
            org.MoveTo(deal, SalesStage.Develop);
            Entity finance = org.Review(deal, BusinessFunction.Finance);
            Assert.Equal(team, finance.GetAttributeValue<EntityReference>("ownerid").Id);

            org.As(fiona).Execute(new AssignRequest { Target = finance.ToEntityReference(), Assignee = User(fiona) }); // "Assign to me"

            Assert.Equal(fiona, org.System.Retrieve("crmc_feasibilityreview", finance.Id, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Fact]
        public void An_administrator_may_pass_a_review_to_anyone()
        {
            _org.As(_org.Admin).Update(new Entity("crmc_feasibilityreview", _finance.Id) { ["ownerid"] = User(_lena) });

            Assert.Equal(_lena, Owner());
        }
    }
}
