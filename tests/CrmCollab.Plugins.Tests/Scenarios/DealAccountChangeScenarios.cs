using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A deal moved to another customer: its pending reviews go to the new account's reviewers, and an approval is
    /// asked again where the rules say the customer matters.
    /// </summary>
    public class DealAccountChangeScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _fiona, _deal, _frank, _fabrikam;

        public DealAccountChangeScenarios()
        {
            (_lena, _fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _frank = _org.User("Frank Finance", "CrmCollab Reviewer");
            _fabrikam = _org.Account("Fabrikam");
            _org.DedicatedOwner(_fabrikam, BusinessFunction.Finance, user: _frank);
        }

        private void MoveToFabrikam() =>
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", _fabrikam) });

        [Fact]
        public void The_pending_finance_review_follows_the_deal_to_its_new_accounts_finance_owner()
        {
            Entity finance = _org.Review(_deal, BusinessFunction.Finance);
            Assert.Equal(_fiona, finance.GetAttributeValue<EntityReference>("ownerid").Id);

            MoveToFabrikam();

            Entity moved = _org.System.Retrieve("crmc_feasibilityreview", finance.Id, new ColumnSet("ownerid", "crmc_routingpath", "crmc_decision"));
            Assert.Equal(_frank, moved.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.StartsWith("Reassigned", moved.GetAttributeValue<string>("crmc_routingpath"));
            Assert.Contains("moved to another account", moved.GetAttributeValue<string>("crmc_routingpath"));
            // Contoso's finance owner no longer decides for the Fabrikam deal; Fabrikam's does.
            Assert.NotNull(Record.Exception(() => _org.Decide(_fiona, finance, ReviewDecision.Approved)));
            _org.Decide(_frank, finance, ReviewDecision.Approved);
            Assert.Equal((int)ReviewDecision.Approved, _org.Review(_deal, BusinessFunction.Finance).GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }

        [Fact]
        public void A_deal_moved_away_and_back_cannot_choose_who_approves_it()
        {
            Guid contoso = _org.Row("opportunity", _deal, "customerid").GetAttributeValue<EntityReference>("customerid").Id;
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);

            // To Fabrikam, whose finance owner approves; then back to Contoso.
            MoveToFabrikam();
            Entity logistics = _org.Review(_deal, BusinessFunction.Logistics);
            Assert.Equal((int)ReviewDecision.Pending, logistics.GetAttributeValue<OptionSetValue>("crmc_decision").Value); // given for Contoso: asked again
            _org.Decide(_frank, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", contoso) });

            // Contoso's reviewers decide again: Frank's approval was for Fabrikam.
            Entity finance = _org.Review(_deal, BusinessFunction.Finance);
            Assert.Equal((int)ReviewDecision.Pending, finance.GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Equal(_fiona, finance.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.NotNull(Record.Exception(() => _org.MoveTo(_deal, SalesStage.Propose)));
            _org.Decide(_fiona, finance, ReviewDecision.Approved);
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
        }

        /// <summary>
        /// Contoso's reviewers approved the deal; the salesperson saves Fabrikam as its customer and Propose as its stage in
        /// one save (the form, an integration, a batch). The move may not lean on the approvals that very save re-opens
        /// for Fabrikam's reviewers: it is refused, nothing is written, and once the new account is saved on its own and
        /// Fabrikam's reviewers approve, the deal moves on.
        /// </summary>
        [Theory]
        [InlineData("Update")]
        [InlineData("Upsert")]
        [InlineData("UpdateMultiple")]
        [InlineData("ExecuteMultiple")]
        public void A_deal_moved_to_another_account_and_past_the_gate_in_one_save_cannot_lean_on_the_approvals_of_the_account_it_leaves(string channel)
        {
            _org.DedicatedOwner(_fabrikam, BusinessFunction.Logistics, user: _lena); // Lena delivers for both
            _org.ApproveBothReviews(_lena, _fiona, _deal);
            var both = new Entity("opportunity", _deal)
            {
                ["customerid"] = new EntityReference("account", _fabrikam), ["salesstage"] = new OptionSetValue(SalesStage.Propose),
            };
            IOrganizationService rep = _org.As(_org.Rep);
            Action save;
            switch (channel)
            {
                case "Update": save = () => rep.Update(both); break;
                case "Upsert": save = () => CrmCollabOrg.InUpsert(rep, both); break;
                case "UpdateMultiple": save = () => CrmCollabOrg.InUpdateMultiple(rep, both); break;
                default: save = () => CrmCollabOrg.InExecuteMultiple(rep, new Microsoft.Xrm.Sdk.Messages.UpdateRequest { Target = both }); break;
            }

            string refusal = _org.RefusedNamingNoId(Plugins.Domain.RefusalCodes.GateNotCleared, save, "opportunity", "crmc_feasibilityreview", "task");

            Assert.Contains("Finance", refusal);
            Assert.Contains("Logistics", refusal);
            Assert.Contains("save the new account without moving the stage", refusal);
            Assert.Equal(SalesStage.Develop, _org.Row("opportunity", _deal, "salesstage").GetAttributeValue<OptionSetValue>("salesstage").Value);
            // As the form asks: the account first (its reviewers are asked), their approvals, then the move.
            MoveToFabrikam();
            Entity finance = _org.Review(_deal, BusinessFunction.Finance);
            Assert.Equal(_frank, finance.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.NotNull(Record.Exception(() => _org.MoveTo(_deal, SalesStage.Propose)));
            _org.Decide(_frank, finance, ReviewDecision.Approved);
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
            Assert.Equal(SalesStage.Propose, _org.Row("opportunity", _deal, "salesstage").GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        /// <summary>
        /// A lost deal keeps its decided reviews, which count again once it is reopened: moved to another account while
        /// lost (or with the reopen in one save, whose other columns the platform applies first), its approvals were
        /// given for the account it left and are asked again of the new account's reviewers.
        /// </summary>
        [Theory]
        [InlineData("moved while lost, then reopened")]
        [InlineData("moved with the reopen in one save")]
        public void A_lost_deal_moved_to_another_account_is_not_won_on_the_approval_of_the_account_it_left(string path)
        {
            _org.DedicatedOwner(_fabrikam, BusinessFunction.Logistics, user: _lena); // Lena delivers for both
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Lose(_deal);

            var move = new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", _fabrikam) };
            if (path == "moved with the reopen in one save") move["statecode"] = new OptionSetValue(0);
            _org.As(_org.Rep).Update(move);
            if (path == "moved while lost, then reopened")
                _org.As(_org.Rep).Execute(new Microsoft.Crm.Sdk.Messages.SetStateRequest
                {
                    EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1),
                });

            // Fiona approved for Contoso: Fabrikam's finance owner decides now.
            Entity finance = _org.Review(_deal, BusinessFunction.Finance);
            Assert.Equal((int)ReviewDecision.Pending, finance.GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Equal(_frank, finance.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.NotNull(Record.Exception(() => _org.Win(_deal, drain: false)));
            _org.Decide(_frank, finance, ReviewDecision.Approved);
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.Win(_deal);
        }

        /// <summary>
        /// An open deal of an account merged away into another: Fiona approved its finance terms for Contoso, and the
        /// merge moves it to Fabrikam below the pipeline. It is not moved on on her approval: Fabrikam's finance owner is
        /// asked at the deal's next review request (a save of its stage), and decides.
        /// </summary>
        [Fact]
        public void An_open_deal_whose_account_is_merged_away_is_not_moved_on_on_the_approvals_of_the_account_it_left()
        {
            _org.DedicatedOwner(_fabrikam, BusinessFunction.Logistics, user: _lena); // Lena delivers for both
            Entity approval = _org.Review(_deal, BusinessFunction.Finance);
            _org.Decide(_fiona, approval, ReviewDecision.Approved);
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            Guid contoso = _org.Row("opportunity", _deal, "customerid").GetAttributeValue<EntityReference>("customerid").Id;
            Guid boss = _org.Setup.CreateUser("Bea Boss", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            var rows = new QueryExpression("crmc_dedicatedowner") { ColumnSet = new ColumnSet(false) };
            rows.Criteria.AddCondition("crmc_accountid", ConditionOperator.Equal, contoso);
            foreach (Entity row in _org.System.RetrieveMultiple(rows).Entities)
                _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", row.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });
            foreach (Guid account in new[] { contoso, _fabrikam })
                _org.System.Execute(new Microsoft.Crm.Sdk.Messages.AssignRequest
                {
                    Target = new EntityReference("account", account), Assignee = new EntityReference("systemuser", boss),
                });

            _org.As(boss).Execute(new Microsoft.Crm.Sdk.Messages.MergeRequest
            {
                Target = new EntityReference("account", _fabrikam), SubordinateId = contoso, UpdateContent = new Entity("account"),
            });

            Assert.Equal(_fabrikam, _org.Row("opportunity", _deal, "customerid").GetAttributeValue<EntityReference>("customerid").Id);
            Assert.Equal((int)ReviewDecision.Invalidated, _org.Row("crmc_feasibilityreview", approval.Id, "crmc_decision").GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Contains("Finance", CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose, boss))); // the accounts' Assign took their deals to Bea

            _org.MoveTo(_deal, SalesStage.Develop, boss); // the stage saved again asks the reviews the deal needs
            Entity asked = _org.Review(_deal, BusinessFunction.Finance);
            Assert.Equal((int)ReviewDecision.Pending, asked.GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Equal(_frank, asked.GetAttributeValue<EntityReference>("ownerid").Id);
            _org.Decide(_frank, asked, ReviewDecision.Approved);
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose, boss);

            Assert.Equal(SalesStage.Propose, _org.Row("opportunity", _deal, "salesstage").GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        /// <summary>
        /// A won deal's customer (or Account) saved again is not a locked term, and a merge of accounts moves its deals
        /// too: moved to Fabrikam while won, then reopened by a CrmCollab Administrator and won again, it needs
        /// Fabrikam's reviewers, not the approvals Contoso's gave.
        /// </summary>
        [Theory]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        [InlineData("Upsert")]
        [InlineData("Merge")]
        public void A_won_deal_moved_to_another_account_is_not_won_again_on_the_approvals_of_the_account_it_left(string channel)
        {
            _org.DedicatedOwner(_fabrikam, BusinessFunction.Logistics, user: _lena); // Lena delivers for both
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal, drain: false);
            Guid boss = _org.Setup.CreateUser("Bea Boss", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            _org.As(_org.Rep).Execute(new Microsoft.Crm.Sdk.Messages.AssignRequest
            {
                Target = new EntityReference("opportunity", _deal), Assignee = new EntityReference("systemuser", boss),
            });

            var move = new Entity("opportunity", _deal) { ["customerid"] = new EntityReference("account", _fabrikam) };
            IOrganizationService service = _org.As(boss);
            Guid contoso = _org.Row("opportunity", _deal, "customerid").GetAttributeValue<EntityReference>("customerid").Id;
            if (channel == "Merge")
            {
                // Contoso turns out to be a duplicate of Fabrikam: the administrator ends its dedicated owner rows (two
                // owners of one function are refused at the merge) and merges it away; its deals move to Fabrikam.
                var rows = new QueryExpression("crmc_dedicatedowner") { ColumnSet = new ColumnSet(false) };
                rows.Criteria.AddCondition("crmc_accountid", ConditionOperator.Equal, contoso);
                foreach (Entity row in _org.System.RetrieveMultiple(rows).Entities)
                    _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", row.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });
                foreach (Guid account in new[] { contoso, _fabrikam })
                    _org.System.Execute(new Microsoft.Crm.Sdk.Messages.AssignRequest
                    {
                        Target = new EntityReference("account", account), Assignee = new EntityReference("systemuser", boss),
                    });
                service.Execute(new Microsoft.Crm.Sdk.Messages.MergeRequest
                {
                    Target = new EntityReference("account", _fabrikam), SubordinateId = contoso, UpdateContent = new Entity("account"),
                });
            }
            else if (channel == "Update") service.Update(move);
            else if (channel == "UpdateMultiple")
                service.Execute(new Microsoft.Xrm.Sdk.Messages.UpdateMultipleRequest { Targets = new EntityCollection(new[] { move }) { EntityName = "opportunity" } });
            else service.Execute(new Microsoft.Xrm.Sdk.Messages.UpsertRequest { Target = move });
            Assert.Equal(_fabrikam, _org.Row("opportunity", _deal, "customerid").GetAttributeValue<EntityReference>("customerid").Id);
            // Still won, with the feasibility status it was won with.
            Assert.Equal(1, _org.Row("opportunity", _deal, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal((int)FeasibilityStatus.Cleared, _org.DealState(_deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus").Value);
            service.Execute(new Microsoft.Crm.Sdk.Messages.SetStateRequest
            {
                EntityMoniker = new EntityReference("opportunity", _deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1),
            });

            // Fiona approved for Contoso: Fabrikam's finance owner decides now.
            Entity finance = _org.Review(_deal, BusinessFunction.Finance);
            Assert.Equal((int)ReviewDecision.Pending, finance.GetAttributeValue<OptionSetValue>("crmc_decision").Value);
            Assert.Equal(_frank, finance.GetAttributeValue<EntityReference>("ownerid").Id);
            string refusal = CrmCollabOrg.Refusal(() => _org.Win(_deal, asUser: boss, drain: false));
            Assert.Contains("Finance pending", refusal);
            _org.Decide(_frank, finance, ReviewDecision.Approved);
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.Win(_deal, asUser: boss, drain: false);

            Assert.Equal(1, _org.Row("opportunity", _deal, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }
    }
}
