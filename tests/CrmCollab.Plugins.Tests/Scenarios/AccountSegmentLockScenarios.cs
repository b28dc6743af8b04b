using System;
using CrmCollab.Emulator.Metadata;
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
    /// A retail customer's deals need Finance's review (a rule for the retail industry). The salesperson owns the account
    /// (the Salesperson role writes its own accounts), so without a guard they could clear its industry, see the review
    /// withdrawn, move the deal past the gate and win it, then put the industry back; or move a plant under another group
    /// to have its reviews decided by that group's people. While an account has open deals, its industry, territory, size
    /// and parent account are changed by a CrmCollab Administrator only.
    /// </summary>
    public class AccountSegmentLockScenarios
    {
        private const int Retail = 27;
        internal const string AccountEditor = "Account Editor";
        private static readonly string[] Touched = { "account", "crmc_feasibilityreview", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) => solution.Roles.Add(AccountEditorRole()));
        private readonly Guid _fiona, _account, _deal, _ada;

        public AccountSegmentLockScenarios()
        {
            _fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");
            _account = _org.Account("Contoso", industry: Retail);
            _org.DedicatedOwner(_account, BusinessFunction.Finance, user: _fiona);
            _org.As(_org.Admin).Create(new Entity("crmc_feasibilityrule")
            {
                ["crmc_name"] = "Retail: finance", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
                ["crmc_industrycode"] = new OptionSetValue(Retail), ["crmc_triggerstage"] = new OptionSetValue(SalesStage.Develop),
                ["crmc_gatestage"] = new OptionSetValue(SalesStage.Propose), ["crmc_slahours"] = 48,
                ["crmc_relevantcolumns"] = "crmc_paymentterms", ["crmc_isactive"] = true,
            });
            _org.Engine.DrainAsync();
            _deal = _org.CustomDeal(_account);
            _org.MoveTo(_deal, SalesStage.Develop);
            _ada = _org.Setup.CreateUser("Ada Accounts", _org.Operations, "CrmCollab Administrator", AccountEditor);
        }

        /// <summary>Edits every account: the customer's own role an administrator holds besides CrmCollab Administrator.</summary>
        internal static RoleDefinition AccountEditorRole()
        {
            var role = new RoleDefinition { Id = new Guid("5d0b3f7e-8a21-4c69-b1e4-7f2a9c3d6e18"), Name = AccountEditor };
            foreach (AccessRight right in new[] { AccessRight.Read, AccessRight.Write, AccessRight.Append, AccessRight.AppendTo })
                role.Privileges[("account", right)] = PrivilegeDepth.Global;
            return role;
        }

        private int Decision(Guid review) =>
            _org.System.Retrieve("crmc_feasibilityreview", review, new ColumnSet("crmc_decision")).GetAttributeValue<OptionSetValue>("crmc_decision").Value;

        private static Entity Industry(Guid account, int? code) =>
            new Entity("account", account) { ["industrycode"] = code == null ? null : new OptionSetValue(code.Value) };

        [Fact]
        public void A_salesperson_cannot_clear_the_industry_that_asks_finance_to_review_their_open_deal()
        {
            Entity review = _org.Review(_deal, BusinessFunction.Finance);
            IOrganizationService rep = _org.As(_org.Rep);

            string message = _org.RefusedNamingNoId(RefusalCodes.AccountSegmentAdminOnly, () => rep.Update(Industry(_account, null)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountSegmentAdminOnly, () => CrmCollabOrg.InUpdateMultiple(rep, Industry(_account, 1)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountSegmentAdminOnly,
                () => CrmCollabOrg.InExecuteMultiple(rep, new UpdateRequest { Target = Industry(_account, null) }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountSegmentAdminOnly, () => CrmCollabOrg.InUpsert(rep, Industry(_account, null)), Touched);
            Assert.Equal("This account has an open deal, and its industry decides which feasibility reviews it needs and who reviews them, " +
                "so only a CrmCollab Administrator changes it while the deal is open. Leave it out of the change and save again, " +
                "or ask your CrmCollab administrator to correct it. [CRMC-ACCOUNT-SEGMENT-ADMIN-ONLY]", message);
            _org.Engine.DrainAsync();
            Assert.Equal((int)ReviewDecision.Pending, Decision(review.Id));
            Assert.ThrowsAny<Exception>(() => _org.MoveTo(_deal, SalesStage.Propose));

            // The rest of the account stays the rep's; the industry sent again as it is changes nothing.
            rep.Update(new Entity("account", _account) { ["name"] = "Contoso Retail", ["industrycode"] = new OptionSetValue(Retail) });
        }

        /// <summary>
        /// No page says a merge runs the Update steps of the account that stays for what it writes to it (UpdateContent):
        /// on an organisation where the account's Update steps do not run, the Merge step alone holds the rule.
        /// </summary>
        [Fact]
        public void A_salesperson_cannot_clear_the_industry_by_merging_a_duplicate_into_the_account()
        {
            var org = new CrmCollabOrg((solution, options) => solution.Steps.RemoveAll(s =>
                s.PluginTypeName.EndsWith(".CustomerGuard", StringComparison.Ordinal) && s.MessageName == "Update"));
            Guid account = org.Account("Contoso", industry: Retail);
            org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent");
            org.CustomDeal(account);
            Guid duplicate = org.Account("Contoso (duplicate)");
            MergeRequest merge = new MergeRequest
            {
                Target = new EntityReference("account", account), SubordinateId = duplicate,
                UpdateContent = new Entity("account") { ["industrycode"] = null }, PerformParentingChecks = false,
            };

            org.RefusedNamingNoId(RefusalCodes.AccountSegmentAdminOnly, () => org.As(org.Rep).Execute(merge), Touched);
            merge.UpdateContent = new Entity("account") { ["industrycode"] = new OptionSetValue(Retail) }; // kept as it is
            org.As(org.Rep).Execute(merge);
        }

        [Fact]
        public void A_crmcollab_administrator_corrects_the_industry_and_the_deal_is_re_evaluated()
        {
            Entity review = _org.Review(_deal, BusinessFunction.Finance);

            _org.As(_ada).Update(Industry(_account, null));
            _org.Engine.DrainAsync();

            Assert.Equal((int)ReviewDecision.Withdrawn, Decision(review.Id));
        }

        [Fact]
        public void A_salesperson_still_sets_the_industry_of_an_account_without_open_deals()
        {
            Guid prospect = _org.Account("Fabrikam");
            _org.As(_org.Rep).Update(Industry(prospect, Retail));
            _org.Decide(_fiona, _org.Review(_deal, BusinessFunction.Finance), ReviewDecision.Approved);
            _org.Win(_deal);
            _org.As(_org.Rep).Update(Industry(_account, 1)); // its only deal is won: nothing open is gated or routed by it
        }

        /// <summary>
        /// The same rule around a loss: any salesperson may reopen a lost deal, and its reopen asks the reviews its account's
        /// industry needs then. So the salesperson cannot lose the deal, clear the industry, reopen the deal without its
        /// Finance review and move it on (then put the industry back): while the account has a lost deal, its industry is
        /// an administrator's to change, in every channel.
        /// </summary>
        [Fact]
        public void A_salesperson_cannot_lose_their_deal_clear_the_industry_and_reopen_it_without_its_finance_review()
        {
            IOrganizationService rep = _org.As(_org.Rep);
            _org.Lose(_deal);

            string message = _org.RefusedNamingNoId(RefusalCodes.AccountSegmentAdminOnly, () => rep.Update(Industry(_account, null)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountSegmentAdminOnly, () => CrmCollabOrg.InUpdateMultiple(rep, Industry(_account, 1)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountSegmentAdminOnly,
                () => CrmCollabOrg.InExecuteMultiple(rep, new UpdateRequest { Target = Industry(_account, null) }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountSegmentAdminOnly, () => CrmCollabOrg.InUpsert(rep, Industry(_account, null)), Touched);
            Assert.Equal("This account has a lost deal, which its salesperson may reopen, and its industry decides which feasibility reviews it needs " +
                "and who reviews them, so only a CrmCollab Administrator changes it while the deal may be reopened. Leave it out of the change and save " +
                "again, or ask your CrmCollab administrator to correct it. [CRMC-ACCOUNT-SEGMENT-ADMIN-ONLY]", message);

            // Reopened, the deal is asked its Finance review again and held until it is approved.
            rep.Execute(CrmCollabOrg.StateChange("SetState", "opportunity", _deal, 0, -1));
            Assert.Equal((int)ReviewDecision.Pending, Decision(_org.Review(_deal, BusinessFunction.Finance).Id));
            Assert.Equal(RefusalCodes.GateNotCleared, Plugins.Domain.Refusal.CodeOf(CrmCollabOrg.Refusal(() => _org.MoveTo(_deal, SalesStage.Propose))));
        }

        /// <summary>
        /// A merge moves the merged-away account's plants (the accounts below it) under the account that stays, below the
        /// pipeline: no step of the plants runs. The Lille plant falls back to Contoso Holding, whose Finance owner is Fiona;
        /// merging its group into Fabrikam Group, whose Finance owner is Bob, would move the plant's open deal's Finance
        /// review to Bob, as the plant's own move under Fabrikam Group would — which is refused. While the plants below the
        /// account merged away route open deals, the merge is a CrmCollab Administrator's.
        /// </summary>
        [Fact]
        public void A_salesperson_cannot_move_a_plant_with_an_open_deal_under_another_group_by_merging_its_group_away()
        {
            var org = new CrmCollabOrg();
            Guid fiona = org.User("Fiona Finance", "CrmCollab Reviewer"), bob = org.User("Bob Finance", "CrmCollab Reviewer");
            Guid holding = org.Account("Contoso Holding");
            org.DedicatedOwner(holding, BusinessFunction.Finance, user: fiona);
            Guid group = org.Account("Contoso Group", parent: holding);
            Guid plant = org.Account("Lille plant", parent: group);
            Guid fabrikam = org.Account("Fabrikam Group");
            org.DedicatedOwner(fabrikam, BusinessFunction.Finance, user: bob);
            org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent,estimatedvalue");
            org.Engine.DrainAsync();
            Guid deal = org.CustomDeal(plant);
            org.MoveTo(deal, SalesStage.Develop);
            Assert.Equal(fiona, org.Review(deal, BusinessFunction.Finance).GetAttributeValue<EntityReference>("ownerid").Id);
            MergeRequest Merge() => new MergeRequest
            {
                Target = new EntityReference("account", fabrikam), SubordinateId = group, UpdateContent = new Entity("account"),
            };
            IOrganizationService rep = org.As(org.Rep);

            string refusal = org.RefusedNamingNoId(RefusalCodes.AccountSegmentAdminOnly, () => rep.Execute(Merge()), Touched);
            org.RefusedNamingNoId(RefusalCodes.AccountSegmentAdminOnly, () => CrmCollabOrg.InExecuteMultiple(rep, Merge()), Touched);
            org.RefusedNamingNoId(RefusalCodes.AccountSegmentAdminOnly, () => CrmCollabOrg.InExecuteTransaction(rep, Merge()), Touched);
            Assert.StartsWith("This account has an open deal, and its parent account decides which feasibility reviews", refusal);
            org.Engine.DrainAsync();
            Assert.Equal(group, org.Row("account", plant, "parentaccountid").GetAttributeValue<EntityReference>("parentaccountid").Id);
            Assert.Equal(fiona, org.Review(deal, BusinessFunction.Finance).GetAttributeValue<EntityReference>("ownerid").Id);

            // A CrmCollab Administrator merges it (the group was a duplicate): the plant's work follows Fabrikam Group's routing.
            Guid boss = org.Setup.CreateUser("Bea Boss", org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            foreach (Guid account in new[] { group, fabrikam })
                org.System.Execute(new AssignRequest { Target = new EntityReference("account", account), Assignee = new EntityReference("systemuser", boss) });
            org.As(boss).Execute(Merge());
            org.Engine.DrainAsync();
            Assert.Equal(fabrikam, org.Row("account", plant, "parentaccountid").GetAttributeValue<EntityReference>("parentaccountid").Id);
        }

        [Fact]
        public void A_salesperson_cannot_move_a_plant_with_an_open_deal_under_another_group()
        {
            Guid group = _org.Account("Contoso Group");
            Guid other = _org.Account("Fabrikam Group");
            Guid plant = _org.Account("Lille plant", parent: group);
            Guid site = _org.Account("Lille packaging site", parent: plant);
            _org.CustomDeal(site);

            _org.RefusedNamingNoId(RefusalCodes.AccountSegmentAdminOnly,
                () => _org.As(_org.Rep).Update(new Entity("account", plant) { ["parentaccountid"] = new EntityReference("account", other) }), Touched);
            _org.As(_org.Rep).Update(new Entity("account", plant) { ["parentaccountid"] = new EntityReference("account", group) }); // as it is
        }
    }
}
