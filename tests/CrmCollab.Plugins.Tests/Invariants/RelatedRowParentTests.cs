using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Feasibility;
using CrmCollab.Plugins.Guards;
using CrmCollab.Plugins.Terms;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// A client's rows created with another row in one request (deep insert: Microsoft's "Create related table rows in one
    /// operation") are written by the platform inside that row's Create, and no page says at which stage of it. So a row a
    /// client sends is never taken for CrmCollab's own write because its parent context is a PostOperation: each guard
    /// below is run as the platform could run it for such a row, by a salesperson, with the parent's Create at PostOperation.
    /// </summary>
    public class RelatedRowParentTests
    {
        private static readonly Guid Rep = Guid.NewGuid(), SystemUser = Guid.NewGuid(), DealId = Guid.NewGuid();

        /// <summary>The guard's refusal (its code), or null when it let the row through.</summary>
        private static string Run(IPlugin guard, string table, Entity row, string parentTable, int parentStage = 40, string message = "Create")
        {
            var parent = Stub<IPluginExecutionContext>.Create();
            Stub<IPluginExecutionContext>.Of(parent).Answer = name =>
                name == "get_Stage" ? parentStage : name == "get_MessageName" ? "Create" : name == "get_PrimaryEntityName" ? parentTable
                : name == "get_PrimaryEntityId" ? Guid.NewGuid() : name == "get_InputParameters" ? new ParameterCollection() : (object)null;
            var context = Stub<IPluginExecutionContext>.Create();
            var inputs = new ParameterCollection { ["Target"] = row };
            Stub<IPluginExecutionContext>.Of(context).Answer = name =>
                name == "get_Stage" ? 20 : name == "get_MessageName" ? message : name == "get_PrimaryEntityName" ? table
                : name == "get_PrimaryEntityId" ? row.Id
                : name == "get_InputParameters" ? inputs : name == "get_PreEntityImages" ? new EntityImageCollection()
                : name == "get_PostEntityImages" ? new EntityImageCollection() : name == "get_SharedVariables" ? new ParameterCollection()
                : name == "get_OutputParameters" ? new ParameterCollection() : name == "get_ParentContext" ? parent
                : name == "get_OperationCreatedOn" ? new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc)
                : name == "get_UserId" || name == "get_InitiatingUserId" ? Rep : name == "get_Depth" ? 1 : (object)null;
            // The SYSTEM service answers WhoAmI with SYSTEM's id, which is not the salesperson's.
            var service = Stub<IOrganizationService>.Create();
            Stub<IOrganizationService>.Of(service).Answer = name => name == "Execute"
                ? new OrganizationResponse { Results = new ParameterCollection { ["UserId"] = SystemUser } } : null;
            var factory = Stub<IOrganizationServiceFactory>.Create();
            Stub<IOrganizationServiceFactory>.Of(factory).Answer = name => service;

            Exception thrown = Record.Exception(() => guard.Execute(new StubServiceProvider(context, factory)));
            return thrown == null ? null : Refusal.CodeOf(thrown.Message);
        }

        [Fact]
        public void Handoff_tasks_sent_with_the_deal_they_are_created_with_are_not_taken_for_crmcollabs_handoffs()
        {
            var task = new Entity("task")
            {
                ["subject"] = "Order the pallets", ["crmc_handoffkey"] = "adv-1",
                ["crmc_opportunityid"] = new EntityReference("opportunity", DealId),
            };

            Assert.Equal(RefusalCodes.HandoffServerColumn, Run(new HandoffGuard(null, null), "task", task, "opportunity"));
        }

        [Fact]
        public void A_deal_sent_cleared_with_the_account_it_is_created_with_is_not_taken_for_crmcollabs_status()
        {
            var deal = new Entity("opportunity") { ["name"] = "Line 5 retrofit", ["crmc_feasibilitystatus"] = new OptionSetValue((int)FeasibilityStatus.Cleared) };

            Assert.Equal(RefusalCodes.ServerOwnedColumn, Run(new OpportunityGuard(null, null), "opportunity", deal, "account"));
        }

        [Fact]
        public void A_review_sent_with_the_terms_it_watches_with_the_deal_it_is_created_with_is_not_taken_for_crmcollabs_request()
        {
            var review = new Entity("crmc_feasibilityreview")
            {
                ["crmc_opportunityid"] = new EntityReference("opportunity", DealId), ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
                ["crmc_relevantcolumns"] = "name",
            };

            Assert.Equal(RefusalCodes.ReviewServerColumn, Run(new ReviewDecisionGuard(null, null), "crmc_feasibilityreview", review, "opportunity"));
        }

        [Fact]
        public void An_account_sent_with_a_last_signal_date_with_the_signal_it_is_created_with_is_not_taken_for_the_intakes_mark()
        {
            var account = new Entity("account") { ["name"] = "Fabrikam", ["crmc_lastsignalon"] = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) };

            Assert.Equal(RefusalCodes.AccountSignalDate, Run(new CustomerGuard(null, null), "account", account, "crmc_fieldsignal"));
        }

        [Fact]
        public void A_won_on_date_written_as_a_person_inside_the_close_of_a_win_is_not_taken_for_crmcollabs_stamp()
        {
            var deal = new Entity("opportunity", DealId) { ["crmc_wonon"] = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) };

            Assert.Equal(RefusalCodes.ServerOwnedColumn,
                Run(new OpportunityGuard(null, null), "opportunity", deal, "opportunityclose", parentStage: 20, message: "Update"));
        }

        [Fact]
        public void A_signal_retargeted_as_a_person_after_a_signal_is_saved_is_not_taken_for_the_intakes_routing()
        {
            var signal = new Entity("crmc_fieldsignal", Guid.NewGuid()) { ["crmc_accountid"] = new EntityReference("account", Guid.NewGuid()) };

            Assert.Equal(RefusalCodes.SignalServerColumn,
                Run(new CrmCollab.Plugins.Signals.SignalAcknowledgement(null, null), "crmc_fieldsignal", signal, "crmc_fieldsignal", message: "Update"));
        }
    }
}
