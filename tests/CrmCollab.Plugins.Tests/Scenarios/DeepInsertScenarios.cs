using System;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An integration or a script creating a row together with its related rows in one request (Entity.RelatedEntities,
    /// Microsoft's "Create related table rows in one operation"): each related row meets the rules its own Create meets,
    /// and a refusal of any of them leaves nothing behind.
    /// </summary>
    public class DeepInsertScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _account, _mia;

        public DeepInsertScenarios()
        {
            _account = _org.Account("Contoso");
            // A sales manager who is also a CrmCollab administrator: may create deals, accounts, reviews and dedicated owners.
            _mia = _org.Setup.CreateUser("Mia Manager", _org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
        }

        private Entity NewDeal(string name = "Line 5 retrofit") => new Entity("opportunity")
        {
            ["name"] = name,
            ["customerid"] = new EntityReference("account", _account),
            ["estimatedvalue"] = new Money(80000m),
            ["crmc_discountpercent"] = 10m,
            ["crmc_paymentterms"] = new OptionSetValue(100000000),
            ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(45),
        };

        private static Entity With(Entity row, string relationship, params Entity[] related)
        {
            row.RelatedEntities[new Relationship(relationship)] = new EntityCollection(related.ToList());
            return row;
        }

        private static Entity Review(ReviewDecision decision) => new Entity("crmc_feasibilityreview")
        {
            ["crmc_name"] = "Finance review",
            ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
            ["crmc_decision"] = new OptionSetValue((int)decision),
        };

        private static Entity Complaint(Guid? account = null)
        {
            var signal = new Entity("crmc_fieldsignal")
            {
                ["crmc_kind"] = new OptionSetValue((int)SignalKind.Complaint), ["crmc_description"] = "Late deliveries again",
            };
            if (account.HasValue) signal["crmc_accountid"] = new EntityReference("account", account.Value);
            return signal;
        }

        private int Count(string table) =>
            _org.System.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(false) }).Entities.Count;

        [Fact]
        public void A_deal_cannot_be_created_together_with_an_approved_feasibility_review()
        {
            string[] touched = { "opportunity", "crmc_feasibilityreview", "account" };
            IOrganizationService mia = _org.As(_mia);

            string refusal = _org.Refused(RefusalCodes.ReviewCreatedDecided,
                () => mia.Create(With(NewDeal(), "crmc_opportunity_crmc_feasibilityreview_opportunityid", Review(ReviewDecision.Approved))), touched);
            // Nested: an account with its deal with its approval; and in a batch.
            _org.Refused(RefusalCodes.ReviewCreatedDecided, () => mia.Create(With(new Entity("account") { ["name"] = "Fabrikam" },
                "opportunity_customer_accounts", With(NewDeal(), "crmc_opportunity_crmc_feasibilityreview_opportunityid", Review(ReviewDecision.Approved)))), touched);
            _org.Refused(RefusalCodes.ReviewCreatedDecided, () => CrmCollabOrg.InExecuteMultiple(mia, new CreateRequest
            {
                Target = With(NewDeal(), "crmc_opportunity_crmc_feasibilityreview_opportunityid", Review(ReviewDecision.ApprovedWithConditions)),
            }), touched);
            // A pending review sent with what CrmCollab records (the terms it watches: the name only) is refused as when added alone.
            var blind = Review(ReviewDecision.Pending);
            blind["crmc_relevantcolumns"] = "name";
            _org.Refused(RefusalCodes.ReviewServerColumn,
                () => mia.Create(With(NewDeal(), "crmc_opportunity_crmc_feasibilityreview_opportunityid", blind)), touched);
            // A salesperson may not create reviews at all: the platform refuses the review, and the deal goes with it.
            string before = _org.Tables(touched);
            Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.As(_org.Rep).Create(
                With(NewDeal(), "crmc_opportunity_crmc_feasibilityreview_opportunityid", Review(ReviewDecision.Approved))));
            Assert.Equal(before, _org.Tables(touched));

            Assert.StartsWith("A feasibility review is created Pending and decided afterwards by its reviewer.", refusal);
        }

        [Fact]
        public void A_deal_cannot_be_created_cleared_through_the_account_it_is_created_with()
        {
            var cleared = NewDeal();
            cleared["crmc_feasibilitystatus"] = new OptionSetValue((int)FeasibilityStatus.Cleared);

            _org.Refused(RefusalCodes.ServerOwnedColumn, () => _org.As(_org.Rep).Create(
                With(new Entity("account") { ["name"] = "Fabrikam" }, "opportunity_customer_accounts", cleared)), "account", "opportunity");
        }

        [Fact]
        public void A_deal_created_with_its_sales_flow_already_at_propose_is_held_at_the_gate_as_a_flow_moved_there_afterwards()
        {
            var org = new CrmCollabOrg();
            var (_, _, account, _) = org.CustomDealAwaitingReviews();
            var deal = new Entity("opportunity")
            {
                ["name"] = "Custom line retrofit", ["customerid"] = new EntityReference("account", account),
                ["estimatedvalue"] = new Money(80000m), ["crmc_discountpercent"] = 10m, ["crmc_iscustomsolution"] = true,
                // What Propose asks (the data comes before the gate, on the flow as on the deal).
                ["customerneed"] = "Retrofit line 4", ["decisionmaker"] = true, ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(60),
                ["budgetamount"] = new Money(80000m),
            };
            var flow = new Entity("opportunitysalesprocess")
            {
                ["name"] = "Sales flow",
                ["processid"] = new EntityReference("workflow", Emulator.Engine.WellKnownProcesses.OpportunitySalesProcessId),
                ["activestageid"] = new EntityReference("processstage", Emulator.Engine.WellKnownProcesses.OpportunityProposeStageId),
            };

            // The deal's reviews are requested after its own save (its PostOperation), which follows its related rows: the gate
            // finds them not yet requested rather than pending, and holds the deal all the same.
            string refusal = org.Refused(RefusalCodes.GateReviewMissing, () => org.As(org.Rep).Create(With(deal, "lk_opportunitysalesprocess_opportunityid", flow)),
                "opportunity", "opportunitysalesprocess", "crmc_feasibilityreview");

            Assert.StartsWith("This opportunity cannot enter Propose yet.", refusal);
        }

        [Fact]
        public void A_deal_created_with_its_product_lines_is_asked_the_reviews_of_the_same_deal_whose_lines_are_added_afterwards()
        {
            var org = new CrmCollabOrg();
            var (_, _, account, _) = org.CustomDealAwaitingReviews();
            Entity Deal(string name) => new Entity("opportunity")
            {
                ["name"] = name, ["customerid"] = new EntityReference("account", account), ["estimatedvalue"] = new Money(80000m),
                ["crmc_discountpercent"] = 10m, ["crmc_iscustomsolution"] = true, ["customerneed"] = "Retrofit line 4 with custom tooling",
                ["decisionmaker"] = true, ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(60), ["budgetamount"] = new Money(80000m),
            };
            Entity Line() => new Entity("opportunityproduct")
            {
                ["isproductoverridden"] = true, ["productdescription"] = "Extra spindle", ["quantity"] = 5m, ["priceperunit"] = new Money(100m),
            };
            IOrganizationService rep = org.As(org.Rep);

            Guid together = rep.Create(With(Deal("Together"), "product_opportunities", Line(), Line()));
            Guid apart = rep.Create(Deal("Apart"));
            for (int i = 0; i < 2; i++)
            {
                Entity line = Line();
                line["opportunityid"] = new EntityReference("opportunity", apart);
                rep.Create(line);
            }

            org.MoveTo(together, SalesStage.Develop);
            org.MoveTo(apart, SalesStage.Develop);

            string Reviews(Guid deal) => string.Join(",", org.Reviews(deal).Entities
                .Select(r => $"{((OptionSetValue)r["crmc_function"]).Value}:{((OptionSetValue)r["crmc_decision"]).Value}").OrderBy(x => x, StringComparer.Ordinal));
            string Status(Guid deal) => org.DealState(deal).GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus")?.Value.ToString();
            Assert.NotEqual("", Reviews(apart));
            Assert.Equal(Reviews(apart), Reviews(together));
            Assert.Equal(Status(apart), Status(together));
        }

        [Fact]
        public void A_deal_cannot_be_created_with_its_own_handoff_tasks_but_its_ordinary_tasks_are_kept()
        {
            string[] touched = { "opportunity", "task" };
            IOrganizationService rep = _org.As(_org.Rep);
            Entity Handoff() => new Entity("task")
            {
                ["subject"] = "Order the pallets", ["crmc_handoffkey"] = "adv-1", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Adv),
            };

            _org.Refused(RefusalCodes.HandoffServerColumn, () => rep.Create(With(NewDeal(), "crmc_opportunity_task_opportunityid", Handoff())), touched);
            _org.Refused(RefusalCodes.HandoffServerColumn, () => rep.Create(With(NewDeal(), "Opportunity_Tasks", Handoff())), touched);
            Guid deal = rep.Create(With(NewDeal(), "Opportunity_Tasks", new Entity("task") { ["subject"] = "Call the buyer back" }));

            var query = new QueryExpression("task") { ColumnSet = new ColumnSet("subject", "crmc_handoffkey") };
            query.Criteria.AddCondition("regardingobjectid", ConditionOperator.Equal, deal);
            Entity task = Assert.Single(_org.System.RetrieveMultiple(query).Entities);
            Assert.Equal("Call the buyer back", task["subject"]);
            Assert.False(task.Contains("crmc_handoffkey"));
            Assert.Empty(_org.HandoffTasks(deal).Entities);
        }

        [Fact]
        public void A_deal_created_with_a_close_recorded_with_it_is_neither_won_nor_handed_off()
        {
            Guid adele = _org.User("Adele ADV", "CrmCollab ADV");
            _org.Template("Order the pallets", BusinessFunction.Adv, 2, 1);
            _org.Rule("ADV desk", BusinessFunction.Adv, adele);
            var close = new Entity("opportunityclose") { ["subject"] = "Won", ["actualrevenue"] = new Money(80000m) };

            Guid deal = _org.As(_org.Rep).Create(With(NewDeal(), "Opportunity_OpportunityClose", close));
            _org.Engine.DrainAsync();

            Assert.Equal(0, _org.DealState(deal).GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Empty(_org.HandoffTasks(deal).Entities);
            Assert.Equal(0, Count("task"));
        }

        [Fact]
        public void An_amendment_cannot_be_raised_on_a_deal_created_in_the_same_request()
        {
            var amendment = new Entity("crmc_amendment")
            {
                ["crmc_name"] = "Discount change", ["crmc_reason"] = "Customer asked for a bigger discount", ["crmc_newdiscountpercent"] = 7m,
                ["crmc_state"] = new OptionSetValue((int)AmendmentState.Submitted),
            };

            _org.Refused(RefusalCodes.AmendmentDealNotWon, () => _org.As(_org.Rep).Create(
                With(NewDeal(), "crmc_opportunity_crmc_amendment_opportunityid", amendment)), "opportunity", "crmc_amendment");
        }

        [Fact]
        public void A_signal_cannot_bring_a_lead_of_its_own_created_in_the_same_request()
        {
            var signal = Complaint(_account);
            signal.RelatedEntities[new Relationship("crmc_lead_crmc_fieldsignal_leadid")] =
                new EntityCollection(new[] { new Entity("lead") { ["subject"] = "Big order coming", ["lastname"] = "Buyer" } }.ToList());

            string refusal = _org.Refused(RefusalCodes.SignalServerColumn, () => _org.As(_org.Rep).Create(signal), "crmc_fieldsignal", "lead", "account");
            // The other way round: a lead created with the signal it is to credit.
            _org.Refused(RefusalCodes.SignalServerColumn, () => _org.As(_org.Rep).Create(With(new Entity("lead") { ["subject"] = "Big order coming", ["lastname"] = "Buyer" },
                "crmc_lead_crmc_fieldsignal_leadid", Complaint(_account))), "crmc_fieldsignal", "lead", "account");

            Assert.StartsWith("'Lead' is set by CrmCollab when a lead signal becomes a lead.", refusal);
        }

        [Fact]
        public void A_signal_raised_with_the_new_account_it_is_about_is_routed_as_one_raised_on_the_account_afterwards()
        {
            IOrganizationService rep = _org.As(_org.Rep);
            Guid together = rep.Create(With(new Entity("account") { ["name"] = "Fabrikam" }, "crmc_account_crmc_fieldsignal_accountid", Complaint()));
            Guid apart = rep.Create(new Entity("account") { ["name"] = "Northwind" });
            rep.Create(Complaint(apart));

            string[] columns = { "ownerid", "crmc_raisedby", "crmc_raisedbyfunction", "crmc_duedate", "crmc_name", "crmc_kind", "statecode" };
            Entity SignalOf(Guid account)
            {
                var query = new QueryExpression("crmc_fieldsignal") { ColumnSet = new ColumnSet(columns) };
                query.Criteria.AddCondition("crmc_accountid", ConditionOperator.Equal, account);
                return Assert.Single(_org.System.RetrieveMultiple(query).Entities);
            }
            Entity first = SignalOf(together), second = SignalOf(apart);
            foreach (string column in columns)
                Assert.Equal(Text(second.GetAttributeValue<object>(column)), Text(first.GetAttributeValue<object>(column)));
            Assert.Equal(_org.Rep, first.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.True(_org.Row("account", together, "crmc_lastsignalon").Contains("crmc_lastsignalon"));
        }

        private static string Text(object value) =>
            value is EntityReference r ? r.LogicalName + ":" + r.Id : value is OptionSetValue o ? o.Value.ToString() : value?.ToString();

        [Fact]
        public void An_account_created_with_its_dedicated_owners_is_checked_as_owners_added_one_by_one()
        {
            string[] touched = { "account", "crmc_dedicatedowner" };
            Guid adele = _org.User("Adele ADV", "CrmCollab ADV"), arthur = _org.User("Arthur ADV", "CrmCollab ADV");
            Entity Owner(Guid user) => new Entity("crmc_dedicatedowner")
            {
                ["crmc_name"] = "ADV owner", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Adv),
                ["crmc_userid"] = new EntityReference("systemuser", user), ["crmc_validfrom"] = CrmCollabOrg.Start.Date.AddYears(-1),
            };
            Entity NewAccount(params Entity[] owners) => With(new Entity("account") { ["name"] = "Fabrikam" }, "crmc_account_crmc_dedicatedowner_accountid", owners);

            // A salesperson may not name dedicated owners: the platform refuses the row, and the account goes with it.
            string before = _org.Tables(touched);
            Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.As(_org.Rep).Create(NewAccount(Owner(adele))));
            Assert.Equal(before, _org.Tables(touched));
            // Two ADV owners at once for the same account and period: refused as the second row added alone is.
            _org.Refused(RefusalCodes.OwnerOverlap, () => _org.As(_mia).Create(NewAccount(Owner(adele), Owner(arthur))), touched);
            Guid account = _org.As(_mia).Create(NewAccount(Owner(adele)));

            var query = new QueryExpression("crmc_dedicatedowner") { ColumnSet = new ColumnSet("crmc_userid") };
            query.Criteria.AddCondition("crmc_accountid", ConditionOperator.Equal, account);
            Assert.Equal(adele, Assert.Single(_org.System.RetrieveMultiple(query).Entities).GetAttributeValue<EntityReference>("crmc_userid").Id);
        }
    }
}
